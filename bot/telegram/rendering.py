"""Rasa's messages as Telegram messages: HTML text, inline keyboards, one message per card.

Rasa answers every channel alike: a recommendation turn carries the cards twice, as
plain text (for channels that cannot draw cards) and as a ``courses`` payload. On
Telegram a card is a message of its own with an "Open course" button, so the plain-text
rendering right before the payload is left out and its buttons move to a short message
after the cards. A saved shortlist is the exception: its one text message, with every
link, is what the learner keeps or forwards, so it is sent as it is and not repeated as
cards.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.telegram.rasa_client import RasaMessage

MAX_MESSAGE_CHARS = 4096  # Telegram's limit on a message's text
SHORT_BUTTON_CHARS = 20  # two buttons this short share a row on a phone
NEXT_PROMPT = "What would you like to do next?"
CHOOSE_PROMPT = "Choose one:"  # a Rasa message with buttons but no text
OPEN_COURSE = "Open course"
OPEN_PROVIDER_SITE = "Open the provider's website"
PROVIDER_SITE_NOTE = "The link opens the provider's website: search there for the course."
NO_PROVIDER = "provider not stated"
FIT_MARKS = {"fits": "✅ ", "tight": "⚠️ ", "too_much": "❌ "}

Encode = Callable[[str], str]  # a button payload -> its callback_data (see callback_keys)


@dataclass(frozen=True)
class Reply:
    """One Telegram message to send: text in HTML parse mode, and an optional keyboard."""

    html: str
    keyboard: InlineKeyboardMarkup | None = None


def escape(text: str) -> str:
    """Text safe for Telegram's HTML parse mode (only ``&``, ``<`` and ``>`` are special)."""
    return html.escape(text, quote=False)


def split_html(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Escape ``text`` and cut it into messages Telegram accepts, at line ends when possible."""
    chunks: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        piece = escape(line)
        if len(current) + len(piece) <= limit:
            current += piece
            continue
        if current:
            chunks.append(current)
        while len(piece) > limit:
            cut = limit
            entity = piece.rfind("&", cut - len("&amp;") + 1, cut)
            if entity != -1 and piece.find(";", entity) >= cut:
                cut = entity  # never cut "&amp;" in two
            chunks.append(piece[:cut])
            piece = piece[cut:]
        current = piece
    if current:
        chunks.append(current)
    return [chunk.strip("\n") for chunk in chunks if chunk.strip()]


def keyboard(buttons: Sequence[dict[str, Any]], encode: Encode) -> InlineKeyboardMarkup | None:
    """Rasa buttons as an inline keyboard; short titles go two to a row."""
    rows: list[list[InlineKeyboardButton]] = []
    for button in buttons:
        title, payload = str(button.get("title") or ""), str(button.get("payload") or "")
        if not title or not payload:
            continue
        key = InlineKeyboardButton(title, callback_data=encode(payload))
        pairs = len(title) <= SHORT_BUTTON_CHARS
        if rows and pairs and len(rows[-1]) == 1 and len(rows[-1][0].text) <= SHORT_BUTTON_CHARS:
            rows[-1].append(key)
        else:
            rows.append([key])
    return InlineKeyboardMarkup(rows) if rows else None


def is_web_url(url: object) -> bool:
    """Whether Telegram will accept ``url`` on a button (it rejects the whole message if not)."""
    if not isinstance(url, str) or any(c.isspace() for c in url):
        return False
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def card_html(card: dict[str, Any]) -> str:
    """A course card: the figures a learner decides on, already worded by the advisor."""
    title = str(card.get("title") or "")
    if card.get("position"):
        title = f"{card['position']}. {title}"  # as the learner refers to it: "compare 1 and 3"
    lines = [f"<b>{escape(title)}</b>", f"<i>{escape(card.get('provider') or NO_PROVIDER)}</i>"]
    total, weeks = str(card.get("total_hours") or ""), str(card.get("weeks") or "")
    time_text = total if not weeks or weeks == total else f"{total} · {weeks}"
    fit_mark = FIT_MARKS.get(str(card.get("fit")), "")
    fields = [
        ("Time", time_text),
        ("Deadline", f"{fit_mark}{card.get('fit_text') or ''}"),
        ("Cost", card.get("cost")),
        ("Format", "; ".join(str(v) for v in (card.get("mode"), card.get("pace")) if v)),
        ("Credential", card.get("credential")),
        ("Quality", ", ".join(str(q) for q in card.get("quality") or [])),
        ("New skills", ", ".join(str(s) for s in card.get("skills_you_lack") or [])),
    ]
    lines += [f"<b>{label}:</b> {escape(str(value))}" for label, value in fields if value]
    if card.get("why"):
        lines += ["", f"<b>Why:</b> {escape(str(card['why']))}"]
    if is_web_url(card.get("url")) and card.get("url_is_provider_site"):
        lines += ["", f"<i>{escape(PROVIDER_SITE_NOTE)}</i>"]
    return "\n".join(lines)


def card_reply(card: dict[str, Any]) -> Reply:
    """The card's message, with a link button when the catalog has a usable link."""
    url = card.get("url")
    if not is_web_url(url):
        return Reply(card_html(card))
    label = OPEN_PROVIDER_SITE if card.get("url_is_provider_site") else OPEN_COURSE
    button = InlineKeyboardButton(label, url=str(url))
    return Reply(card_html(card), InlineKeyboardMarkup([[button]]))


def courses_of(message: RasaMessage) -> list[dict[str, Any]] | None:
    """The cards of a ``courses`` payload, or ``None`` when the message is something else."""
    custom = message.get("custom")
    if not isinstance(custom, dict) or custom.get("type") != "courses":
        return None
    cards = custom.get("courses")
    if not isinstance(cards, list):
        return None
    return [card for card in cards if isinstance(card, dict)]


def text_rendering_length(messages: Sequence[RasaMessage], index: int) -> int:
    """How many text messages just before ``messages[index]`` render its cards as plain text.

    Walking back from the payload, each text message must name at least one of the cards'
    titles, and together they must name all of them; otherwise nothing is replaced, so a
    text the learner needs is never lost.
    """
    cards = courses_of(messages[index]) or []
    titles = {str(card["title"]) for card in cards if card.get("title")}
    if not titles:
        return 0
    named: set[str] = set()
    for back, message in enumerate(reversed(messages[:index]), start=1):
        text = message.get("text")
        found = {title for title in titles if isinstance(text, str) and title in text}
        if not found:
            return 0
        named |= found
        if named == titles:
            return back
    return 0


def render_turn(messages: Sequence[RasaMessage], encode: Encode) -> list[Reply]:
    """Every message of one Rasa turn as Telegram messages, in order."""
    replaced: set[int] = set()
    moved_buttons: dict[int, list[dict[str, Any]]] = {}
    for index, message in enumerate(messages):
        custom = message.get("custom")
        if courses_of(message) is None or (isinstance(custom, dict) and custom.get("shortlist")):
            continue
        run = range(index - text_rendering_length(messages, index), index)
        replaced.update(run)
        moved_buttons[index] = [b for i in run for b in messages[i].get("buttons") or []]

    replies: list[Reply] = []
    for index, message in enumerate(messages):
        if index in replaced:
            continue
        cards = courses_of(message)
        if cards is not None:
            if index in moved_buttons:
                replies += [card_reply(card) for card in cards]
                markup = keyboard(moved_buttons[index], encode)
                if markup is not None:
                    replies.append(Reply(escape(NEXT_PROMPT), markup))
            continue
        replies += _text_replies(message, encode)
    return replies


def _text_replies(message: RasaMessage, encode: Encode) -> list[Reply]:
    """A text message (long ones split), its buttons on the last part."""
    text = message.get("text")
    markup = keyboard(message.get("buttons") or [], encode)
    chunks = split_html(text) if isinstance(text, str) else []
    if not chunks:
        return [Reply(escape(CHOOSE_PROMPT), markup)] if markup is not None else []
    replies = [Reply(chunk) for chunk in chunks]
    replies[-1] = Reply(chunks[-1], markup)
    return replies
