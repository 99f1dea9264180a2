"""Goal -> occupation with the real O*NET subset and the real embedding model."""

from __future__ import annotations

import pytest

from index.loader import get_search
from index.occupations.matcher import OccupationMatcher, split_current_role

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def matcher() -> OccupationMatcher:
    search = get_search()
    assert search.matcher is not None
    return search.matcher


def test_current_role_is_cut_from_the_goal() -> None:
    goal, role = split_current_role("hi, I'm an accountant and I want to get into data analytics")
    assert role == "accountant"
    assert "accountant" not in goal and "data analytics" in goal
    assert split_current_role("I am a nurse") == ("I am a nurse", None)


@pytest.mark.parametrize(
    ("goal", "expected_title_words"),
    [
        (
            "I want to become a data analyst",
            ("data", "analyst", "business intelligence", "scientist"),
        ),
        (
            "I want to move into UX design",
            ("user experience", "web and digital interface", "designer"),
        ),
        ("I want to move from retail into an IT support job", ("support",)),
        (
            "I'm an accountant and I want to get into data analytics",
            ("data", "intelligence", "analyst"),
        ),
    ],
)
def test_goal_matches_an_occupation(
    matcher: OccupationMatcher, goal: str, expected_title_words: tuple[str, ...]
) -> None:
    matches = matcher.match(goal)
    assert matches, goal
    best = matches[0].occupation.title.lower()
    assert any(word in best for word in expected_title_words), (goal, best)
    assert "accountant" not in best


def test_skills_mark_demand(matcher: OccupationMatcher) -> None:
    best = matcher.match("I want to become a data analyst")[0].occupation
    skills = matcher.key_skills(best, 8)
    assert skills
    assert skills[0].in_demand or skills[0].hot
    assert "Structured query language SQL" in [s.name for s in skills]


def test_topic_goals_need_no_occupation(matcher: OccupationMatcher) -> None:
    assert matcher.match("") == []
    assert matcher.match("?!") == []


def test_one_word_of_a_longer_goal_is_not_a_title_match(matcher: OccupationMatcher) -> None:
    """'engineer' in 'ML engineer' is not the rail-yard Engineer's title."""
    for match in matcher.match("What should I study to switch to ML engineer?"):
        assert match.matched_title != "engineer"
    best = matcher.match("Start on the path to being a licensed electrician")[0]
    assert best.occupation.title == "Electricians"
