"""When too few courses fit, say which single constraint is holding them back.

"Nothing matches" leaves a learner stuck; "raising your budget would open up 40
courses" gives them a choice. There is ONE definition of loosening a constraint,
``relax`` on the learner's profile; the filters a relaxation implies are always
``to_filters(relax(profile, field))``, so what the advisor counts when it offers a
relaxation is exactly what the learner gets when they accept it. Counting is left to
the caller (the advisor counts relevant courses; tests may count the whole catalog).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from advisor.profile import LearnerProfile, to_filters
from index.filters import Filters
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

# What each relaxation forgets. 'deadline' forgets every cap on a course's length (the
# deadline and a "shorter" request alike); 'hours' forgets the weekly hours, which also
# lifts the hours x deadline cap since that product no longer exists.
_UPDATES: dict[str, dict[str, object]] = {
    "budget": {"budget_max": None, "free_only": False, "budget_unlimited": True},
    "hours": {"hours_per_week": None},
    "deadline": {"deadline_weeks": None, "no_deadline": True, "max_total_hours": None},
    "mode": {"mode": "any"},
    "pace": {"pace": "any"},
    "location": {"location": None},
}


@dataclass(frozen=True)
class Relaxation:
    """One constraint the learner could loosen, and what that would open up."""

    field: RelaxField
    label: str  # button text
    unlocks: int  # courses counted once this one constraint is loosened
    enough: bool  # whether that reaches the number of courses the advisor wanted
    adds: int = 0  # of which were not counted before


def relax(profile: LearnerProfile, field: str) -> LearnerProfile:
    """The profile with exactly one constraint loosened; unchanged for an unknown field.

    budget -> no limit; hours -> hours per week forgotten; deadline -> no deadline and
    no cap on length; mode, pace -> any; location -> forgotten. Loosening the format of
    an online, self-paced learner loosens the pace with it: classes in a room run on a
    timetable, so "include in-person courses" alone would let none through (an OSHA 30
    card exists in the catalog only as a scheduled class).
    """
    update = dict(_UPDATES.get(field, {}))
    if field == "mode" and profile.mode == "online" and profile.pace == "self_paced":
        update["pace"] = "any"
    return profile.model_copy(update=update)


def relaxed_filters(profile: LearnerProfile, field: RelaxField) -> Filters | None:
    """The filters once ``field`` is loosened; None when that changes no filter."""
    before = to_filters(profile)
    after = to_filters(relax(profile, field))
    return None if after == before else after


def label(profile: LearnerProfile, field: RelaxField) -> str:
    """Button text in the learner's terms ('Include online courses')."""
    filters = to_filters(profile)
    if field == "budget":
        return "Include paid courses" if filters.free_only else "Raise my budget"
    if field == "hours":
        return "Allow more hours"
    if field == "deadline":
        return (
            "Extend my deadline" if profile.deadline_weeks is not None else "Allow longer courses"
        )
    if field == "mode":
        if filters.modes == {Mode.BLENDED}:
            return "Include online and in-person courses"
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


def relax_both(profile: LearnerProfile, fields: tuple[RelaxField, RelaxField]) -> LearnerProfile:
    """The profile with two constraints loosened, each as ``relax`` loosens it."""
    return relax(relax(profile, fields[0]), fields[1])


def binding_pair(
    opened: Callable[[Filters], tuple[int, float]], profile: LearnerProfile
) -> tuple[tuple[RelaxField, RelaxField], int] | None:
    """When no single constraint lets a course through, the two whose loosening together
    lets the most through, and how many that adds; None when no pair adds any.

    ``opened`` says, for a set of filters, how many courses they add and how good the
    best of those is (a tie goes to the better course). An online, self-paced foreman
    wanting an OSHA 30 card in three weeks: the catalog's OSHA 30 classes are in person
    and ask more hours a week than he has, so only format and hours together open them.
    """
    fields = [field for field in RELAXABLE_FIELDS if relaxed_filters(profile, field) is not None]
    best: tuple[tuple[RelaxField, RelaxField], int] | None = None
    best_key = (0, float("-inf"))
    for position, first in enumerate(fields):
        for second in fields[position + 1 :]:
            key = opened(to_filters(relax_both(profile, (first, second))))
            if key[0] > 0 and key > best_key:
                best, best_key = ((first, second), key[0]), key
    return best


def binding_constraints(
    count: Callable[[Filters], int], profile: LearnerProfile, needed: int
) -> list[Relaxation]:
    """Constraints whose loosening alone lets more courses through, most courses first.

    ``count`` says how many courses pass a set of filters (the advisor counts relevant
    ones); ``needed`` is how many the advisor wants to show, and marks the relaxations
    that would be enough on their own. Ties keep RELAXABLE_FIELDS order.
    """
    current = count(to_filters(profile))
    found: list[Relaxation] = []
    for field in RELAXABLE_FIELDS:
        relaxed = relaxed_filters(profile, field)
        if relaxed is None:
            continue
        unlocks = count(relaxed)
        if unlocks > current:
            found.append(
                Relaxation(
                    field, label(profile, field), unlocks, unlocks >= needed, unlocks - current
                )
            )
    return sorted(found, key=lambda relaxation: relaxation.unlocks, reverse=True)
