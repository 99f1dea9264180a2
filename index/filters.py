"""Hard constraints on courses: what a learner's life allows, never traded for relevance.

Each constraint is three-valued per course: known to fit, unknown (the provider does
not state the value), or known to be broken. A known violation is never shown; an
unknown value is not a violation, but the advisor cannot promise a fit it cannot see,
so ``mask`` (known fit on every constraint) stays the strict rule and ``status`` gives
the three-valued view the advisor ranks with (known fits first, then unknowns, saying
which value is missing). ``accepts`` is the readable definition of the strict rule;
``FilterColumns.mask`` is the same rule vectorised, and the tests hold the two to each
other. Weekly hours the provider does not state are derived, when possible, from its
own total hours and duration (see ``weekly_hours``) and marked as derived.

Location: an on-site course fits when its stated location names the learner's place,
or when its town lies within ``commute_miles`` (index settings) of the learner's town,
measured in a straight line between GeoNames town centres (``index.places``); that
distance is a derived figure and marked so. A course whose town the gazetteer does
not know is judged by name alone: unknown in the learner's state, broken in another.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from index.places import Place, gazetteer, miles
from index.schema import Course, CredentialType, Level, Mode, Pace, Source
from index.settings import get_settings

Mask = npt.NDArray[np.bool_]
NEAR_CACHE_SIZE = 256  # places remembered by FilterColumns.near
Constraint = Literal[
    "mode",
    "pace",
    "budget",
    "total_hours",
    "weekly_hours",
    "duration",
    "level",
    "language",
    "credential",
    "location",
    "source",
    "excluded",
]


@dataclass(frozen=True)
class WeeklyHours:
    """A course's weekly load: stated by the provider, or derived from its own figures.

    Derived = total hours / duration in weeks, both as the provider states them; the
    range keeps both ends (most hours over fewest weeks is the high end), so a fit
    judged on it is conservative.
    """

    low: float
    high: float
    derived: bool


def weekly_hours(course: Course) -> WeeklyHours | None:
    """The stated weekly hours, else hours / weeks from the provider's figures, else None.

    The catalog may already carry a derived weekly figure (``hours_per_week_derived``
    set by ingest); older catalogs lack that field, so it is read when present.
    """
    if course.hours_per_week_max is not None:
        low = course.hours_per_week_min or course.hours_per_week_max
        derived = bool(getattr(course, "hours_per_week_derived", False))
        return WeeklyHours(low, course.hours_per_week_max, derived=derived)
    weeks_low = course.duration_weeks_min or course.duration_weeks_max
    weeks_high = course.duration_weeks_max or course.duration_weeks_min
    if course.total_hours_max is None or weeks_low is None or weeks_high is None:
        return None
    hours_low = course.total_hours_min or course.total_hours_max
    return WeeklyHours(hours_low / weeks_high, course.total_hours_max / weeks_low, derived=True)


class Filters(BaseModel):
    """The constraints a search must honour. Empty sets and ``None`` mean 'any'."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    modes: frozenset[Mode] = frozenset()
    paces: frozenset[Pace] = frozenset()
    max_cost: float | None = Field(default=None, ge=0)
    free_only: bool = False
    max_total_hours: float | None = Field(default=None, gt=0)
    max_hours_per_week: float | None = Field(default=None, gt=0)
    # Weeks until the learner's deadline: a course on a schedule that runs longer cannot
    # be finished in time, whatever its hours (a self-paced one can be done faster).
    max_weeks: float | None = Field(default=None, gt=0)
    levels: frozenset[Level] = frozenset()
    languages: frozenset[str] = frozenset()  # English names, compared case-insensitively
    credential_types: frozenset[CredentialType] = frozenset()
    location: str | None = None  # applies to courses taught on site, not to online ones
    sources: frozenset[Source] = frozenset()  # catalogs to draw from (all when empty)
    exclude_ids: frozenset[str] = frozenset()

    def is_empty(self) -> bool:
        """True when nothing is constrained."""
        return self == Filters()

    def accepts(self, course: Course) -> bool:
        """Whether ``course`` satisfies every constraint (unknown values fail)."""
        return all(check(self, course) for check in _CHECKS)


def _mode_ok(f: Filters, c: Course) -> bool:
    return not f.modes or c.mode in f.modes


def _pace_ok(f: Filters, c: Course) -> bool:
    return not f.paces or c.pace in f.paces


def _cost_ok(f: Filters, c: Course) -> bool:
    """Free (stated free or a stated price of 0) fits any budget; otherwise a stated price
    must be within it."""
    free = c.cost.is_free is True or c.cost.amount == 0
    if f.free_only:
        return free
    if f.max_cost is None:
        return True
    return free or (c.cost.amount is not None and c.cost.amount <= f.max_cost)


def _total_hours_ok(f: Filters, c: Course) -> bool:
    if f.max_total_hours is None:
        return True
    return c.total_hours_max is not None and c.total_hours_max <= f.max_total_hours


def _weekly_hours_ok(f: Filters, c: Course) -> bool:
    """Self-paced courses fit any weekly budget (it only changes how many weeks they take);
    a course on a schedule fits when even its highest stated weekly load does."""
    if f.max_hours_per_week is None or c.pace is Pace.SELF_PACED:
        return True
    load = weekly_hours(c)
    return load is not None and load.high <= f.max_hours_per_week


def _weeks_ok(f: Filters, c: Course) -> bool:
    """A scheduled course whose stated shortest run outlasts the deadline breaks it."""
    if f.max_weeks is None or c.pace is not Pace.SCHEDULED:
        return True
    return c.duration_weeks_min is None or c.duration_weeks_min <= f.max_weeks


def _level_ok(f: Filters, c: Course) -> bool:
    """A course for all levels suits a learner at any level."""
    if not f.levels:
        return True
    return c.level is not None and (c.level in f.levels or c.level is Level.ALL_LEVELS)


def _language_ok(f: Filters, c: Course) -> bool:
    if not f.languages:
        return True
    wanted = {language.lower() for language in f.languages}
    return c.language is not None and c.language.lower() in wanted


def _credential_ok(f: Filters, c: Course) -> bool:
    return not f.credential_types or c.credential_type in f.credential_types


def _location_ok(f: Filters, c: Course) -> bool:
    """Online courses go anywhere; an on-site one must name the learner's place or lie
    within commuting distance of it (both towns known to the gazetteer)."""
    place = (f.location or "").strip().lower()
    if not place or c.mode is Mode.ONLINE:
        return True
    if c.location is None:
        return False
    where = c.location.lower()
    if place in where:
        return True
    places = gazetteer()
    learner, site = places.resolve(place), places.resolve(where)
    if learner is None or site is None:
        return False
    return miles(learner, site) <= get_settings().commute_miles


def _source_ok(f: Filters, c: Course) -> bool:
    return not f.sources or c.source in f.sources


def _not_excluded(f: Filters, c: Course) -> bool:
    return c.id not in f.exclude_ids


_CHECKS = (
    _mode_ok,
    _pace_ok,
    _cost_ok,
    _total_hours_ok,
    _weekly_hours_ok,
    _weeks_ok,
    _level_ok,
    _language_ok,
    _credential_ok,
    _location_ok,
    _source_ok,
    _not_excluded,
)


def _codes(values: Sequence[object | None]) -> npt.NDArray[np.object_]:
    return np.array(values, dtype=object)


def _floats(values: Sequence[float | None]) -> npt.NDArray[np.float64]:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


class FilterColumns:
    """The catalog's constrained fields as arrays, so a mask costs microseconds per rule."""

    def __init__(self, courses: Sequence[Course]) -> None:
        self.count = len(courses)
        self.ids = _codes([c.id for c in courses])
        self.mode = _codes([c.mode for c in courses])
        self.pace = _codes([c.pace for c in courses])
        self.cost = _floats([c.cost.amount for c in courses])
        self.is_free = np.array([c.cost.is_free is True for c in courses])
        self.total_hours_max = _floats([c.total_hours_max for c in courses])
        loads = [weekly_hours(c) for c in courses]
        self.weekly_low = _floats([load.low if load else None for load in loads])
        self.weekly_high = _floats([load.high if load else None for load in loads])
        self.weekly_derived = np.array([bool(load and load.derived) for load in loads])
        self.cost_stated = ~np.isnan(self.cost)
        self.paid = np.array([c.cost.is_free is False for c in courses])
        self.total_hours_min = _floats([c.total_hours_min for c in courses])
        self.weeks_min = _floats([c.duration_weeks_min for c in courses])
        self.level = _codes([c.level for c in courses])
        self.language = _codes([(c.language or "").lower() for c in courses])
        self.credential = _codes([c.credential_type for c in courses])
        self.source = _codes([c.source for c in courses])
        self.location = _codes([(c.location or "").lower() for c in courses])
        self.state, self._town_states = _states(courses)
        self.self_paced = self.pace == Pace.SELF_PACED
        self.online = self.mode == Mode.ONLINE
        # Which courses leave a categorical field unstated, computed once: a Python pass
        # over the catalog per constraint and status() call cost ~20 ms a recommendation.
        self._missing = {
            id(column): _missing(column)
            for column in (self.mode, self.pace, self.level, self.credential)
        }
        self._near: dict[str, Mask] = {}
        self._miles: dict[Place, npt.NDArray[np.float64]] = {}
        self._sites: tuple[list[Place], npt.NDArray[np.intp]] | None = None

    def missing(self, column: npt.NDArray[np.object_]) -> Mask:
        """Courses whose value in ``column`` (one of this object's columns) is not stated."""
        known = self._missing.get(id(column))
        return known if known is not None else _missing(column)

    def learner_state(self, place: str) -> str | None:
        """The learner's state: a trailing code ('houston, tx'), else the one state the
        catalog's own locations put that town in; None when unknown or ambiguous."""
        parts = [part.strip() for part in place.split(",")]
        if len(parts) > 1 and len(parts[-1]) == STATE_CODE_LENGTH and parts[-1].isalpha():
            return parts[-1].upper()
        states = self._town_states.get(parts[0], set())
        return next(iter(states)) if len(states) == 1 else None

    def in_another_state(self, place: str) -> Mask:
        """Records taught on site (or of unknown format) in a state other than the one
        ``place`` is in; none when the learner's state is unknown."""
        learner = gazetteer().resolve(place)
        theirs = learner.state if learner is not None else self.learner_state(place.lower())
        if theirs is None:
            return np.zeros(self.count, dtype=bool)
        elsewhere: Mask = ~self.online & (self.state != "") & (self.state != theirs)
        return elsewhere

    def near(self, place: str) -> Mask:
        """Courses whose stated location names ``place`` (remembered per place)."""
        if place not in self._near:
            if len(self._near) >= NEAR_CACHE_SIZE:
                self._near.pop(next(iter(self._near)))
            self._near[place] = np.fromiter(
                (place in where for where in self.location), dtype=bool, count=self.count
            )
        return self._near[place]

    def sites(self) -> tuple[list[Place], npt.NDArray[np.intp]]:
        """The distinct course towns the gazetteer knows, and per course the index of its
        town in that list (-1: no town, or one the gazetteer does not know)."""
        if self._sites is None:
            places = gazetteer()
            known: list[Place] = []
            slot: dict[str, int] = {}
            index = np.full(self.count, -1, dtype=np.intp)
            for position, where in enumerate(self.location):
                if where not in slot:
                    site = places.resolve(where) if where else None
                    slot[where] = -1 if site is None else len(known)
                    if site is not None:
                        known.append(site)
                index[position] = slot[where]
            self._sites = known, index
        return self._sites

    def miles_from(self, learner: Place) -> npt.NDArray[np.float64]:
        """Per course, straight-line miles from ``learner`` to its town (NaN: not known);
        remembered per place. Computed per distinct town with ``index.places.miles``, the
        very function the per-course rule uses, so both agree to the last bit."""
        if learner not in self._miles:
            if len(self._miles) >= NEAR_CACHE_SIZE:
                self._miles.pop(next(iter(self._miles)))
            known, index = self.sites()
            away = np.array([*(miles(learner, site) for site in known), np.nan])
            self._miles[learner] = away[index]  # -1 picks the trailing NaN
        return self._miles[learner]

    def mask(self, f: Filters) -> Mask:
        """Boolean array: True where the course is known to pass every constraint in ``f``."""
        return self.status(f).fits

    def admissible(self, f: Filters) -> Mask:
        """Boolean array: True where no constraint in ``f`` is known to be broken."""
        return self.status(f).admissible

    def status(self, f: Filters) -> FilterStatus:
        """Per constraint: which courses are known to break it and which leave it unknown.

        A course neither broken nor unknown on a constraint is known to fit it; the
        strict ``mask`` is exactly "no violation and nothing unknown" (tests hold it).
        """
        broken: dict[Constraint, Mask] = {}
        unknown: dict[Constraint, Mask] = {}
        derived: dict[Constraint, Mask] = {}
        none = np.zeros(self.count, dtype=bool)

        def categorical(
            name: Constraint, column: npt.NDArray[np.object_], wanted: Sequence[object]
        ) -> None:
            missing = self.missing(column)
            unknown[name] = missing
            broken[name] = ~missing & ~np.isin(column, _codes(list(wanted)))

        if f.modes:
            categorical("mode", self.mode, list(f.modes))
        if f.paces:
            categorical("pace", self.pace, list(f.paces))
        if f.free_only or f.max_cost is not None:
            # Free (stated free, or a stated price of 0) fits any budget; a stated price
            # above the ceiling, or "paid" under free-only, breaks it; the rest is unknown.
            free = self.is_free | (self.cost == 0)
            if f.free_only:
                fits = free
                breaks = self.paid | (self.cost_stated & (self.cost > 0))
            else:
                assert f.max_cost is not None
                fits = free | (self.cost_stated & (self.cost <= f.max_cost))
                breaks = self.cost_stated & (self.cost > f.max_cost)
                if f.max_cost == 0:
                    breaks = breaks | self.paid
            broken["budget"] = breaks & ~fits
            unknown["budget"] = ~fits & ~broken["budget"]
        with np.errstate(invalid="ignore"):  # NaN (unknown) compares False either way
            if f.max_total_hours is not None:
                stated = ~np.isnan(self.total_hours_max)
                broken["total_hours"] = stated & (self.total_hours_max > f.max_total_hours)
                unknown["total_hours"] = ~stated
            if f.max_hours_per_week is not None:
                cap = f.max_hours_per_week
                known = ~np.isnan(self.weekly_high)
                fits = self.self_paced | (known & (self.weekly_high <= cap))
                broken["weekly_hours"] = ~fits & known & (self.weekly_low > cap)
                unknown["weekly_hours"] = ~fits & ~broken["weekly_hours"]
                derived["weekly_hours"] = ~self.self_paced & known & self.weekly_derived
            if f.max_weeks is not None:
                scheduled = self.pace == Pace.SCHEDULED
                broken["duration"] = scheduled & (self.weeks_min > f.max_weeks)
                unknown["duration"] = none
        if f.levels:
            missing = self.missing(self.level)
            unknown["level"] = missing
            broken["level"] = ~missing & ~np.isin(self.level, [*f.levels, Level.ALL_LEVELS])
        if f.languages:
            missing = self.language == ""
            unknown["language"] = missing
            wanted = [language.lower() for language in f.languages]
            broken["language"] = ~missing & ~np.isin(self.language, wanted)
        if f.credential_types:
            categorical("credential", self.credential, list(f.credential_types))
        if f.location and f.location.strip():
            self._location(f.location.strip().lower(), broken, unknown, derived)
        if f.sources:
            broken["source"] = ~np.isin(self.source, list(f.sources))
            unknown["source"] = none
        if f.exclude_ids:
            broken["excluded"] = np.isin(self.ids, list(f.exclude_ids))
            unknown["excluded"] = none
        return FilterStatus(broken=broken, unknown=unknown, derived=derived, count=self.count)

    def _location(
        self,
        place: str,
        broken: dict[Constraint, Mask],
        unknown: dict[Constraint, Mask],
        derived: dict[Constraint, Mask],
    ) -> None:
        """The location constraint's verdicts for a learner at ``place`` (lower case).

        A course naming the place fits; so does one whose town is within commuting
        distance (derived). Beyond it is broken; a town the gazetteer does not know is
        unknown in the learner's state and broken in another; no town at all is unknown,
        unless the catalog puts the record in another state. A record of unknown format
        may be online, so beyond the commute it is unknown, not broken; but one in another
        state is broken all the same: the state lists hold the programmes of their own
        state's training providers, and a Beeville, Texas programme is no option for a
        learner in Paterson, New Jersey, whatever its format.
        """
        named = self.near(place)
        mode_missing = self.missing(self.mode)
        on_site = ~self.online & ~mode_missing
        stated = self.location != ""
        learner = gazetteer().resolve(place)
        if learner is None:
            fits = named
            broken["location"] = on_site & stated & ~fits
            unknown["location"] = (on_site & ~stated) | (mode_missing & ~fits)
            theirs = self.learner_state(place)
        else:
            away = self.miles_from(learner)
            located = ~np.isnan(away)
            with np.errstate(invalid="ignore"):
                close = located & (away <= get_settings().commute_miles)
            fits = named | close
            theirs = learner.state
            at_home = self.state == theirs
            broken["location"] = on_site & stated & ~fits & (located | ~at_home)
            unknown["location"] = (
                (on_site & stated & ~fits & ~located & at_home)
                | (on_site & ~stated)
                | (mode_missing & ~fits)
            )
            derived["location"] = ~self.online & located & ~named
        if theirs is not None:
            # A record without a town is still in its catalog's state: a New Jersey
            # programme is not "unknown" for a learner in Houston, it is elsewhere.
            elsewhere = ~self.online & ~fits
            elsewhere &= (self.state != "") & (self.state != theirs)
            broken["location"] = broken["location"] | elsewhere
            unknown["location"] = unknown["location"] & ~elsewhere


STATE_CODE_LENGTH = 2
ONE_STATE_SHARE = 0.9  # a catalog with this share of its located records in one state


def _state_of(location: str | None) -> str:
    """'Newark, Essex County, NJ' -> 'NJ' (a trailing two-letter code), else ''."""
    last = (location or "").rsplit(",", 1)[-1].strip()
    return last if len(last) == STATE_CODE_LENGTH and last.isalpha() and last.isupper() else ""


def _states(
    courses: Sequence[Course],
) -> tuple[npt.NDArray[np.object_], dict[str, set[str]]]:
    """Per course its state, and per town the states the catalog places it in.

    A course without a town takes its catalog's state when nearly every located record
    of that catalog is in one state (a state's training-provider list, with a few
    out-of-state providers); otherwise it stays ''.
    """
    stated = [_state_of(c.location) for c in courses]
    by_source: dict[Source, Counter[str]] = {}
    towns: dict[str, set[str]] = {}
    for course, state in zip(courses, stated, strict=True):
        if state:
            by_source.setdefault(course.source, Counter())[state] += 1
            town = (course.location or "").split(",")[0].strip().lower()
            towns.setdefault(town, set()).add(state)
    single = {}
    for source, counts in by_source.items():
        state, most = counts.most_common(1)[0]
        if most >= ONE_STATE_SHARE * sum(counts.values()):
            single[source] = state
    states = [
        state or (single.get(course.source, "") if course.mode is not Mode.ONLINE else "")
        for course, state in zip(courses, stated, strict=True)
    ]
    return _codes(states), towns


def _missing(column: npt.NDArray[np.object_]) -> Mask:
    missing: Mask = np.fromiter((value is None for value in column), dtype=bool, count=len(column))
    return missing


@dataclass(frozen=True)
class FilterStatus:
    """The three-valued verdict of every active constraint on every course.

    ``broken[c]``: known to break constraint c (never shown). ``unknown[c]``: the value c
    needs is not stated, and no other figure settles it. ``derived[c]``: the verdict on c
    rests on a derived figure (weekly hours = total hours / weeks; location = straight-
    line miles between town centres), to be labelled so.
    """

    broken: dict[Constraint, Mask]
    unknown: dict[Constraint, Mask]
    derived: dict[Constraint, Mask]
    count: int

    @property
    def violated(self) -> Mask:
        """Known to break at least one constraint."""
        out = np.zeros(self.count, dtype=bool)
        for mask in self.broken.values():
            out |= mask
        return out

    @property
    def uncertain(self) -> Mask:
        """At least one constraint's value unknown (whether or not another is broken)."""
        out = np.zeros(self.count, dtype=bool)
        for mask in self.unknown.values():
            out |= mask
        return out

    @property
    def admissible(self) -> Mask:
        """No known violation: may be shown (known fits first, then unknowns)."""
        return ~self.violated

    @property
    def fits(self) -> Mask:
        """Known to fit every constraint."""
        return ~self.violated & ~self.uncertain

    def broken_only(self, constraints: Sequence[Constraint]) -> Mask:
        """Courses whose only known violations are among ``constraints`` (at least one)."""
        inside = np.zeros(self.count, dtype=bool)
        outside = np.zeros(self.count, dtype=bool)
        for name, mask in self.broken.items():
            if name in constraints:
                inside |= mask
            else:
                outside |= mask
        return inside & ~outside

    def unknown_of(self, position: int) -> list[Constraint]:
        """The constraints whose value is unknown for the course at ``position``."""
        return [name for name, mask in self.unknown.items() if mask[position]]

    def derived_of(self, position: int) -> list[Constraint]:
        """The constraints judged on a derived figure for the course at ``position``."""
        return [
            name
            for name, mask in self.derived.items()
            if mask[position] and not self.unknown[name][position]
        ]
