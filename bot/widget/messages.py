"""Rasa's messages and tracker events -> the messages the widget renders.

The widget gets one shape whether a message arrives live (``/api/chat``) or is restored
after a reload (``/api/history``): ``{"from": "user" | "bot", "text"?, "buttons"?,
"custom"?}``, plus ``"advisor": name`` on a human advisor's reply in the history. Only
the fields the widget draws are passed on, each checked for its type, so a malformed
event can never break the page.

Recommendation turns say the same thing twice: a plain-text rendering of the courses
(for channels without cards) and a ``courses`` payload. The widget draws cards, so the
text is folded into the card message here, keeping its buttons (the follow-ups).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypedDict

SHOWN_KEY = "widget_shown"  # user-event metadata: what the learner's bubble showed
ADVISOR_SOURCE = "advisor_console"  # bot-event metadata of a human advisor's reply
# Rasa's text for a user event it triggered itself (``UserUttered.create_external``).
EXTERNAL_PREFIX = "EXTERNAL: "
MAX_HISTORY_MESSAGES = 300  # a long conversation restores its recent part, not all of it


class Button(TypedDict):
    """A quick reply: the title is shown, the payload is sent."""

    title: str
    payload: str


def _buttons(raw: object) -> list[Button]:
    """Buttons with a string title and payload; anything else is dropped."""
    if not isinstance(raw, list):
        return []
    return [
        Button(title=item["title"], payload=item["payload"])
        for item in raw
        if isinstance(item, dict)
        and isinstance(item.get("title"), str)
        and isinstance(item.get("payload"), str)
    ]


def bot_message(text: object, buttons: object, custom: object) -> dict[str, Any] | None:
    """A bot message in the widget's shape, or None when it has nothing to show."""
    message: dict[str, Any] = {"from": "bot"}
    if isinstance(text, str) and text.strip():
        message["text"] = text
    clean_buttons = _buttons(buttons)
    if clean_buttons:
        message["buttons"] = clean_buttons
    if isinstance(custom, dict) and custom:
        message["custom"] = custom
    return message if len(message) > 1 else None


def _card_titles(message: dict[str, Any]) -> list[str]:
    custom = message.get("custom") or {}
    if custom.get("type") != "courses" or not isinstance(custom.get("courses"), list):
        return []
    return [
        card["title"]
        for card in custom["courses"]
        if isinstance(card, dict) and isinstance(card.get("title"), str) and card["title"]
    ]


def fold_card_text(messages: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Replace the plain-text rendering of a ``courses`` payload by the cards themselves.

    In the run of bot messages before a payload, the texts naming its courses (one list,
    a comparison, or one "details" text per course) say what the cards say. When those
    texts name every course, the cards take the first one's place, inherit their buttons
    (the follow-ups), and the texts go.
    """
    result = [dict(message) for message in messages]
    for index, message in enumerate(result):
        titles = _card_titles(message)
        if not titles:
            continue
        start = index
        while start > 0 and result[start - 1].get("from") == "bot":
            start -= 1
        renderings = [
            position
            for position in range(start, index)
            if any(title in str(result[position].get("text", "")) for title in titles)
        ]
        named = {t for p in renderings for t in titles if t in str(result[p].get("text"))}
        if not renderings or named != set(titles):
            continue
        buttons = [b for p in renderings for b in result[p].get("buttons", [])]
        cards = {key: value for key, value in message.items() if key != "buttons"}
        if buttons:
            cards["buttons"] = buttons
        for position in renderings:
            result[position] = {}
        result[renderings[0]] = cards
        result[index] = {}
    return [message for message in result if message]


def from_webhook(messages: object) -> list[dict[str, Any]]:
    """The REST channel's reply -> widget messages."""
    if not isinstance(messages, list):
        return []
    converted = (
        bot_message(item.get("text"), item.get("buttons"), item.get("custom"))
        for item in messages
        if isinstance(item, dict)
    )
    return fold_card_text([message for message in converted if message is not None])


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
    return next((button["title"] for button in offered if button["payload"] == text), None)


def _advisor(event: dict[str, Any]) -> str | None:
    """The human advisor who wrote a bot event from the advisor console, if one did."""
    metadata = event.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("source") != ADVISOR_SOURCE:
        return None
    name = metadata.get("advisor")
    return name if isinstance(name, str) and name else "Advisor"


def is_external(event: dict[str, Any]) -> bool:
    """A user event Rasa made itself (a reminder firing), not a message the learner typed."""
    metadata = event.get("metadata")
    if isinstance(metadata, dict) and metadata.get("is_external") is True:
        return True
    return str(event.get("text") or "").startswith(EXTERNAL_PREFIX)


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
        elif event.get("event") == "bot":
            data = event.get("data")
            data = data if isinstance(data, dict) else {}
            message = bot_message(event.get("text"), data.get("buttons"), data.get("custom"))
            if message is not None:
                advisor = _advisor(event)
                if advisor:
                    message["advisor"] = advisor
                offered = offered + message.get("buttons", [])
                history.append(message)
    return fold_card_text(history)[-MAX_HISTORY_MESSAGES:]
