"""The advisor's messages -> the messages the widget renders.

The widget gets one shape whether a message arrives live (``/api/chat``) or is restored
after a reload (``/api/history``): ``{"from": "user" | "bot", "text"?, "buttons"?,
"custom"?}``, plus ``"advisor": name`` on a human advisor's reply in the history. Both
come from the typed messages of :mod:`bot.messages`, so only fields the widget draws,
each of the right type, ever reach the page.

A page of course cards is one message: its heading as the text, the cards as a
``courses`` payload, and its buttons (the follow-ups). Its plain-text rendering is for
channels that cannot draw cards and is not sent to the browser.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.messages import (
    Button,
    Courses,
    Custom,
    Message,
    Reminder,
    Text,
    from_bot_event,
    is_external,
)

SHOWN_KEY = "widget_shown"  # user-event metadata: what the learner's bubble showed
ADVISOR_SOURCE = "advisor_console"  # bot-event metadata of a human advisor's reply
MAX_HISTORY_MESSAGES = 300  # a long conversation restores its recent part, not all of it


def _buttons(buttons: Iterable[Button]) -> list[dict[str, str]]:
    return [button.as_dict() for button in buttons]


def widget_message(message: Message) -> dict[str, Any]:
    """One typed message in the widget's shape."""
    shown: dict[str, Any] = {"from": "bot"}
    if isinstance(message, Text):
        if message.text.strip():
            shown["text"] = message.text
        if message.buttons:
            shown["buttons"] = _buttons(message.buttons)
    elif isinstance(message, Courses):
        if message.heading:
            shown["text"] = message.heading
        shown["custom"] = {
            "type": "courses",
            "courses": [card.as_dict() for card in message.cards],
            "offers": message.offers,
            "shortlist": message.shortlist,
        }
        if message.buttons:
            shown["buttons"] = _buttons(message.buttons)
    elif isinstance(message, Reminder):
        at = message.at.isoformat() if message.at else None
        shown["custom"] = {"type": "reminder", "at": at}
    elif isinstance(message, Custom):
        shown["custom"] = message.payload
    return shown


def from_turn(messages: Iterable[Message]) -> list[dict[str, Any]]:
    """A turn's messages for the widget."""
    return [widget_message(message) for message in messages]


def _offered(message: Message) -> tuple[Button, ...]:
    return message.buttons if isinstance(message, Text | Courses) else ()


def _user_text(event: dict[str, Any], offered: Iterable[Button]) -> str | None:
    """What the learner saw themselves send.

    The widget records a pressed button's title in the event's metadata; without it, an
    intent payload (``/skip``) offered by a button reads as that button's title, and one
    no button offered (``/greet``) was sent by the widget itself and is not shown.
    """
    text: str = event["text"]
    metadata = event.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get(SHOWN_KEY), str):
        shown: str = metadata[SHOWN_KEY]
        return shown
    if not text.startswith("/"):
        return text
    return next((button.title for button in offered if button.payload == text), None)


def _advisor(event: dict[str, Any]) -> str | None:
    """The human advisor who wrote a bot event from the advisor console, if one did."""
    metadata = event.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("source") != ADVISOR_SOURCE:
        return None
    name = metadata.get("advisor")
    return name if isinstance(name, str) and name else "Advisor"


def from_tracker(events: object) -> list[dict[str, Any]]:
    """A tracker's ``user`` and ``bot`` events -> the conversation as the widget shows it."""
    if not isinstance(events, list):
        return []
    history: list[dict[str, Any]] = []
    offered: list[Button] = []
    for event in events:
        if not isinstance(event, dict):
            continue
        if event.get("event") == "user" and isinstance(event.get("text"), str):
            if is_external(event):
                continue  # a reminder firing, not something the learner typed
            shown = _user_text(event, offered)
            offered = []
            if shown and shown.strip():
                history.append({"from": "user", "text": shown})
            continue
        advisor = _advisor(event)
        for message in from_bot_event(event):
            offered += _offered(message)
            shown_message = widget_message(message)
            if advisor:
                shown_message["advisor"] = advisor
            history.append(shown_message)
    return history[-MAX_HISTORY_MESSAGES:]
