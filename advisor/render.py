"""Course cards as plain text, for channels without a card widget (Telegram, the shell).

The web widget draws cards from ``cards.card_payload``; these renderings carry the
same worded fields, so a learner on any channel reads the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.cards import NO_WEEKLY_HOURS, CourseCard
from advisor.formatting import NOT_STATED

INDENT = "   "
SEPARATOR = " · "
NO_PROVIDER = "provider not stated"
NO_LINK = "no link in the catalog"
NONE_LISTED = "none listed"
MAX_COLUMN = 40  # wider cells are not padded: the line wraps anyway on a phone


def _provider(card: CourseCard) -> str:
    return card.provider or NO_PROVIDER


def link_text(card: CourseCard) -> str:
    """The course link, warning when it only leads to the provider's home page."""
    if not card.url:
        return NO_LINK
    if card.url_is_provider_site:
        return f"{card.url} (provider's website: search there for the course)"
    return card.url


def time_text(card: CourseCard) -> str:
    """Total hours, plus the weeks it would take when that is known."""
    extra = card.weeks_text not in {NOT_STATED, NO_WEEKLY_HOURS}
    return f"{card.total_hours_text} ({card.weeks_text})" if extra else card.total_hours_text


def render_card(card: CourseCard) -> str:
    """A compact card: title line, time · cost · format, why, link."""
    facts = SEPARATOR.join(
        [
            f"⏱ {time_text(card)}",
            f"💲 {card.cost_text}",
            f"🖥 {card.mode_text}; {card.pace_text}",
        ]
    )
    return "\n".join(
        [
            f"{card.position}. {card.title} — {_provider(card)}",
            f"{INDENT}{facts}",
            f"{INDENT}Why: {card.why}",
            *[f"{INDENT}Note: {note}" for note in card.notes],
            f"{INDENT}{link_text(card)}",
        ]
    )


def _rows(card: CourseCard) -> list[tuple[str, str]]:
    return [
        ("Course", f"{card.position}. {card.title}"),
        ("Provider", _provider(card)),
        ("Total time", card.total_hours_text),
        ("Weeks", card.weeks_text),
        ("Deadline", card.fit_text),
        ("Cost", card.cost_text),
        ("Format", card.mode_text),
        ("Pace", card.pace_text),
        ("Credential", card.credential_text),
        ("Quality", ", ".join(card.quality_signals) or NONE_LISTED),
        ("New skills", ", ".join(card.skills_you_lack) or NONE_LISTED),
        ("Link", link_text(card)),
    ]


def render_comparison(a: CourseCard, b: CourseCard) -> str:
    """Two courses side by side, one 'field: a | b' line per field, aligned."""
    left, right = _rows(a), _rows(b)
    label_width = max(len(label) for label, _ in left) + 1
    column = min(max(len(value) for _, value in left), MAX_COLUMN)
    lines = [
        f"{(label + ':').ljust(label_width)} {a_value.ljust(column)} | {b_value}"
        for (label, a_value), (_, b_value) in zip(left, right, strict=True)
    ]
    return "\n".join(line.rstrip() for line in lines)


def render_shortlist(cards: Sequence[CourseCard]) -> str:
    """The learner's saved courses with their cost, time and link."""
    if not cards:
        return "Your shortlist is empty."
    lines = ["Your shortlist:"]
    for number, card in enumerate(cards, start=1):  # numbered as the learner sees the list
        lines.append(f"{number}. {card.title} — {_provider(card)}")
        lines.append(f"{INDENT}{card.cost_text}{SEPARATOR}{time_text(card)}")
        lines.append(f"{INDENT}{link_text(card)}")
    return "\n".join(lines)


def render_details(card: CourseCard) -> str:
    """Everything the advisor knows about one course, one field per line."""
    lines = [f"{label}: {value}" for label, value in _rows(card)]
    lines.append(f"Why: {card.why}")
    lines += [f"Note: {note}" for note in card.notes]
    return "\n".join(lines)
