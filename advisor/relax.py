"""When too few courses fit, say which single constraint is holding them back.

"Nothing matches" leaves a learner stuck; "raising your budget would open up 40
courses" gives them a choice. Each hard constraint is dropped on its own and the
catalog re-counted with the cheap filter mask, so the offer is exact, not a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from advisor.profile import LearnerProfile
from index.filters import Filters, Mask
from index.schema import Mode, Pace

RelaxField = Literal["budget", "hours", "deadline", "mode", "pace", "location"]
RELAXABLE_FIELDS: tuple[RelaxField, ...] = (
    "budget",
    "hours",
    "deadline",
    "mode",
    "pace",
    "location",
)
MAX_PLACE_IN_LABEL = 30  # a button label must fit on a phone


@dataclass(frozen=True)
class Relaxation:
    """One constraint the learner could loosen, and what that would open up."""

    field: RelaxField
    label: str  # button text
    unlocks: int  # courses passing all filters once this one constraint is dropped
    enough: bool  # whether that reaches the number of courses the advisor wanted


def _without(filters: Filters, field: RelaxField) -> Filters | None:
    """``filters`` with one constraint dropped; None when that constraint is not set.

    Dropping 'hours' also drops the total-hours cap, because that cap is hours x weeks;
    dropping 'deadline' drops only the total-hours cap.
    """
    if field == "budget" and (filters.max_cost is not None or filters.free_only):
        return filters.model_copy(update={"max_cost": None, "free_only": False})
    if field == "hours" and filters.max_hours_per_week is not None:
        return filters.model_copy(update={"max_hours_per_week": None, "max_total_hours": None})
    if field == "deadline" and filters.max_total_hours is not None:
        return filters.model_copy(update={"max_total_hours": None})
    if field == "mode" and filters.modes:
        return filters.model_copy(update={"modes": frozenset()})
    if field == "pace" and filters.paces:
        return filters.model_copy(update={"paces": frozenset()})
    if field == "location" and filters.location:
        return filters.model_copy(update={"location": None})
    return None


def _label(filters: Filters, field: RelaxField) -> str:
    """Button text in the learner's terms ('Include online courses')."""
    if field == "budget":
        return "Include paid courses" if filters.free_only else "Raise my budget"
    if field == "hours":
        return "Allow more hours"
    if field == "deadline":
        return "Extend my deadline"
    if field == "mode":
        if Mode.ONLINE not in filters.modes:
            return "Include online courses"
        return "Include in-person courses" if filters.modes == {Mode.ONLINE} else "Any format"
    if field == "pace":
        if Pace.SELF_PACED not in filters.paces:
            return "Include self-paced courses"
        return "Include scheduled courses"
    place = (filters.location or "").strip()
    if place and len(place) <= MAX_PLACE_IN_LABEL:
        return f"Look beyond {place}"
    return "Any location"


def binding_constraints(
    mask_fn: Callable[[Filters], Mask], filters: Filters, needed: int
) -> list[Relaxation]:
    """Constraints whose removal alone lets more courses through, most courses first.

    ``mask_fn`` is ``CourseSearch.columns.mask``; ``needed`` is how many courses the
    advisor wants to show, and marks the relaxations that would be enough on their own.
    """
    current = int(mask_fn(filters).sum())
    found: list[Relaxation] = []
    for field in RELAXABLE_FIELDS:
        relaxed = _without(filters, field)
        if relaxed is None:
            continue
        unlocks = int(mask_fn(relaxed).sum())
        if unlocks > current:
            found.append(Relaxation(field, _label(filters, field), unlocks, unlocks >= needed))
    return sorted(found, key=lambda relaxation: relaxation.unlocks, reverse=True)


def relax(profile: LearnerProfile, field: str) -> LearnerProfile:
    """The profile with exactly one constraint loosened; unchanged for an unknown field.

    budget -> no limit; hours -> hours per week forgotten; deadline -> no deadline;
    mode, pace -> any; location -> forgotten.
    """
    updates: dict[str, dict[str, object]] = {
        "budget": {"budget_max": None, "free_only": False, "budget_unlimited": True},
        "hours": {"hours_per_week": None, "max_total_hours": None},
        "deadline": {"deadline_weeks": None, "no_deadline": True},
        "mode": {"mode": "any"},
        "pace": {"pace": "any"},
        "location": {"location": None},
    }
    return profile.model_copy(update=updates.get(field, {}))
