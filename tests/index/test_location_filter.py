"""The location constraint on a hand-made catalog: commuting distance between real towns
(the gazetteer), name-only judgement for towns it does not know, state for records
without a town, and the per-course rule equal to the vectorised one."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from index.filters import FilterColumns, Filters
from index.schema import Course, Mode, Source
from index.settings import get_settings
from tests.advisor.conftest import build_course


def _nj(name: str, location: str | None, mode: Mode | None = Mode.IN_PERSON) -> Course:
    return build_course(id=f"nj:{name}", source=Source.NJ_ETPL, mode=mode, location=location)


def _tx(name: str, location: str, mode: Mode | None = Mode.IN_PERSON) -> Course:
    return build_course(id=f"tx:{name}", source=Source.TWC_ETPL, mode=mode, location=location)


COURSES = [
    _nj("newark", "Newark, Essex County, NJ"),  # 5 miles from Jersey City
    _nj("elizabeth", "Elizabeth, Union County, NJ", Mode.BLENDED),  # 8 miles
    _nj("new-brunswick", "New Brunswick, Middlesex County, NJ"),  # 26 miles
    _nj("trenton", "Trenton, Mercer County, NJ"),  # 50 miles
    _nj("morrisville", "Morrisville, Out of State County, PA"),  # 2 miles from Trenton
    _nj("westampton", "Westampton, Burlington County, NJ"),  # its county's centre: 62 miles
    _nj("nowhere", "Nowhereville, Nowhere County, NJ"),  # neither town nor county known
    _nj("no-town", None),  # in New Jersey: its catalog is New Jersey's list
    _nj("newark-online", "Newark, Essex County, NJ", Mode.ONLINE),
    _nj("newark-format-unknown", "Newark, Essex County, NJ", None),
    _nj("trenton-format-unknown", "Trenton, Mercer County, NJ", None),
    *[_nj(f"filler-{n}", "Camden, Camden County, NJ") for n in range(10)],
    _tx("houston", "Houston, Harris County, TX"),
    _tx("kingwood", "Kingwood, Montgomery County, TX"),  # not in the gazetteer
    _tx("beeville-format-unknown", "Beeville, Bee County, TX", None),
    build_course(id="edx:online", source=Source.EDX, mode=Mode.ONLINE),
]
COLUMNS = FilterColumns(COURSES)


def _verdicts(place: str) -> dict[str, str]:
    status = COLUMNS.status(Filters(location=place))
    out = {}
    for position, course in enumerate(COURSES):
        if status.broken["location"][position]:
            out[course.id] = "broken"
        elif status.unknown["location"][position]:
            out[course.id] = "unknown"
        else:
            out[course.id] = "fits"
    return out


@pytest.fixture
def commute() -> Iterator[None]:
    settings = get_settings()
    saved = settings.commute_miles
    yield
    settings.commute_miles = saved


def test_towns_within_commuting_distance_fit_and_far_ones_break() -> None:
    verdicts = _verdicts("Jersey City")
    assert verdicts["nj:newark"] == verdicts["nj:elizabeth"] == "fits"
    assert verdicts["nj:new-brunswick"] == "fits"
    assert verdicts["nj:trenton"] == verdicts["nj:morrisville"] == "broken"
    assert verdicts["tx:houston"] == "broken"
    assert verdicts["nj:newark-online"] == verdicts["edx:online"] == "fits"  # never by place


def test_the_way_a_place_is_written_does_not_matter() -> None:
    assert _verdicts("jersey city nj") == _verdicts("Jersey City, NJ") == _verdicts("Jersey City")


def test_a_town_across_a_state_line_is_near_all_the_same() -> None:
    verdicts = _verdicts("Trenton")
    assert verdicts["nj:morrisville"] == verdicts["nj:trenton"] == "fits"
    assert verdicts["nj:newark"] == "broken"


def test_unknown_towns_are_judged_by_name_and_state() -> None:
    jersey_city = _verdicts("Jersey City")
    assert jersey_city["nj:nowhere"] == "unknown"  # may be near: same state
    assert jersey_city["tx:kingwood"] == "broken"  # another state
    assert jersey_city["nj:no-town"] == "unknown"
    assert _verdicts("Nowhereville")["nj:nowhere"] == "fits"  # names the place
    houston = _verdicts("Houston")
    assert houston["nj:no-town"] == houston["nj:nowhere"] == "broken"


def test_a_town_missing_from_the_place_list_is_placed_at_its_county_centre() -> None:
    """'Westampton, Burlington County, NJ': GeoNames lacks the township; the centre of
    the catalog's Burlington County towns stands in (about 60 miles from Jersey City)."""
    assert _verdicts("Jersey City")["nj:westampton"] == "broken"
    assert _verdicts("Mount Holly")["nj:westampton"] == "fits"  # Burlington's county seat


def test_a_course_of_unknown_format_fits_only_when_near() -> None:
    verdicts = _verdicts("Jersey City")
    assert verdicts["nj:newark-format-unknown"] == "fits"
    assert verdicts["nj:trenton-format-unknown"] == "unknown"  # it may be online
    # ... but a state list's programme in another state is no option, whatever its format
    assert verdicts["tx:beeville-format-unknown"] == "broken"


def test_a_place_outside_the_catalogs_states_rules_out_every_site() -> None:
    verdicts = _verdicts("Columbus, Ohio")
    on_site = [c.id for c in COURSES if c.mode in (Mode.IN_PERSON, Mode.BLENDED)]
    assert {verdicts[i] for i in on_site} == {"broken"}
    assert verdicts["edx:online"] == "fits"


def test_a_place_the_gazetteer_does_not_know_keeps_the_name_rule() -> None:
    verdicts = _verdicts("Nowhere County")
    assert verdicts["nj:nowhere"] == "fits"
    assert verdicts["nj:newark"] == "broken"
    assert verdicts["nj:no-town"] == "unknown"


def test_distance_verdicts_are_marked_derived() -> None:
    status = COLUMNS.status(Filters(location="Jersey City"))
    position = {course.id: n for n, course in enumerate(COURSES)}
    assert status.derived_of(position["nj:newark"]) == ["location"]
    assert status.derived_of(position["nj:nowhere"]) == []  # unknown, not derived
    assert status.derived_of(position["edx:online"]) == []
    named = COLUMNS.status(Filters(location="Newark"))
    assert named.derived_of(position["nj:newark"]) == []  # judged on the name


def test_the_commute_is_a_setting(commute: None) -> None:
    get_settings().commute_miles = 6
    verdicts = _verdicts("Jersey City")
    assert verdicts["nj:newark"] == "fits" and verdicts["nj:elizabeth"] == "broken"


@pytest.mark.parametrize(
    "place",
    [
        "Jersey City",
        "jersey city nj",
        "Trenton",
        "Houston, TX",
        "Westampton",
        "Columbus, Ohio",
        "Essex County",
        "Nowhere",
        "Newark",
        "  ",
    ],
)
def test_the_readable_rule_equals_the_mask(place: str) -> None:
    filters = Filters(location=place)
    expected = np.array([filters.accepts(course) for course in COURSES])
    assert np.array_equal(COLUMNS.mask(filters), expected)


def test_records_in_another_state_are_told_apart_for_looking_further_afield() -> None:
    """'Look beyond Jersey City' offers New Jersey programmes, never Texas ones."""
    flags = COLUMNS.in_another_state("Jersey City")
    elsewhere = dict(zip((c.id for c in COURSES), flags, strict=True))
    assert elsewhere["tx:houston"] and elsewhere["tx:beeville-format-unknown"]
    assert not elsewhere["nj:trenton"] and not elsewhere["nj:no-town"]
    assert not elsewhere["edx:online"]
    assert not COLUMNS.in_another_state("Nowhere at all").any()
