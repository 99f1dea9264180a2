"""A persona's structured constraints as the advisor sees them, its first page, and checks.

The relevance evaluation skips the conversation: it hands the advisor the profile a
perfect interview would have produced, so what it measures is the recommendations
alone. The constraint check then reads each shown course's own catalog fields against
the person's hard limits. It counts only what the catalog states: a course whose
price is unknown is not a budget violation here (the search's own filters are stricter
and leave such courses out), but a stated price over the budget is.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.profile import LearnerProfile
from advisor.service import Advisor
from bench.persona_file import Constraints, Persona
from index.filters import weekly_hours
from index.places import gazetteer, miles
from index.schema import Course, Mode, Pace
from index.settings import get_settings

PER_PAGE = 3  # the advisor's first page (actions.settings.ActionSettings.results_per_page)
PLACE_MODES = ("in_person", "blended", "any")  # modes under which a town matters


def town(location: str | None) -> str | None:
    """'Newark, NJ' -> 'Newark': the catalog stores 'Newark, Essex County, NJ'."""
    if not location:
        return None
    return location.split(",")[0].strip() or None


def _said_place(location: str | None) -> str | None:
    """The place as the interview keeps it: the town alone where the catalog's states have
    it ('Newark, NJ' -> 'Newark'), town and state where they do not, or where a covered
    state has another town of that name ('Aurora, CO', not Aurora in Texas)."""
    name = town(location)
    if not location or name is None:
        return name
    usual = gazetteer().resolve(name)
    where = gazetteer().resolve(location)
    if where is not None and (usual is None or usual.state != where.state):
        return f"{where.name}, {where.state}"
    return name


def profile_of(persona: Persona) -> LearnerProfile:
    """The profile a perfect interview of this persona would end with."""
    c = persona.constraints
    return LearnerProfile(
        goal=persona.goal_in_own_words,
        background=c.background,
        hours_per_week=c.hours_per_week,
        deadline_weeks=c.deadline_weeks,
        no_deadline=c.deadline_weeks is None,
        budget_max=None if c.budget.free_only or c.budget.unlimited else c.budget.max,
        budget_currency="USD",
        free_only=c.budget.free_only,
        budget_unlimited=c.budget.unlimited,
        mode=c.mode,
        pace=c.pace,
        credit=c.credit,
        location=_said_place(c.location) if c.mode in PLACE_MODES else None,
    )


@dataclass(frozen=True)
class FirstPage:
    """What the advisor core shows first, and whether it said the topic is not covered."""

    courses: list[Course]
    nothing_on_topic: bool
    offers: list[str]  # courses offered as "if you relaxed …", breaking one constraint
    query: str


def first_page(advisor: Advisor, profile: LearnerProfile) -> FirstPage:
    """The advisor core's first page for ``profile`` (advisor/service.py, as the bot uses it)."""
    recommendation = advisor.recommend(profile, offset=0, per_page=PER_PAGE)
    ids = [card.id for card in recommendation.cards]
    by_id = {course.id: course for course in advisor.search.get(ids)}
    return FirstPage(
        courses=[by_id[i] for i in ids if i in by_id],
        nothing_on_topic=recommendation.nothing_on_topic,
        offers=[card.id for card in recommendation.offers],
        query=recommendation.query,
    )


@dataclass(frozen=True)
class Violation:
    """A shown course breaking one of the person's hard limits, with the evidence."""

    course_id: str
    constraint: str  # mode | pace | budget | weekly_hours | deadline | location
    detail: str


def _mode(c: Constraints, course: Course) -> str | None:
    allowed = {
        "online": {Mode.ONLINE},
        "in_person": {Mode.IN_PERSON, Mode.BLENDED},  # blended meets in person too
        "blended": {Mode.BLENDED},
    }.get(c.mode)
    if allowed is None or course.mode is None or course.mode in allowed:
        return None
    return f"wants {c.mode}, course is {course.mode.value}"


def _pace(c: Constraints, course: Course) -> str | None:
    wanted = {"self_paced": Pace.SELF_PACED, "scheduled": Pace.SCHEDULED}.get(c.pace)
    if wanted is None or course.pace is None or course.pace is wanted:
        return None
    return f"wants {c.pace}, course is {course.pace.value}"


def _budget(c: Constraints, course: Course) -> str | None:
    if c.budget.unlimited:
        return None
    amount, free = course.cost.amount, course.cost.is_free is True or course.cost.amount == 0
    if c.budget.free_only and not free and (amount is not None or course.cost.is_free is False):
        return f"free only, course costs {amount if amount is not None else 'money'}"
    if c.budget.max is not None and amount is not None and amount > c.budget.max:
        return f"budget {c.budget.max:g}, course costs {amount:g}"
    return None


def _weekly(c: Constraints, course: Course) -> str | None:
    if c.hours_per_week is None or course.pace is Pace.SELF_PACED:
        return None
    load = weekly_hours(course)
    if load is None or load.low <= c.hours_per_week:
        return None
    return f"{c.hours_per_week:g} h/week available, course needs at least {load.low:g}"


def _deadline(c: Constraints, course: Course) -> str | None:
    if c.deadline_weeks is None:
        return None
    if c.hours_per_week is not None and course.total_hours_min is not None:
        budget_hours = c.hours_per_week * c.deadline_weeks
        if course.total_hours_min > budget_hours:
            return (
                f"{budget_hours:g} h before the deadline, course takes {course.total_hours_min:g}"
            )
    weeks = course.duration_weeks_min
    if course.pace is Pace.SCHEDULED and weeks is not None and weeks > c.deadline_weeks:
        return f"deadline {c.deadline_weeks:g} weeks, course runs at least {weeks:g}"
    return None


# Catalogs whose programmes are all in one state, for records that leave the town out.
SOURCE_STATES = {"nj_etpl": "NJ"}


def state(location: str | None) -> str | None:
    """'Newark, Essex County, NJ' -> 'NJ' (a trailing two-letter code), else None."""
    if not location:
        return None
    last = location.rsplit(",", 1)[-1].strip()
    return last if len(last) == 2 and last.isalpha() and last.isupper() else None


def _location(c: Constraints, course: Course) -> str | None:
    """An on-site course must be within commuting distance of the person (the advisor's
    own rule and figures: ``index.places``, ``commute_miles``). When either town is not
    in the gazetteer: another state fails; in the same state, the town must appear in
    the course's location."""
    place = town(c.location)
    if course.mode is Mode.ONLINE or course.mode is None or not place or c.mode == "online":
        return None  # an online-only person meeting an on-site course is a mode violation
    places = gazetteer()
    learner = places.resolve(c.location or place)
    site = places.resolve(course.location) if course.location else None
    if learner is not None and site is not None:
        away, limit = miles(learner, site), get_settings().commute_miles
        if away <= limit or place.lower() in (course.location or "").lower():
            return None
        return (
            f"lives in {c.location}, course is in {course.location}, "
            f"{away:.0f} miles away (straight line; limit {limit:g})"
        )
    theirs = learner.state if learner is not None else state(c.location)
    course_state = state(course.location) or SOURCE_STATES.get(course.source.value)
    if theirs and course_state and theirs != course_state:
        where = course.location or f"{course_state} (town not stated)"
        return f"lives in {c.location}, course is in {where}"
    if course.location and place.lower() not in course.location.lower():
        return f"lives in {c.location}, course is in {course.location}"
    return None


CHECKS = {
    "mode": _mode,
    "pace": _pace,
    "budget": _budget,
    "weekly_hours": _weekly,
    "deadline": _deadline,
    "location": _location,
}


def violations(persona: Persona, course: Course) -> list[Violation]:
    """Every hard limit of the persona that the course's stated fields break."""
    found = []
    for name, check in CHECKS.items():
        detail = check(persona.constraints, course)
        if detail:
            found.append(Violation(course.id, name, detail))
    return found
