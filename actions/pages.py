"""A page of course cards as the one message every channel receives.

Each page goes out once, as a ``courses`` payload that carries both the cards (for
channels that draw them: the web widget, Telegram) and their plain-text rendering (for
channels that cannot: the terminal, any other client of the REST channel). A channel
therefore never has to find the cards' text among the other messages to hide it.
The buttons that belong under the page travel in the payload too: Rasa would otherwise
send them as a separate, text-less message before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from advisor.cards import CourseCard, courses_payload


def page_payload(
    cards: Sequence[CourseCard],
    text: str,
    *,
    heading: str | None = None,
    offers: bool = False,
    shortlist: bool = False,
    buttons: Sequence[dict[str, str]] = (),
) -> dict[str, Any]:
    """``{"type": "courses", "text", "courses", "offers", "shortlist"}``, plus the optional
    ``heading`` (the line above the cards; ``text`` starts with it) and ``buttons``."""
    payload: dict[str, Any] = {
        **courses_payload(cards),
        "text": f"{heading}\n\n{text}" if heading else text,
        "offers": offers,
        "shortlist": shortlist,
    }
    if heading:
        payload["heading"] = heading
    if buttons:
        payload["buttons"] = list(buttons)
    return payload


def send_page(
    dispatcher: CollectingDispatcher,
    cards: Sequence[CourseCard],
    text: str,
    *,
    heading: str | None = None,
    offers: bool = False,
    shortlist: bool = False,
    buttons: Sequence[dict[str, str]] = (),
) -> None:
    """Send one page of cards as a single message (see :func:`page_payload`)."""
    dispatcher.utter_message(
        json_message=page_payload(
            cards, text, heading=heading, offers=offers, shortlist=shortlist, buttons=buttons
        )
    )
