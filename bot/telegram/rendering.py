"""The advisor's messages as Telegram messages: HTML text, inline keyboards, one per card.

On Telegram a card is a message of its own with an "Open course" button, so a page of
cards (:class:`bot.messages.Courses`) becomes its heading, one message per card, and
its buttons on a short message after the cards; the page's plain-text rendering is not
used. A saved shortlist is the exception: its text, with every link, is what the
learner keeps or forwards, so it is sent as it is and not repeated as cards.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.messages import Button, CourseCard, Courses, Message, Text

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


def keyboard(buttons: Sequence[Button], encode: Encode) -> InlineKeyboardMarkup | None:
    """Rasa buttons as an inline keyboard; short titles go two to a row."""
    rows: list[list[InlineKeyboardButton]] = []
    for button in buttons:
        title = button.title
        key = InlineKeyboardButton(title, callback_data=encode(button.payload))
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


def card_html(card: CourseCard) -> str:
    """A course card: the figures a learner decides on, already worded by the advisor."""
    title = f"{card.position}. {card.title}" if card.position else card.title
    # The position is how the learner refers to it: "compare 1 and 3".
    lines = [f"<b>{escape(title)}</b>", f"<i>{escape(card.provider or NO_PROVIDER)}</i>"]
    total, weeks = card.total_hours, card.weeks
    time_text = total if not weeks or weeks == total else f"{total} · {weeks}"
    fit_mark = FIT_MARKS.get(card.fit, "")
    fields = [
        ("Time", time_text),
        ("Deadline", f"{fit_mark}{card.fit_text}" if card.fit_text else ""),
        ("Cost", card.cost),
        ("Format", "; ".join(v for v in (card.mode, card.pace) if v)),
        ("Credential", card.credential),
        ("Quality", ", ".join(card.quality)),
        ("New skills", ", ".join(card.skills_you_lack)),
    ]
    lines += [f"<b>{label}:</b> {escape(value)}" for label, value in fields if value]
    if card.why:
        lines += ["", f"<b>Why:</b> {escape(card.why)}"]
    if is_web_url(card.url) and card.url_is_provider_site:
        lines += ["", f"<i>{escape(PROVIDER_SITE_NOTE)}</i>"]
    return "\n".join(lines)


def card_reply(card: CourseCard) -> Reply:
    """The card's message, with a link button when the catalog has a usable link."""
    if not is_web_url(card.url):
        return Reply(card_html(card))
    label = OPEN_PROVIDER_SITE if card.url_is_provider_site else OPEN_COURSE
    button = InlineKeyboardButton(label, url=card.url)
    return Reply(card_html(card), InlineKeyboardMarkup([[button]]))


def _page_replies(page: Courses, encode: Encode) -> list[Reply]:
    """A page of cards: its heading, a message per card, then its buttons.

    A shortlist is its text as it is (with the buttons, if any, on its last part).
    """
    if page.shortlist:
        return _text_replies(page.text, page.buttons, encode)
    replies = [Reply(chunk) for chunk in split_html(page.heading or "")]
    replies += [card_reply(card) for card in page.cards]
    markup = keyboard(page.buttons, encode)
    if markup is not None:
        replies.append(Reply(escape(NEXT_PROMPT), markup))
    return replies


def render_turn(messages: Sequence[Message], encode: Encode) -> list[Reply]:
    """Every message of one turn as Telegram messages, in order (reminders and other
    payloads are not shown: they tell the bridge something, not the learner)."""
    replies: list[Reply] = []
    for message in messages:
        if isinstance(message, Courses):
            replies += _page_replies(message, encode)
        elif isinstance(message, Text):
            replies += _text_replies(message.text, message.buttons, encode)
    return replies


def _text_replies(text: str, buttons: Sequence[Button], encode: Encode) -> list[Reply]:
    """A text (long ones split), its buttons on the last part."""
    markup = keyboard(buttons, encode)
    chunks = split_html(text)
    if not chunks:
        return [Reply(escape(CHOOSE_PROMPT), markup)] if markup is not None else []
    replies = [Reply(chunk) for chunk in chunks]
    replies[-1] = Reply(chunks[-1], markup)
    return replies
