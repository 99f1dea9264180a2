"""What the learner has told the advisor, and the hard filters it implies.

The profile is the single place the conversation's answers live. It turns into
``Filters`` (what a course must satisfy) only for constraints of the learner's
life: time, money, format, pace, place. Preferences such as degree credit are
soft: they shape the explanation, never hide a course.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, field_validator

from advisor.formatting import CATALOG_CURRENCY, NOT_GIVEN, money, number
from index.filters import Filters
from index.schema import Mode, Pace

MODES = ("online", "in_person", "blended", "any")
PACES = ("self_paced", "scheduled", "any")
CREDITS = ("degree_credit", "industry", "either", "no")
LEVELS = ("beginner", "intermediate", "advanced")
MAX_QUERY_CHARS = 500  # a goal longer than this is a pasted essay; the head carries the intent

# "In person only" rules out online courses but not blended ones, which meet in person too.
_MODE_FILTERS: dict[str, frozenset[Mode]] = {
    "online": frozenset({Mode.ONLINE}),
    "in_person": frozenset({Mode.IN_PERSON, Mode.BLENDED}),
    "blended": frozenset({Mode.BLENDED}),
}
_PACE_FILTERS: dict[str, frozenset[Pace]] = {
    "self_paced": frozenset({Pace.SELF_PACED}),
    "scheduled": frozenset({Pace.SCHEDULED}),
}
_MODE_TEXT = {
    "online": "online",
    "in_person": "in person",
    "blended": "blended (online and in person)",
    "any": "no preference",
}
_PACE_TEXT = {"self_paced": "self-paced", "scheduled": "scheduled", "any": "no preference"}
_CREDIT_TEXT = {
    "degree_credit": "counts toward a degree or qualification",
    "industry": "leads to an industry credential or licence",
    "either": "degree credit or an industry credential",
    "no": "not important",
}


def _choice(value: object, allowed: tuple[str, ...]) -> str | None:
    """A slot value as one of ``allowed`` ('In person' -> 'in_person'); anything else None."""
    if not isinstance(value, str):
        return None
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    return key if key in allowed else None


def _positive(value: object) -> float | None:
    """A usable positive figure, or None (slots can hold 0, negatives, NaN or text)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number_value = float(value)
    except ValueError:
        return None
    return number_value if math.isfinite(number_value) and number_value > 0 else None


class LearnerProfile(BaseModel):
    """The learner's answers so far; None means 'not asked or not answered yet'.

    Construction never fails on odd slot values: unknown choices and non-positive
    figures become None, so a bad slot costs one question, not a crashed action.
    """

    goal: str | None = None
    background: str | None = None
    known_skills: list[str] = []
    hours_per_week: float | None = None
    no_hours_limit: bool = False  # 'full time', 'as many as it takes' (unlike None: not asked)
    deadline_weeks: float | None = None
    no_deadline: bool = False  # the learner said 'no rush' (unlike None: not asked)
    budget_max: float | None = None
    budget_currency: str | None = None
    free_only: bool = False
    budget_unlimited: bool = False  # the learner said 'no limit' (unlike None: not asked)
    mode: str | None = None  # one of MODES
    pace: str | None = None  # one of PACES
    credit: str | None = None  # one of CREDITS
    location: str | None = None
    excluded_ids: list[str] = []
    # A cap on a course's total hours asked for directly ("something shorter").
    max_total_hours: float | None = None
    # The level the learner asked for ("too basic" -> intermediate): a soft preference
    # that reorders relevant courses, never a filter (most listings state no level).
    level: str | None = None  # one of LEVELS

    @field_validator("goal", "background", "location", "budget_currency", mode="before")
    @classmethod
    def _text(cls, value: object) -> str | None:
        if not isinstance(value, str):
            return None
        return value.strip() or None

    @field_validator("known_skills", "excluded_ids", mode="before")
    @classmethod
    def _strings(cls, value: object) -> list[str]:
        if not isinstance(value, list | tuple | set | frozenset):
            return []
        return [str(item).strip() for item in value if str(item).strip()]

    @field_validator("hours_per_week", "deadline_weeks", mode="before")
    @classmethod
    def _duration(cls, value: object) -> float | None:
        return _positive(value)

    @field_validator("budget_max", mode="before")
    @classmethod
    def _budget(cls, value: object) -> float | None:
        """Zero is a real budget (free only); negatives and junk are not."""
        if value == 0 and not isinstance(value, bool):
            return 0.0
        return _positive(value)

    @field_validator(
        "free_only", "budget_unlimited", "no_deadline", "no_hours_limit", mode="before"
    )
    @classmethod
    def _flag(cls, value: object) -> bool:
        return value is True

    @field_validator("mode", mode="before")
    @classmethod
    def _mode(cls, value: object) -> str | None:
        return _choice(value, MODES)

    @field_validator("pace", mode="before")
    @classmethod
    def _pace(cls, value: object) -> str | None:
        return _choice(value, PACES)

    @field_validator("level", mode="before")
    @classmethod
    def _level(cls, value: object) -> str | None:
        return _choice(value, LEVELS)

    @field_validator("credit", mode="before")
    @classmethod
    def _credit(cls, value: object) -> str | None:
        return _choice(value, CREDITS)


def _budget_in_catalog_currency(profile: LearnerProfile) -> bool:
    currency = profile.budget_currency
    return currency is None or currency.upper() == CATALOG_CURRENCY


def to_filters(profile: LearnerProfile) -> Filters:
    """The hard constraints the learner's answers imply (degree credit etc. stay soft)."""
    max_cost = None
    if (
        profile.budget_max is not None
        and not profile.budget_unlimited
        and _budget_in_catalog_currency(profile)
    ):
        max_cost = profile.budget_max
    caps = [profile.max_total_hours]
    if profile.hours_per_week is not None and profile.deadline_weeks is not None:
        caps.append(profile.hours_per_week * profile.deadline_weeks)
    known_caps = [cap for cap in caps if cap is not None]
    max_total_hours = min(known_caps) if known_caps else None
    return Filters(
        modes=_MODE_FILTERS.get(profile.mode or "", frozenset()),
        paces=_PACE_FILTERS.get(profile.pace or "", frozenset()),
        free_only=profile.free_only and not profile.budget_unlimited,
        max_cost=max_cost,
        max_hours_per_week=profile.hours_per_week,
        max_total_hours=max_total_hours,
        max_weeks=None if profile.no_deadline else profile.deadline_weeks,
        location=profile.location,
        exclude_ids=frozenset(profile.excluded_ids),
    )


def budget_note(profile: LearnerProfile) -> str | None:
    """Why a budget in another currency was not applied (the catalog is in US dollars).

    Converting would need an exchange rate the advisor does not have, and a guessed
    rate is an invented figure; the learner compares the listed prices instead.
    """
    if (
        profile.budget_max is None
        or profile.budget_unlimited
        or _budget_in_catalog_currency(profile)
    ):
        return None
    stated = money(profile.budget_max, profile.budget_currency)
    return (
        f"Course prices in this catalog are in US dollars, so I haven't filtered by your "
        f"budget of {stated}: I'd need an exchange rate to do that, and I won't guess one. "
        f"Each course shows its price so you can compare."
    )


def search_query(profile: LearnerProfile) -> str:
    """What to search for: the goal in the learner's words, else their background."""
    query = profile.goal or profile.background or ""
    return query[:MAX_QUERY_CHARS]


def _budget_text(profile: LearnerProfile) -> str:
    if profile.budget_unlimited:
        return "no limit"
    if profile.free_only or profile.budget_max == 0:
        return "free only"
    if profile.budget_max is None:
        return NOT_GIVEN
    if profile.budget_currency is None:
        return f"up to {number(profile.budget_max)} (taken as US dollars)"
    return f"up to {money(profile.budget_max, profile.budget_currency)}"


def _deadline_text(profile: LearnerProfile) -> str:
    if profile.deadline_weeks is not None:
        unit = "week" if profile.deadline_weeks == 1 else "weeks"
        return f"{number(profile.deadline_weeks)} {unit}"
    return "no deadline" if profile.no_deadline else NOT_GIVEN


def summary_lines(profile: LearnerProfile) -> list[str]:
    """The profile in plain words for the 'Is this right?' confirmation step."""
    hours = "no limit" if profile.no_hours_limit else NOT_GIVEN
    if profile.hours_per_week is not None:
        hours = f"about {number(profile.hours_per_week)}"
    lines = [
        f"Goal: {profile.goal or NOT_GIVEN}",
        f"Background: {profile.background or NOT_GIVEN}",
    ]
    if profile.known_skills:
        lines.append(f"Skills you already have: {', '.join(profile.known_skills)}")
    lines += [
        f"Hours per week: {hours}",
        f"Budget: {_budget_text(profile)}",
        f"Mode: {_MODE_TEXT.get(profile.mode or '', NOT_GIVEN)}",
        f"Pace: {_PACE_TEXT.get(profile.pace or '', NOT_GIVEN)}",
        f"Finish within: {_deadline_text(profile)}",
        f"Credit: {_CREDIT_TEXT.get(profile.credit or '', NOT_GIVEN)}",
    ]
    if profile.location or profile.mode in {"in_person", "blended"}:
        lines.append(f"Location: {profile.location or NOT_GIVEN}")
    return lines
