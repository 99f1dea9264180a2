"""Hard filters: the vectorised mask equals the readable rule, and search never breaks them."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from index.catalog import load_catalog
from index.filters import FilterColumns, Filters
from index.schema import Course, CredentialType, Level, Mode, Pace, Source
from index.settings import get_settings
from index.vector_store import VectorIndex

RANDOM_DIMENSION = 16


@lru_cache(maxsize=1)
def catalog() -> tuple[list[Course], FilterColumns, VectorIndex]:
    """The real catalog with random unit vectors: filtering does not depend on meaning."""
    courses = load_catalog(get_settings().catalog_path)
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(len(courses), RANDOM_DIMENSION)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return courses, FilterColumns(courses), VectorIndex.build(vectors, kind="flat")


filters_strategy = st.builds(
    Filters,
    modes=st.frozensets(st.sampled_from(list(Mode)), max_size=2),
    paces=st.frozensets(st.sampled_from(list(Pace)), max_size=1),
    max_cost=st.none() | st.sampled_from([0.0, 20.0, 100.0, 500.0, 5000.0]),
    free_only=st.booleans(),
    max_total_hours=st.none() | st.sampled_from([1.0, 5.0, 12.0, 40.0, 300.0]),
    max_hours_per_week=st.none() | st.sampled_from([1.0, 3.0, 5.0, 10.0]),
    levels=st.frozensets(st.sampled_from(list(Level)), max_size=2),
    languages=st.frozensets(st.sampled_from(["English", "spanish", "Klingon"]), max_size=2),
    credential_types=st.frozensets(st.sampled_from(list(CredentialType)), max_size=2),
    location=st.none() | st.sampled_from(["Newark", "camden", "Atlantic", "Nowhere"]),
    sources=st.frozensets(st.sampled_from(list(Source)), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(filters=filters_strategy)
def test_mask_equals_the_readable_rule(filters: Filters) -> None:
    courses, columns, _ = catalog()
    expected = np.array([filters.accepts(c) for c in courses])
    assert np.array_equal(columns.mask(filters), expected)


@settings(max_examples=200, deadline=None)
@given(filters=filters_strategy, k=st.integers(1, 30), seed=st.integers(0, 10_000))
def test_search_returns_k_hits_that_all_pass(filters: Filters, k: int, seed: int) -> None:
    courses, columns, index = catalog()
    rng = np.random.default_rng(seed)
    query = rng.normal(size=(1, RANDOM_DIMENSION)).astype(np.float32)
    query /= np.linalg.norm(query)
    allowed = columns.mask(filters)
    hits = index.search(query, k, allowed)
    assert len(hits) == min(k, int(allowed.sum()))
    assert all(filters.accepts(courses[h.position]) for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_unknown_values_fail_a_constraint() -> None:
    courses, _, _ = catalog()
    coursera = next(c for c in courses if c.source is Source.COURSERA)
    assert coursera.cost.amount is None
    assert not Filters(max_cost=10_000).accepts(coursera)
    assert Filters().accepts(coursera)


def test_self_paced_fits_any_weekly_budget_but_a_schedule_must_fit() -> None:
    courses, _, _ = catalog()
    scheduled = next(c for c in courses if c.title == "The Analytics Edge")
    assert scheduled.pace is Pace.SCHEDULED
    assert not Filters(max_hours_per_week=5).accepts(scheduled)
    assert Filters(max_hours_per_week=15).accepts(scheduled)
    self_paced = next(
        c for c in courses if c.pace is Pace.SELF_PACED and (c.hours_per_week_max or 0) > 5
    )
    assert Filters(max_hours_per_week=1).accepts(self_paced)


def test_location_applies_to_site_courses_only() -> None:
    courses, _, _ = catalog()
    in_person = next(
        c for c in courses if c.mode is Mode.IN_PERSON and c.location and "Newark" in c.location
    )
    online = next(c for c in courses if c.mode is Mode.ONLINE)
    assert Filters(location="newark").accepts(in_person)
    assert not Filters(location="Camden").accepts(in_person)
    assert Filters(location="Camden").accepts(online)


def test_excluded_ids_never_return() -> None:
    courses, columns, _ = catalog()
    first = courses[0].id
    mask = columns.mask(Filters(exclude_ids=frozenset({first})))
    assert not mask[0] and mask.sum() == len(courses) - 1


def test_a_record_without_a_town_is_in_its_catalogs_state() -> None:
    from tests.advisor.conftest import build_course

    def nj(number: int, location: str | None) -> Course:
        return build_course(
            id=f"nj:{number}", source=Source.NJ_ETPL, mode=Mode.IN_PERSON, location=location
        )

    located = [nj(n, f"Town{n}, Some County, NJ") for n in range(19)]
    out_of_state = nj(19, "Albany, Out of State County, NY")
    houston = build_course(
        id="tx:1", source=Source.EDX, mode=Mode.IN_PERSON, location="Houston, Harris County, TX"
    )
    no_town = nj(20, None)
    courses = [*located, out_of_state, houston, no_town]
    columns = FilterColumns(courses)
    status = columns.status(Filters(location="Houston"))  # the catalog places Houston in TX
    assert status.broken["location"][courses.index(no_town)]
    assert not status.broken["location"][courses.index(houston)]
    newark = columns.status(Filters(location="Newark"))  # a town the catalog does not know
    assert newark.unknown["location"][courses.index(no_town)]
    assert columns.status(Filters(location="Trenton, NJ")).unknown["location"][-1]
