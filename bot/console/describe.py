"""The hard filters in words, one line per constraint, keyed by the Filters field.

The key lets the console switch a single constraint off and re-rank, to see what
that constraint costs; the words say exactly what the rule in index/filters.py does
(unknown values fail), because that is what advisors need to judge a ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.formatting import join_words, money, number
from advisor.profile import LearnerProfile
from index.filters import Filters
from index.settings import get_settings

_MODE_WORDS = {"online": "online", "in_person": "in person", "blended": "blended"}
_PACE_WORDS = {"self_paced": "self-paced", "scheduled": "scheduled"}


@dataclass(frozen=True)
class FilterLine:
    """One active constraint: its Filters field and what it demands of a course."""

    name: str
    label: str
    text: str


def _words(values: frozenset[str], names: dict[str, str] | None = None) -> str:
    names = names or {}
    return join_words(sorted(names.get(str(v), str(v).replace("_", " ")) for v in values), "or")


def _total_hours(filters: Filters, profile: LearnerProfile | None) -> str:
    assert filters.max_total_hours is not None
    text = f"at most {number(filters.max_total_hours)} h in total (unknown length fails)"
    if (
        profile is not None
        and profile.hours_per_week is not None
        and profile.deadline_weeks is not None
        and filters.max_total_hours == profile.hours_per_week * profile.deadline_weeks
    ):
        text += (
            f": {number(profile.hours_per_week)} h/week × {number(profile.deadline_weeks)} weeks"
        )
    return text


def describe_filters(filters: Filters, profile: LearnerProfile | None = None) -> list[FilterLine]:
    """Every constraint ``filters`` applies, in the order a learner states them."""
    lines: list[FilterLine] = []
    if filters.modes:
        lines.append(FilterLine("modes", "Mode", _words(filters.modes, _MODE_WORDS)))
    if filters.paces:
        lines.append(FilterLine("paces", "Pace", _words(filters.paces, _PACE_WORDS)))
    if filters.free_only:
        lines.append(FilterLine("free_only", "Cost", "free only (unknown price fails)"))
    if filters.max_cost is not None:
        text = f"at most {money(filters.max_cost, 'USD')} (unknown price fails)"
        lines.append(FilterLine("max_cost", "Budget", text))
    if filters.max_hours_per_week is not None:
        text = (
            f"scheduled courses at most {number(filters.max_hours_per_week)} h/week "
            "(self-paced courses always pass)"
        )
        lines.append(FilterLine("max_hours_per_week", "Weekly hours", text))
    if filters.max_total_hours is not None:
        lines.append(FilterLine("max_total_hours", "Total hours", _total_hours(filters, profile)))
    if filters.location:
        text = (
            f"on-site courses must be in “{filters.location}” or within "
            f"{number(get_settings().commute_miles)} miles of it (online courses pass)"
        )
        lines.append(FilterLine("location", "Location", text))
    if filters.levels:
        lines.append(FilterLine("levels", "Level", _words(filters.levels) + " (or all levels)"))
    if filters.languages:
        lines.append(FilterLine("languages", "Language", _words(filters.languages)))
    if filters.credential_types:
        lines.append(FilterLine("credential_types", "Credential", _words(filters.credential_types)))
    if filters.sources:
        lines.append(FilterLine("sources", "Catalogs", _words(filters.sources)))
    if filters.exclude_ids:
        count = len(filters.exclude_ids)
        text = f"{count} course{'s' if count != 1 else ''} already rejected"
        lines.append(FilterLine("exclude_ids", "Excluded", text))
    return lines


def without(filters: Filters, names: set[str]) -> Filters:
    """``filters`` with the named constraints reset to 'any' (unknown names are ignored)."""
    defaults = Filters()
    reset = {name: getattr(defaults, name) for name in names if name in Filters.model_fields}
    return filters.model_copy(update=reset) if reset else filters
