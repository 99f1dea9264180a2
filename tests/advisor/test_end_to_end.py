"""Profile -> filters -> real hybrid search -> cards, on the real catalog and index."""

from __future__ import annotations

import pytest

from advisor.cards import build_cards
from advisor.formatting import NOT_STATED
from advisor.profile import LearnerProfile, search_query, to_filters
from advisor.relax import binding_constraints, relax
from index.loader import get_search
from index.schema import Pace
from index.search import CourseSearch

pytestmark = pytest.mark.slow

SHOWN = 10
NEEDED = 3
DEADLINE_WEEKS = 12


@pytest.fixture(scope="module")
def search() -> CourseSearch:
    return get_search()


def test_data_analyst_on_a_free_online_budget(search: CourseSearch) -> None:
    profile = LearnerProfile(
        goal="I want to become a data analyst",
        hours_per_week=5,
        deadline_weeks=DEADLINE_WEEKS,
        free_only=True,
        mode="online",
    )
    filters = to_filters(profile)
    query = search_query(profile)
    results = search.search(query, k=SHOWN, filters=filters)
    assert len(results) >= NEEDED
    cards = build_cards(results, profile, search.explain(query).expansion_terms)
    assert [card.position for card in cards] == list(range(1, len(cards) + 1))
    for result, card in zip(results, cards, strict=True):
        assert filters.accepts(result.course)
        assert card.id == result.course.id
        assert card.cost_text.startswith("Free")
        assert card.mode_text.startswith("Online")
        assert card.total_hours_text != NOT_STATED  # the 12-week cap needs stated hours
        if result.course.pace is not Pace.SCHEDULED:
            assert card.fit == "fits"
            assert card.weeks_at_pace is not None and card.weeks_at_pace <= DEADLINE_WEEKS
        assert "matches your goal" not in card.why.lower()
        assert card.why.endswith(".")


def test_in_person_profile_stays_in_person(search: CourseSearch) -> None:
    profile = LearnerProfile(goal="medical assistant", mode="in_person", location="NJ")
    filters = to_filters(profile)
    results = search.search(search_query(profile), k=SHOWN, filters=filters)
    assert results
    for card in build_cards(results, profile, []):
        assert not card.mode_text.startswith("Online")


def test_an_impossible_profile_gets_an_exact_way_out(search: CourseSearch) -> None:
    profile = LearnerProfile(
        goal="I want to become a registered nurse",
        hours_per_week=1,
        deadline_weeks=1,
        free_only=True,
        mode="in_person",
        pace="scheduled",
    )
    filters = to_filters(profile)
    assert search.count(filters) < NEEDED
    options = binding_constraints(search.count, profile, NEEDED)
    assert options
    assert [option.unlocks for option in options] == sorted(
        (option.unlocks for option in options), reverse=True
    )
    best = options[0]
    relaxed = to_filters(relax(profile, best.field))
    assert search.count(relaxed) == best.unlocks
