"""The learner profile: hard filters it implies, and how it is read back to the learner."""

from __future__ import annotations

import pytest

from advisor.profile import LearnerProfile, budget_note, search_query, summary_lines, to_filters
from index.filters import Filters
from index.schema import Mode, Pace


def test_empty_profile_constrains_nothing() -> None:
    assert to_filters(LearnerProfile()).is_empty()


@pytest.mark.parametrize(
    ("mode", "modes"),
    [
        ("online", {Mode.ONLINE}),
        ("in_person", {Mode.IN_PERSON, Mode.BLENDED}),
        ("blended", {Mode.BLENDED}),
        ("any", set()),
        (None, set()),
    ],
)
def test_mode_filter(mode: str | None, modes: set[Mode]) -> None:
    assert to_filters(LearnerProfile(mode=mode)).modes == modes


@pytest.mark.parametrize(
    ("pace", "paces"),
    [("self_paced", {Pace.SELF_PACED}), ("scheduled", {Pace.SCHEDULED}), ("any", set())],
)
def test_pace_filter(pace: str, paces: set[Pace]) -> None:
    assert to_filters(LearnerProfile(pace=pace)).paces == paces


def test_time_filters() -> None:
    only_hours = to_filters(LearnerProfile(hours_per_week=5))
    assert only_hours.max_hours_per_week == 5
    assert only_hours.max_total_hours is None
    both = to_filters(LearnerProfile(hours_per_week=5, deadline_weeks=13))
    assert both.max_total_hours == 65
    assert to_filters(LearnerProfile(deadline_weeks=13)).max_total_hours is None


def test_budget_in_dollars_or_unstated_currency_is_a_filter() -> None:
    assert to_filters(LearnerProfile(budget_max=300, budget_currency="USD")).max_cost == 300
    assert to_filters(LearnerProfile(budget_max=300)).max_cost == 300
    assert budget_note(LearnerProfile(budget_max=300)) is None


def test_budget_in_another_currency_is_not_converted() -> None:
    profile = LearnerProfile(budget_max=200, budget_currency="GBP")
    assert to_filters(profile).max_cost is None
    note = budget_note(profile)
    assert note is not None and "US dollars" in note and "£200" in note


def test_free_only_and_unlimited() -> None:
    assert to_filters(LearnerProfile(free_only=True)).free_only
    unlimited = to_filters(LearnerProfile(budget_max=300, budget_unlimited=True))
    assert unlimited.max_cost is None and not unlimited.free_only


def test_soft_preferences_are_not_filters() -> None:
    assert to_filters(LearnerProfile(credit="degree_credit", goal="nursing")).is_empty()


def test_location_and_exclusions() -> None:
    filters = to_filters(LearnerProfile(location="Newark", excluded_ids=["udemy:1", "edx:x"]))
    assert filters == Filters(location="Newark", exclude_ids=frozenset({"udemy:1", "edx:x"}))


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("mode", "In person", "in_person"),
        ("mode", "carrier pigeon", None),
        ("pace", "Self-paced", "self_paced"),
        ("credit", 42, None),
        ("hours_per_week", 0, None),
        ("hours_per_week", -3, None),
        ("hours_per_week", "5", 5.0),
        ("hours_per_week", "lots", None),
        ("hours_per_week", float("nan"), None),
        ("deadline_weeks", True, None),
        ("budget_max", 0, 0.0),
        ("goal", "   ", None),
        ("known_skills", None, []),
        ("free_only", None, False),
    ],
)
def test_odd_slot_values_never_raise(field: str, value: object, stored: object) -> None:
    profile = LearnerProfile.model_validate({field: value})
    assert getattr(profile, field) == stored


def test_search_query_prefers_the_goal() -> None:
    assert search_query(LearnerProfile(goal="data analyst", background="nurse")) == "data analyst"
    assert search_query(LearnerProfile(background="nurse")) == "nurse"
    assert search_query(LearnerProfile()) == ""
    assert len(search_query(LearnerProfile(goal="x" * 5000))) <= 500


def test_summary_lines() -> None:
    profile = LearnerProfile(
        goal="become a data analyst",
        hours_per_week=5,
        deadline_weeks=13,
        budget_max=300,
        budget_currency="USD",
        mode="online",
        pace="self_paced",
        credit="industry",
    )
    lines = summary_lines(profile)
    assert "Goal: become a data analyst" in lines
    assert "Hours per week: about 5" in lines
    assert "Budget: up to $300" in lines
    assert "Mode: online" in lines
    assert "Pace: self-paced" in lines
    assert "Finish within: 13 weeks" in lines
    assert "Background: not given" in lines
    assert not any(line.startswith("Location") for line in lines)  # irrelevant online


def test_summary_of_an_unanswered_profile() -> None:
    lines = summary_lines(LearnerProfile())
    assert all(line.endswith("not given") for line in lines)


@pytest.mark.parametrize(
    ("profile", "budget", "deadline"),
    [
        (LearnerProfile(free_only=True, no_deadline=True), "free only", "no deadline"),
        (LearnerProfile(budget_unlimited=True), "no limit", "not given"),
        (LearnerProfile(budget_max=300), "up to 300 (taken as US dollars)", "not given"),
        (LearnerProfile(budget_max=200, budget_currency="GBP"), "up to £200", "not given"),
    ],
)
def test_summary_budget_and_deadline(profile: LearnerProfile, budget: str, deadline: str) -> None:
    lines = summary_lines(profile)
    assert f"Budget: {budget}" in lines
    assert f"Finish within: {deadline}" in lines


def test_summary_shows_location_for_in_person() -> None:
    assert "Location: not given" in summary_lines(LearnerProfile(mode="in_person"))
    assert "Location: Newark" in summary_lines(LearnerProfile(location="Newark"))
