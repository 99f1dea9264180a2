"""Hard constraints on courses: what a learner's life allows, never traded for relevance.

A course whose value for a constrained field is unknown does not pass that
constraint: the advisor cannot promise a fit it cannot see. ``accepts`` is the
readable definition; ``FilterColumns.mask`` is the same rule vectorised for the
search path, and the tests hold the two to each other.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from index.schema import Course, CredentialType, Level, Mode, Pace, Source

Mask = npt.NDArray[np.bool_]


class Filters(BaseModel):
    """The constraints a search must honour. Empty sets and ``None`` mean 'any'."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    modes: frozenset[Mode] = frozenset()
    paces: frozenset[Pace] = frozenset()
    max_cost: float | None = Field(default=None, ge=0)
    free_only: bool = False
    max_total_hours: float | None = Field(default=None, gt=0)
    max_hours_per_week: float | None = Field(default=None, gt=0)
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
    if f.free_only and c.cost.is_free is not True:
        return False
    if f.max_cost is None:
        return True
    return c.cost.amount is not None and c.cost.amount <= f.max_cost


def _total_hours_ok(f: Filters, c: Course) -> bool:
    if f.max_total_hours is None:
        return True
    return c.total_hours_max is not None and c.total_hours_max <= f.max_total_hours


def _weekly_hours_ok(f: Filters, c: Course) -> bool:
    """Self-paced courses fit any weekly budget (it only changes how many weeks they take);
    a course on a schedule fits when even its highest stated weekly load does."""
    if f.max_hours_per_week is None or c.pace is Pace.SELF_PACED:
        return True
    return c.hours_per_week_max is not None and c.hours_per_week_max <= f.max_hours_per_week


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
    if not f.location or c.mode is Mode.ONLINE:
        return True
    return c.location is not None and f.location.strip().lower() in c.location.lower()


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
        self.hours_per_week_max = _floats([c.hours_per_week_max for c in courses])
        self.level = _codes([c.level for c in courses])
        self.language = _codes([(c.language or "").lower() for c in courses])
        self.credential = _codes([c.credential_type for c in courses])
        self.source = _codes([c.source for c in courses])
        self.location = _codes([(c.location or "").lower() for c in courses])
        self.self_paced = self.pace == Pace.SELF_PACED
        self.online = self.mode == Mode.ONLINE

    def mask(self, f: Filters) -> Mask:
        """Boolean array: True where the course passes every constraint in ``f``."""
        keep = np.ones(self.count, dtype=bool)
        if f.modes:
            keep &= np.isin(self.mode, list(f.modes))
        if f.paces:
            keep &= np.isin(self.pace, list(f.paces))
        if f.free_only:
            keep &= self.is_free
        with np.errstate(invalid="ignore"):  # NaN (unknown) compares False: it fails
            if f.max_cost is not None:
                keep &= self.cost <= f.max_cost
            if f.max_total_hours is not None:
                keep &= self.total_hours_max <= f.max_total_hours
            if f.max_hours_per_week is not None:
                keep &= self.self_paced | (self.hours_per_week_max <= f.max_hours_per_week)
        if f.levels:
            keep &= np.isin(self.level, [*f.levels, Level.ALL_LEVELS])
        if f.languages:
            keep &= np.isin(self.language, [language.lower() for language in f.languages])
        if f.credential_types:
            keep &= np.isin(self.credential, list(f.credential_types))
        if f.location and f.location.strip():
            wanted = f.location.strip().lower()
            near = np.fromiter((wanted in place for place in self.location), dtype=bool)
            keep &= self.online | near
        if f.sources:
            keep &= np.isin(self.source, list(f.sources))
        if f.exclude_ids:
            keep &= ~np.isin(self.ids, list(f.exclude_ids))
        return keep
