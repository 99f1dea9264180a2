"""The gazetteer: place names to US towns, ambiguity settled by the catalog's states, and
straight-line miles that match published figures."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from index import places
from index.places import Gazetteer, Place, miles, name_key

NEWARK_NJ = Place("Newark", "NJ", 40.73566, -74.17237, 281944)
NEWARK_OH = Place("Newark", "OH", 40.05812, -82.40126, 47986)
NEWARK_TX = Place("Newark", "TX", 33.00124, -97.48447, 1061)
JERSEY_CITY = Place("Jersey City", "NJ", 40.72816, -74.07764, 264290)
HOUSTON_TX = Place("Houston", "TX", 29.76328, -95.36327, 2314157)
HOUSTON_MO = Place("Houston", "MO", 37.32616, -91.95599, 2082)
DALLAS = Place("Dallas", "TX", 32.78306, -96.80667, 1326087)
TOMS_RIVER = Place("Toms River", "NJ", 39.95373, -74.19792, 88791)
COLUMBUS_OH = Place("Columbus", "OH", 39.96118, -82.99879, 913175)
LA_MARQUE = Place("La Marque", "TX", 29.36857, -94.97131, 15908)
ST_LOUIS = Place("St. Louis", "MO", 38.62727, -90.19789, 315685)
SMALL = [
    NEWARK_NJ,
    NEWARK_OH,
    NEWARK_TX,
    JERSEY_CITY,
    HOUSTON_TX,
    HOUSTON_MO,
    DALLAS,
    TOMS_RIVER,
    COLUMBUS_OH,
    LA_MARQUE,
    ST_LOUIS,
]


@pytest.fixture
def gazetteer() -> Gazetteer:
    return Gazetteer(SMALL, preferred={"NJ", "TX"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jersey City", JERSEY_CITY),
        ("jersey city", JERSEY_CITY),
        ("JERSEY CITY NJ", JERSEY_CITY),
        ("jersey city, nj", JERSEY_CITY),
        ("Jersey City, New Jersey", JERSEY_CITY),
        ("Houston, TX", HOUSTON_TX),
        ("houston texas", HOUSTON_TX),
        ("Houston, MO", HOUSTON_MO),
        ("Toms River", TOMS_RIVER),
        ("Columbus, Ohio", COLUMBUS_OH),
        ("Newark, Essex County, NJ", NEWARK_NJ),  # a catalog location: the county is ignored
        ("Newark, OH", NEWARK_OH),
        ("LaMarque, Galveston County, TX", LA_MARQUE),
        ("Saint Louis", ST_LOUIS),
    ],
)
def test_resolution(gazetteer: Gazetteer, text: str, expected: Place) -> None:
    assert gazetteer.resolve(text) == expected


@pytest.mark.parametrize("text", ["Nowhere", "", "  ,  ", "Jersey City, TX", "Essex County"])
def test_an_unknown_place_is_none(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.resolve(text) is None


def test_ambiguous_names_prefer_the_catalogs_states_then_population() -> None:
    # Newark, NJ is 265 times larger than Newark, TX: a learner who says "Newark" means
    # the city, not the village of that name in a covered state.
    assert Gazetteer(SMALL, preferred={"TX"}).resolve("Newark") == NEWARK_NJ
    # Newark, OH is 2.4 times larger than a Newark, TX of 20,000: the covered state wins.
    town = replace(NEWARK_TX, population=20_000)
    assert Gazetteer([NEWARK_OH, town], preferred={"TX"}).resolve("Newark") == town
    assert Gazetteer(SMALL, preferred={"NJ", "TX"}).resolve("Newark") == NEWARK_NJ
    assert Gazetteer(SMALL, preferred={"CA"}).resolve("Newark") == NEWARK_NJ  # population
    assert Gazetteer(SMALL).resolve("Houston") == HOUSTON_TX


def test_name_keys_absorb_spelling_variants() -> None:
    assert name_key("East-Orange") == name_key("East Orange")
    assert name_key("Carney's Point") == name_key("Carneys Point")
    assert name_key("Egg Harbor Township") == name_key("Egg Harbor")
    assert name_key("Sugarland") == name_key("Sugar Land")
    assert name_key("Mount Holly") == name_key("Mt. Holly")
    assert name_key("Fort Worth") == name_key("Ft Worth")


def test_miles_match_published_straight_line_distances() -> None:
    assert miles(NEWARK_NJ, NEWARK_NJ) == 0
    assert 4 <= miles(NEWARK_NJ, JERSEY_CITY) <= 7  # "about 6 miles" between the cities
    assert 220 <= miles(HOUSTON_TX, DALLAS) <= 230  # 225 miles as the crow flies
    assert miles(HOUSTON_TX, DALLAS) == pytest.approx(miles(DALLAS, HOUSTON_TX))


def test_the_real_gazetteer_knows_the_catalogs_towns() -> None:
    real = places.gazetteer()
    newark, jersey_city = real.resolve("Newark"), real.resolve("jersey city nj")
    houston, dallas = real.resolve("Houston"), real.resolve("Dallas, TX")
    assert newark is not None and newark.state == "NJ"
    assert houston is not None and houston.state == "TX"
    assert jersey_city is not None and dallas is not None
    assert 4 <= miles(newark, jersey_city) <= 7
    assert 220 <= miles(houston, dallas) <= 230
    assert real.resolve("Columbus, Ohio") is not None
    assert real.resolve("Nowhereville") is None


def _catalog(path: Path, locations: list[str | None]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": str(n), "location": loc}) + "\n" for n, loc in enumerate(locations)
        )
    )
    return path


def test_the_table_round_trips_with_the_catalogs_states(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(places, "_geonames_us", lambda: iter(SMALL))
    locations = ["Newark, Essex County, NJ"] * places.MIN_STATE_RECORDS + ["Ames, Story, IA", None]
    catalog = _catalog(tmp_path / "catalog.jsonl", locations)
    table = places.build_table(tmp_path / "index" / "places.tsv", catalog)
    read = places.read_table(table)
    assert read.preferred == {"NJ"}  # one Iowa record does not make Iowa the catalog's
    assert len(read) == len(SMALL) + 1  # and one county centre: Essex County, NJ
    essex = read.resolve("Nutley, Essex County, NJ")  # not in the list: its county's centre
    assert essex is not None and essex.name == "Essex County"
    assert (essex.lat, essex.lon) == (NEWARK_NJ.lat, NEWARK_NJ.lon)  # its one known town
    assert read.resolve("Newark") == NEWARK_NJ and read.resolve("Houston, TX") == HOUSTON_TX
    assert places.table_is_current(table, catalog)
    later = table.stat().st_mtime + 10
    os.utime(catalog, (later, later))
    assert not places.table_is_current(table, catalog)  # a newer catalog: build again
    assert not places.table_is_current(tmp_path / "missing.tsv", catalog)
