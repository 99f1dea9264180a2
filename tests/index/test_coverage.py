"""Which places the catalog covers: named cities and counties, and any town the
gazetteer puts in a covered state."""

from __future__ import annotations

from index.coverage import StateCoverage, find_place

COVERAGE = [
    StateCoverage("TX", "Texas", 4000, ("Austin", "Houston"), ("Bexar", "Harris")),
    StateCoverage("NJ", "New Jersey", 500, ("Newark",), ("Essex",)),
]


def test_a_town_without_programmes_in_a_covered_state_is_covered() -> None:
    assert find_place("Jersey City", COVERAGE) is COVERAGE[1]
    assert find_place("jersey city nj", COVERAGE) is COVERAGE[1]
    assert find_place("Round Rock, TX", COVERAGE) is COVERAGE[0]


def test_named_places_still_come_first() -> None:
    assert find_place("Houston", COVERAGE) is COVERAGE[0]
    assert find_place("Essex County", COVERAGE) is COVERAGE[1]
    assert find_place("texas", COVERAGE) is COVERAGE[0]


def test_a_place_in_an_uncovered_state_is_not_covered() -> None:
    assert find_place("Columbus, Ohio", COVERAGE) is None
    assert find_place("Ohio", COVERAGE) is None
    assert find_place("Nowhereville", COVERAGE) is None
