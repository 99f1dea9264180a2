"""Which of the bot's replies are repairs: fallbacks, out-of-scope refusals, "didn't catch that".

The texts are read from ``domain.yml`` (and the two sentences the actions write
themselves), not copied here, so a reworded response is still recognised. A persona
only says in-scope things, so every one of these replies to a persona is a failure of
understanding, whatever the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import yaml  # type: ignore[import-untyped]  # PyYAML ships no stubs; none installed

from bot import messages as bot_messages
from bot.messages import Courses, Message, Text
from index.settings import REPO_ROOT

DOMAIN_FILE = REPO_ROOT / "domain.yml"
PREFIX_CHARS = 40  # enough to tell responses apart, short enough to survive a filled slot

# Reply kind -> the domain responses of that kind.
DOMAIN_KINDS = {
    "out_of_scope": ("utter_out_of_scope", "utter_out_of_scope_in_form"),
    "fallback": ("utter_ask_rephrase", "utter_default"),
}
# Sentences written by custom actions (actions/fallback.py, actions/interview.py).
ACTION_KINDS = {
    "fallback": ("Sorry, I'm not sure I understood. Did you mean",),
    "not_understood": ("Sorry, I didn't catch that.", "I still couldn't read that as"),
}
KINDS = ("fallback", "out_of_scope", "not_understood")
# The advisor's honest "nothing" (advisor/messages.py): no course on the goal, or none that
# fits with no single constraint to relax. An answer, not a failure to understand.
NOTHING_FOUND = (
    "I couldn't find any course on",
    "No relevant course fits everything you asked for. No single change",
)


def _normal(text: str) -> str:
    return " ".join(text.split()).lower()


@lru_cache(maxsize=1)
def _prefixes() -> dict[str, tuple[str, ...]]:
    domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    responses: dict[str, list[dict[str, Any]]] = domain.get("responses") or {}
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for kind, names in DOMAIN_KINDS.items():
        for name in names:
            for variant in responses.get(name) or []:
                if variant.get("text"):
                    found[kind].append(_normal(variant["text"])[:PREFIX_CHARS])
    for kind, sentences in ACTION_KINDS.items():
        found[kind].extend(_normal(s)[:PREFIX_CHARS] for s in sentences)
    return {kind: tuple(prefixes) for kind, prefixes in found.items()}


def kinds_of(texts: Iterable[str]) -> list[str]:
    """The repair kinds among the bot's texts of one turn, one entry per matching text."""
    prefixes = _prefixes()
    kinds = []
    for text in texts:
        normal = _normal(text)
        for kind in KINDS:
            if any(p in normal for p in prefixes[kind]):
                kinds.append(kind)
                break
    return kinds


def says_nothing_found(said: Iterable[str]) -> bool:
    """Whether the bot answered that it has no course for this learner."""
    wanted = [_normal(s) for s in NOTHING_FOUND]
    return any(w in _normal(text) for text in said for w in wanted)


def texts(messages: Sequence[Message]) -> list[str]:
    """What the bot said in one turn, as a text-only channel shows it (a page of cards as
    its text rendering)."""
    return bot_messages.texts(messages)


def course_ids(messages: Sequence[Message], *, offers: bool = False) -> list[str]:
    """Ids of the course cards in one turn.

    With ``offers=False`` only recommendations that fit; with ``offers=True`` only the
    courses the bot offers while saying they break one constraint.
    """
    return [
        card.id
        for message in messages
        if isinstance(message, Courses) and message.offers == offers
        for card in message.cards
    ]


def has_skip_button(messages: Sequence[Message]) -> bool:
    """Whether the bot offered its "skip this question" button."""
    return any(
        button.payload == "/skip"
        for message in messages
        if isinstance(message, Text | Courses)
        for button in message.buttons
    )
