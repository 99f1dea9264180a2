"""Card notes: which value a constraint needed that the provider does not state, and
which figures are derived rather than stated.

A course whose weekly hours are unknown is not ruled out, but the learner must know
the advisor could not check it; a weekly load computed from the provider's total hours
and weeks is a real figure, but not one the provider wrote, so it is labelled.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.formatting import NOT_STATED, number_range
from index.filters import weekly_hours
from index.schema import Course

# What each constraint needed, in the words a learner reads on a card.
_WHAT = {
    "mode": "format (online or in person)",
    "pace": "whether it is self-paced or scheduled",
    "budget": "price",
    "total_hours": "total length",
    "weekly_hours": "weekly hours",
    "duration": "length in weeks",
    "level": "level",
    "language": "language",
    "credential": "credential",
    "location": "location",
}


def constraint_notes(
    course: Course, unknown: Sequence[str], derived: Sequence[str] = ()
) -> list[str]:
    """'weekly hours not stated by the provider'; 'about 12–20 h/week (derived: …)'."""
    notes = [_unknown_note(course, name, unknown) for name in unknown if name in _WHAT]
    if "weekly_hours" in derived:
        load = weekly_hours(course)
        span = number_range(load.low, load.high) if load is not None else None
        if span is not None:
            notes.append(
                f"about {span} h/week (derived: the provider's total hours divided by "
                f"its length in weeks)"
            )
    return [note for note in notes if note]


def _unknown_note(course: Course, name: str, unknown: Sequence[str]) -> str:
    """What is missing for constraint ``name``. A location left unknown although the
    course states one is either a format not stated (it may be online) or a town the
    place list does not know, so its distance could not be measured."""
    if name == "weekly_hours" and (load := weekly_hours(course)) is not None:
        # Stated or derived, but a range only partly within the learner's hours: the
        # figure is known, whether it fits is not.
        source = "derived from total hours and weeks" if load.derived else "as listed"
        span = number_range(load.low, load.high)
        return f"about {span} h/week ({source}), which may be more than your weekly hours"
    if name == "location" and course.location:
        if course.mode is None:
            return "" if "mode" in unknown else f"{_WHAT['mode']} {NOT_STATED}"
        return "distance from you not known (the town is not in the place list)"
    return f"{_WHAT[name]} {NOT_STATED}"
