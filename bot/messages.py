"""The advisor's messages as every channel reads them, parsed once from Rasa's JSON.

Rasa answers a turn with a list of objects (``text``, ``buttons``, ``custom``) and
stores the same messages as ``bot`` events in the tracker (``text``, ``data.buttons``,
``data.custom``). Channels draw different things from them, but they must agree on what
a message *is*, so each shape is parsed here into one of four types and anything
malformed is dropped rather than passed on to a page or a chat:

- :class:`Text`: words, with quick-reply buttons;
- :class:`Courses`: one page of course cards, sent by the actions as a single
  ``{"type": "courses", ...}`` payload holding the cards, their plain-text rendering
  (``text``, for channels that cannot draw cards), an optional ``heading``, the page's
  buttons, and the ``offers`` and ``shortlist`` flags;
- :class:`Reminder`: when a reminder fires (``None``: the reminder was cancelled);
- :class:`Custom`: any other payload, passed on as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any


@dataclass(frozen=True)
class Button:
    """A quick reply: the title is shown, the payload is sent."""

    title: str
    payload: str

    def as_dict(self) -> dict[str, str]:
        """Rasa's shape of a button."""
        return {"title": self.title, "payload": self.payload}


@dataclass(frozen=True)
class CourseCard:
    """One course as the channels draw it; every text is already worded by the advisor."""

    title: str
    id: str = ""
    position: int | None = None
    provider: str = ""
    url: str = ""
    url_is_provider_site: bool = False
    total_hours: str = ""
    weeks: str = ""
    weeks_at_pace: float | None = None
    fit: str = ""  # fits | tight | too_much | unknown
    fit_text: str = ""
    cost: str = ""
    mode: str = ""
    pace: str = ""
    credential: str = ""
    why: str = ""
    quality: tuple[str, ...] = ()
    skills_you_lack: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The card in the payload's JSON shape (what the web widget draws)."""
        return {
            "id": self.id,
            "title": self.title,
            "position": self.position,
            "provider": self.provider,
            "url": self.url,
            "url_is_provider_site": self.url_is_provider_site,
            "total_hours": self.total_hours,
            "weeks": self.weeks,
            "weeks_at_pace": self.weeks_at_pace,
            "fit": self.fit,
            "fit_text": self.fit_text,
            "cost": self.cost,
            "mode": self.mode,
            "pace": self.pace,
            "credential": self.credential,
            "why": self.why,
            "quality": list(self.quality),
            "skills_you_lack": list(self.skills_you_lack),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Text:
    """Words from the advisor, with the quick replies offered under them."""

    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Courses:
    """One page of course cards, with the text that says the same for text-only channels."""

    cards: tuple[CourseCard, ...]
    text: str = ""
    heading: str | None = None  # a line above the cards ("Here are 3 courses…")
    offers: bool = False  # the cards break one of the learner's limits
    shortlist: bool = False  # the courses kept so far: a list to keep, not a page
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Reminder:
    """A reminder was set (``at``, timezone-aware) or cancelled (``at`` is None)."""

    at: datetime | None


@dataclass(frozen=True)
class Custom:
    """A payload of a type no channel draws specially."""

    payload: dict[str, Any] = field(default_factory=dict)


Message = Text | Courses | Reminder | Custom


def _text(raw: object) -> str:
    return raw if isinstance(raw, str) else ""


def _strings(raw: object) -> tuple[str, ...]:
    return tuple(str(item) for item in raw if item) if isinstance(raw, list) else ()


def buttons_of(raw: object) -> tuple[Button, ...]:
    """Buttons with a non-empty string title and payload; anything else is dropped."""
    if not isinstance(raw, list):
        return ()
    return tuple(
        Button(item["title"], item["payload"])
        for item in raw
        if isinstance(item, dict)
        and isinstance(item.get("title"), str)
        and isinstance(item.get("payload"), str)
        and item["title"]
        and item["payload"]
    )


def card_of(raw: object) -> CourseCard | None:
    """A card from its payload object, or None when it has no title to show."""
    if not isinstance(raw, dict) or not isinstance(raw.get("title"), str) or not raw["title"]:
        return None
    position = raw.get("position")
    weeks_at_pace = raw.get("weeks_at_pace")
    return CourseCard(
        title=raw["title"],
        id=str(raw.get("id") or ""),
        position=position if isinstance(position, int) and not isinstance(position, bool) else None,
        provider=_text(raw.get("provider")),
        url=_text(raw.get("url")),
        url_is_provider_site=raw.get("url_is_provider_site") is True,
        total_hours=_text(raw.get("total_hours")),
        weeks=_text(raw.get("weeks")),
        weeks_at_pace=float(weeks_at_pace)
        if isinstance(weeks_at_pace, int | float) and not isinstance(weeks_at_pace, bool)
        else None,
        fit=_text(raw.get("fit")),
        fit_text=_text(raw.get("fit_text")),
        cost=_text(raw.get("cost")),
        mode=_text(raw.get("mode")),
        pace=_text(raw.get("pace")),
        credential=_text(raw.get("credential")),
        why=_text(raw.get("why")),
        quality=_strings(raw.get("quality")),
        skills_you_lack=_strings(raw.get("skills_you_lack")),
        notes=_strings(raw.get("notes")),
    )


def _reminder_time(raw: object) -> datetime | None:
    """An ISO time (UTC when it names no zone); None for anything else (a cancellation)."""
    if not isinstance(raw, str):
        return None
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return at if at.tzinfo is not None else at.replace(tzinfo=timezone.utc)


def custom_of(payload: object) -> Message | None:
    """A ``custom`` payload as its message type; None when it is not an object."""
    if not isinstance(payload, dict) or not payload:
        return None
    kind = payload.get("type")
    if kind == "courses" and isinstance(payload.get("courses"), list):
        cards = tuple(card for card in map(card_of, payload["courses"]) if card is not None)
        heading = payload.get("heading")
        return Courses(
            cards=cards,
            text=_text(payload.get("text")),
            heading=heading if isinstance(heading, str) and heading.strip() else None,
            offers=payload.get("offers") is True,
            shortlist=payload.get("shortlist") is True,
            buttons=buttons_of(payload.get("buttons")),
        )
    if kind == "reminder":
        return Reminder(_reminder_time(payload.get("at")))
    return Custom(dict(payload))


def parse(text: object, buttons: object, custom: object) -> list[Message]:
    """One message of Rasa's (a reply item or a bot event's fields) as typed messages."""
    found: list[Message] = []
    words = _text(text)
    offered = buttons_of(buttons)
    if words.strip() or offered:
        found.append(Text(words, offered))
    payload = custom_of(custom)
    if payload is not None:
        found.append(payload)
    return found


def from_reply(body: object) -> list[Message]:
    """The REST channel's answer to a turn as typed messages, in order."""
    if not isinstance(body, list):
        return []
    messages: list[Message] = []
    for item in body:
        if isinstance(item, dict):
            messages += parse(item.get("text"), item.get("buttons"), item.get("custom"))
    return messages


def from_bot_event(event: dict[str, Any]) -> list[Message]:
    """A tracker ``bot`` event as typed messages (empty for anything else)."""
    if event.get("event") != "bot":
        return []
    data = event.get("data")
    data = data if isinstance(data, dict) else {}
    return parse(event.get("text"), data.get("buttons"), data.get("custom"))


# Rasa's text for a user event it triggered itself (``UserUttered.create_external``).
EXTERNAL_PREFIX = "EXTERNAL: "


def is_external(event: dict[str, Any]) -> bool:
    """A user event Rasa made itself (a reminder firing), not a message the learner typed."""
    metadata = event.get("metadata")
    if isinstance(metadata, dict) and metadata.get("is_external") is True:
        return True
    return str(event.get("text") or "").startswith(EXTERNAL_PREFIX)


def after_reminder(events: Iterable[object], since: float) -> list[Message]:
    """What the advisor said when the latest reminder fired after ``since`` (a Unix time).

    Empty when no reminder has fired since then: nobody waits on a turn when a reminder
    fires, so a channel that must push it reads it back from the tracker.
    """
    messages: list[Message] = []
    collecting = False
    for event in events:
        if not isinstance(event, dict):
            continue
        if event.get("event") == "user":
            timestamp = event.get("timestamp")
            when = float(timestamp) if isinstance(timestamp, int | float) else 0.0
            collecting = is_external(event) and when >= since
            if collecting:
                messages = []  # the latest reminder only
        elif collecting:
            messages += from_bot_event(event)
    return messages


def reminder_change(messages: Iterable[Message]) -> Reminder | None:
    """The last reminder a turn set or cancelled, or None when it spoke of none."""
    found = None
    for message in messages:
        if isinstance(message, Reminder):
            found = message
    return found


def texts(messages: Iterable[Message]) -> list[str]:
    """What a text-only channel shows: every text, and each page of cards as its text."""
    return [
        message.text
        for message in messages
        if isinstance(message, Text | Courses) and message.text.strip()
    ]
