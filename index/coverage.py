"""Which places the catalog covers for study on site, so the advisor can say so.

In-person and blended programmes come from state training lists (New Jersey, Texas);
their ``location`` reads 'City, Name County, ST'. A learner who asks for a place the
catalog does not cover should hear which places it does cover, not an empty list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.schema import Course, Mode

ON_SITE = frozenset({Mode.IN_PERSON, Mode.BLENDED})
STATE_NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
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
    """The covered state a learner's place names ('Austin', 'Bexar County', 'Texas', 'TX').

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
    return None


def describe(coverage: Sequence[StateCoverage]) -> str:
    """'New Jersey and Texas', for a sentence such as 'I know classes in …'."""
    names = [state.name for state in coverage]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
