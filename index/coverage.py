"""Which places the catalog covers for study on site, so the advisor can say so.

In-person and blended programmes come from state training lists (New Jersey, Texas);
their ``location`` reads 'City, Name County, ST'. A learner who asks for a place the
catalog does not cover should hear which places it does cover, not an empty list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.places import STATE_NAMES, gazetteer
from index.schema import Course, Mode

ON_SITE = frozenset({Mode.IN_PERSON, Mode.BLENDED})
MIN_PROGRAMMES = 10  # a state with fewer on-site programmes is not worth offering as covered


@dataclass(frozen=True)
class StateCoverage:
    """On-site programmes in one state: how many, and in which cities and counties."""

    code: str
    name: str
    programmes: int
    cities: tuple[str, ...]
    counties: tuple[str, ...]


def _parts(location: str) -> tuple[str | None, str | None, str] | None:
    """'Houston, Harris County, TX' -> ('Houston', 'Harris', 'TX'); None if no state."""
    parts = [part.strip() for part in location.split(",") if part.strip()]
    if not parts or parts[-1].upper() not in STATE_NAMES:
        return None
    state = parts[-1].upper()
    county = next((p.removesuffix(" County") for p in parts[:-1] if p.endswith(" County")), None)
    city = parts[0] if parts[0].removesuffix(" County") != county or len(parts) == 1 else None
    return (city if city != state else None), county, state


def in_person_coverage(
    courses: Iterable[Course], *, min_programmes: int = MIN_PROGRAMMES
) -> list[StateCoverage]:
    """States with at least ``min_programmes`` in-person or blended programmes, most first."""
    count: dict[str, int] = defaultdict(int)
    cities: dict[str, set[str]] = defaultdict(set)
    counties: dict[str, set[str]] = defaultdict(set)
    for course in courses:
        if course.mode not in ON_SITE or not course.location:
            continue
        parsed = _parts(course.location)
        if parsed is None:
            continue
        city, county, state = parsed
        count[state] += 1
        if city:
            cities[state].add(city)
        if county:
            counties[state].add(county)
    covered = [
        StateCoverage(
            code=state,
            name=STATE_NAMES[state],
            programmes=n,
            cities=tuple(sorted(cities[state])),
            counties=tuple(sorted(counties[state])),
        )
        for state, n in count.items()
        if n >= min_programmes
    ]
    return sorted(covered, key=lambda c: (-c.programmes, c.code))


def find_place(place: str, coverage: Sequence[StateCoverage]) -> StateCoverage | None:
    """The covered state a learner's place names ('Austin', 'Bexar County', 'Texas', 'TX',
    or any town the gazetteer places in a covered state, 'Hoboken').

    None means the catalog has no on-site programmes there: say which states it covers.
    """
    wanted = " ".join(place.lower().replace(",", " ").split())
    wanted = wanted.removeprefix("state of ").removesuffix(" county").strip()
    if not wanted:
        return None
    for state in coverage:
        if wanted in (state.code.lower(), state.name.lower()):
            return state
    for state in coverage:
        if any(wanted == name.lower() for name in (*state.cities, *state.counties)):
            return state
    # A town without a programme of its own ('Jersey City', 'houston tx'): its state
    # decides; a town in a state the catalog does not cover ('Columbus, Ohio') is None.
    town = gazetteer().resolve(place)
    return next((state for state in coverage if town and state.code == town.state), None)


def describe(coverage: Sequence[StateCoverage]) -> str:
    """'New Jersey and Texas', for a sentence such as 'I know classes in …'."""
    names = [state.name for state in coverage]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
