"""Which single constraint to loosen: one definition (the profile), counted exactly."""

from __future__ import annotations

import pytest

from advisor.profile import LearnerProfile, to_filters
from advisor.relax import RELAXABLE_FIELDS, binding_constraints, relax
from index.filters import FilterColumns, Filters
from index.schema import Course, Mode, Pace
from tests.advisor.conftest import build_course


def _course(number: int, **fields: object) -> Course:
    return build_course(id=f"test:{number}", **fields)


FREE = {"amount": 0, "currency": "USD", "is_free": True}
PAID = {"amount": 200, "currency": "USD", "is_free": False}

CATALOG = [
    # The only course passing the strict profile below.
    _course(1, cost=FREE, total_hours_max=10),
    # Blocked by cost alone.
    _course(2, cost=PAID, total_hours_max=10),
    _course(3, cost=PAID, total_hours_max=10),
    _course(4, cost=PAID, total_hours_max=10),
    # Blocked by total hours (the deadline) alone.
    _course(5, cost=FREE, total_hours_max=100),
    _course(6, cost=FREE, total_hours_max=100),
    # Blocked by mode alone (in person, in Newark).
    _course(7, cost=FREE, total_hours_max=10, mode=Mode.IN_PERSON, location="Newark, NJ"),
    # Blocked by weekly hours alone: scheduled at 20 h/week (and by pace).
    _course(8, cost=FREE, total_hours_max=10, pace=Pace.SCHEDULED, hours_per_week_max=20),
    # Blocked by two constraints: dropping either alone does not free it.
    _course(9, cost=PAID, total_hours_max=100),
    _course(10, cost=PAID, total_hours_max=10, mode=Mode.IN_PERSON, location="Trenton, NJ"),
]
COLUMNS = FilterColumns(CATALOG)
STRICT = LearnerProfile(
    hours_per_week=5, deadline_weeks=4, free_only=True, mode="online", pace="self_paced"
)


def count(filters: Filters) -> int:
    return int(COLUMNS.mask(filters).sum())


def test_the_mask_matches_the_fixture() -> None:
    assert int(COLUMNS.mask(to_filters(STRICT)).sum()) == 1


def test_binding_constraints_are_counted_and_sorted() -> None:
    found = binding_constraints(count, STRICT, needed=3)
    assert [(r.field, r.unlocks, r.enough) for r in found] == [
        ("budget", 4, True),
        ("hours", 3, True),  # ties keep RELAXABLE_FIELDS order
        ("deadline", 3, True),
        ("mode", 2, False),
    ]
    labels = {r.field: r.label for r in found}
    assert labels == {
        "budget": "Include paid courses",
        "deadline": "Extend my deadline",
        "hours": "Allow more hours",
        "mode": "Include in-person courses",
    }


def test_pace_counts_once_weekly_hours_are_gone() -> None:
    profile = STRICT.model_copy(update={"hours_per_week": None})
    fields = [r.field for r in binding_constraints(count, profile, needed=3)]
    assert "pace" in fields


def test_labels_follow_the_constraint() -> None:
    in_person = LearnerProfile(budget_max=50, mode="in_person", location="NJ")
    found = {r.field: r.label for r in binding_constraints(count, in_person, needed=3)}
    assert found == {"budget": "Raise my budget", "mode": "Include online courses"}
    near = LearnerProfile(mode="in_person", location="Trenton")
    found = {r.field: r.label for r in binding_constraints(count, near, needed=3)}
    assert found == {"mode": "Include online courses", "location": "Look beyond Trenton"}


def test_nothing_to_relax() -> None:
    assert binding_constraints(count, LearnerProfile(), needed=3) == []


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("budget", {"budget_max": None, "free_only": False, "budget_unlimited": True}),
        ("hours", {"hours_per_week": None}),
        ("deadline", {"deadline_weeks": None, "no_deadline": True, "max_total_hours": None}),
        # STRICT is online and self-paced: its format is loosened with its pace.
        ("mode", {"mode": "any", "pace": "any"}),
        ("pace", {"pace": "any"}),
        ("location", {"location": None}),
    ],
)
def test_relax_changes_exactly_one_constraint(field: str, changes: dict[str, object]) -> None:
    profile = STRICT.model_copy(update={"budget_max": 100, "location": "Newark"})
    relaxed = relax(profile, field)
    before, after = profile.model_dump(), relaxed.model_dump()
    assert {key for key in before if before[key] != after[key]} <= set(changes)
    for key, value in changes.items():
        assert after[key] == value


@pytest.mark.parametrize(("mode", "pace"), [("online", "scheduled"), ("in_person", "self_paced")])
def test_loosening_the_format_keeps_a_pace_in_person_classes_can_meet(mode: str, pace: str) -> None:
    profile = LearnerProfile(mode=mode, pace=pace)
    assert relax(profile, "mode") == profile.model_copy(update={"mode": "any"})


def test_an_online_self_paced_learner_offered_classes_is_offered_timetabled_ones() -> None:
    relaxed = to_filters(relax(LearnerProfile(mode="online", pace="self_paced"), "mode"))
    classroom = build_course(id="x:class", mode=Mode.IN_PERSON, pace=Pace.SCHEDULED)
    assert FilterColumns([classroom]).mask(relaxed).all()


def test_relaxing_the_binding_constraint_lets_courses_through() -> None:
    for relaxation in binding_constraints(count, STRICT, needed=3):
        relaxed = to_filters(relax(STRICT, relaxation.field))
        assert int(COLUMNS.mask(relaxed).sum()) == relaxation.unlocks


def test_relax_unknown_field_changes_nothing() -> None:
    assert relax(STRICT, "colour") == STRICT
    assert set(RELAXABLE_FIELDS) == {"budget", "hours", "deadline", "mode", "pace", "location"}
