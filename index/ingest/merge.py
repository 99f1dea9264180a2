"""Fold a second listing of the same course into the first, keeping the richest fields.

The first record (earlier source, or earlier row) keeps its identity (id, source, URL,
title) and every value it has. A value it lacks is taken from the other record, and
``provenance`` says which source gave it. Fields that only make sense together (a range
and its raw text, a language and whether it was detected) move as one group. Lists and
the description keep the longer of the two, and a stated language beats a detected one.
"""

from __future__ import annotations

from typing import Any

from index.schema import Course, Source

# Never taken from the second record: they say which record this is.
IDENTITY = frozenset(
    {"id", "source", "url", "url_is_provider_site", "title", "title_raw", "provenance"}
)
# Fields that move together; the first name is the one whose presence decides.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("total_hours_max", "total_hours_min", "total_hours_raw"),
    ("hours_per_week_max", "hours_per_week_min", "hours_per_week_raw", "hours_per_week_derived"),
    ("duration_weeks_max", "duration_weeks_min", "duration_raw"),
    ("credential_type", "credential_raw"),
    ("rating", "reviews"),
)
LONGER_WINS = frozenset({"description", "skills", "learning_outcomes", "occupation_codes"})
_GROUPED = frozenset(name for group in GROUPS for name in group)
_SPECIAL = IDENTITY | _GROUPED | LONGER_WINS | {"language", "language_detected", "cost", "leads_to"}


def _empty(value: object) -> bool:
    return value is None or value == [] or value == ""


def merge(first: Course, second: Course) -> Course:
    """``first`` completed from ``second``; ``first`` is not modified."""
    kept: dict[str, Any] = first.model_dump()
    other: dict[str, Any] = second.model_dump()
    taken: list[str] = []

    def take(*names: str) -> None:
        for name in names:
            kept[name] = other[name]
        taken.extend(names)

    for group in GROUPS:
        if _empty(kept[group[0]]) and not _empty(other[group[0]]):
            take(*group)
    for name in LONGER_WINS:
        if len(other[name] or "") > len(kept[name] or ""):
            take(name)
    stated_beats_detected = kept["language_detected"] and not other["language_detected"]
    if not _empty(other["language"]) and (_empty(kept["language"]) or stated_beats_detected):
        take("language", "language_detected")
    kept_cost, other_cost = kept["cost"], other["cost"]
    no_cost = kept_cost["amount"] is None and kept_cost["is_free"] is None
    if no_cost and (other_cost["amount"] is not None or other_cost["is_free"] is not None):
        take("cost")
    for name, value in other["leads_to"].items():
        if kept["leads_to"][name] is None and value is not None:
            kept["leads_to"][name] = value
            taken.append(f"leads_to.{name}")
    for name in Course.model_fields:
        if name not in _SPECIAL and _empty(kept[name]) and not _empty(other[name]):
            take(name)
    provenance: dict[str, Source] = dict(first.provenance)
    if second.source is not first.source:
        for name in taken:
            provenance[name] = second.provenance.get(name, second.source)
    kept["provenance"] = provenance
    return Course.model_validate(kept)
