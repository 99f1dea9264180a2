"""Course cards: stated figures only, honest arithmetic, and a 'why' made of real facts."""

from __future__ import annotations

import json
import re

import pytest

from advisor.cards import (
    CourseCard,
    build_cards,
    card_payload,
    courses_payload,
    goal_phrase,
    round_up,
)
from advisor.formatting import NOT_STATED
from advisor.notes import constraint_notes
from advisor.profile import LearnerProfile
from index.schema import Course, CredentialType, Mode, Pace, ProviderType
from index.search import SearchResult
from tests.advisor.conftest import MakeCourse, build_course

DATA_SKILLS = ["Structured query language SQL", "Tableau", "R", "Python", "Microsoft Excel"]


def card_for(
    course: Course, profile: LearnerProfile | None = None, skills: list[str] | None = None
) -> CourseCard:
    result = SearchResult(course=course, score=1.0, dense=1.0, lexical=0.0)
    return build_cards([result], profile or LearnerProfile(), skills or [])[0]


# --- stated figures ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (24.0, 36.0, "24–36 h"),
        (12.0, 12.0, "about 12 h"),
        (20.5, 20.5, "about 20.5 h"),
        (None, 36.0, "up to 36 h"),
        (None, None, NOT_STATED),
    ],
)
def test_total_hours_text(
    make_course: MakeCourse, low: float | None, high: float | None, text: str
) -> None:
    course = make_course(total_hours_min=low, total_hours_max=high)
    assert card_for(course).total_hours_text == text


@pytest.mark.parametrize(
    ("cost", "text"),
    [
        ({"amount": 0, "currency": "USD", "is_free": True}, "Free"),
        (
            {"amount": 0, "currency": "USD", "is_free": True, "certificate_fee": 49},
            "Free to audit; certificate $49",
        ),
        ({"amount": 200, "currency": "USD", "is_free": False}, "$200"),
        ({"amount": 49.99, "currency": "USD", "is_free": False}, "$49.99"),
        ({"is_free": False}, f"Paid; price {NOT_STATED}"),
        ({}, NOT_STATED),
    ],
)
def test_cost_text(make_course: MakeCourse, cost: dict[str, object], text: str) -> None:
    assert card_for(make_course(cost=cost)).cost_text == text


def test_mode_and_pace_text(make_course: MakeCourse) -> None:
    in_person = card_for(
        make_course(
            mode=Mode.IN_PERSON,
            pace=Pace.SCHEDULED,
            location="Newark, Essex County, NJ",
            hours_per_week_min=20,
            hours_per_week_max=20,
        )
    )
    assert in_person.mode_text == "In person — Newark, Essex County, NJ"
    assert in_person.pace_text == "Scheduled, 20 h/week"
    unknown = card_for(make_course(mode=None, pace=None))
    assert unknown.mode_text == NOT_STATED and unknown.pace_text == NOT_STATED


def test_an_on_site_course_says_how_far_it_is_from_the_learners_place(
    make_course: MakeCourse,
) -> None:
    newark = make_course(mode=Mode.IN_PERSON, location="Newark, Essex County, NJ")
    near = card_for(newark, LearnerProfile(location="jersey city nj"))
    assert near.mode_text == (
        "In person — Newark, Essex County, NJ — about 5 miles from Jersey City (straight line)"
    )
    far = card_for(newark, LearnerProfile(location="Houston, TX"))
    assert far.mode_text.endswith("— about 1,410 miles from Houston (straight line)")
    # No distance: the learner's own town, no place, a town the gazetteer does not know.
    assert card_for(newark, LearnerProfile(location="Newark")).mode_text == (
        "In person — Newark, Essex County, NJ"
    )
    assert "miles" not in card_for(newark, LearnerProfile(location="Nowhereville")).mode_text
    assert "miles" not in card_for(newark, LearnerProfile()).mode_text
    # A township missing from the place list is measured to its county's centre, and says so.
    westampton = make_course(mode=Mode.IN_PERSON, location="Westampton, Burlington County, NJ")
    assert card_for(westampton, LearnerProfile(location="Trenton")).mode_text.endswith(
        "(straight line to the Burlington County centre)"
    )
    online = make_course(mode=Mode.ONLINE, location="Newark, Essex County, NJ")
    assert card_for(online, LearnerProfile(location="Jersey City")).mode_text == "Online"


def test_a_location_left_unknown_says_what_is_missing(make_course: MakeCourse) -> None:
    no_town = make_course(mode=Mode.IN_PERSON)
    unknown_town = make_course(mode=Mode.IN_PERSON, location="Westampton, Burlington County, NJ")
    unknown_format = make_course(mode=None, location="Trenton, Mercer County, NJ")
    assert constraint_notes(no_town, ["location"]) == ["location not stated by the provider"]
    assert constraint_notes(unknown_town, ["location"]) == [
        "distance from you not known (the town is not in the place list)"
    ]
    assert constraint_notes(unknown_format, ["location"]) == [
        "format (online or in person) not stated by the provider"
    ]
    assert constraint_notes(unknown_format, ["mode", "location"]) == [
        "format (online or in person) not stated by the provider"
    ]


def test_weekly_hours_known_only_as_a_range_are_given_not_called_unstated(
    make_course: MakeCourse,
) -> None:
    derived = make_course(
        pace=Pace.SCHEDULED, total_hours_max=900, duration_weeks_min=26, duration_weeks_max=52
    )
    assert constraint_notes(derived, ["weekly_hours"]) == [
        "about 17.3–34.6 h/week (derived from total hours and weeks), which may be more than "
        "your weekly hours"
    ]
    silent = make_course(pace=Pace.SCHEDULED)
    assert constraint_notes(silent, ["weekly_hours"]) == ["weekly hours not stated by the provider"]


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        (
            {"credential_type": CredentialType.PROFESSIONAL_CERTIFICATE, "provider": "Google"},
            "Professional Certificate from Google",
        ),
        ({"leads_to": {"licence": "NURSE AIDE"}}, "leads to licence: NURSE AIDE"),
        ({"leads_to": {"credits": 3, "degree_credit": True}}, "counts for 3 credits"),
        (
            {"credential_type": CredentialType.DEGREE, "credential_raw": "Associate's Degree"},
            "Associate's Degree from Test University",
        ),
        ({}, NOT_STATED),
    ],
)
def test_credential_text(make_course: MakeCourse, fields: dict[str, object], text: str) -> None:
    assert card_for(make_course(**fields)).credential_text == text


def test_quality_signals_come_only_from_stated_fields(make_course: MakeCourse) -> None:
    rich = make_course(
        rating=4.7,
        reviews=1900,
        enrolments=12400,
        industry_backed=True,
        provider_type=ProviderType.UNIVERSITY,
        accreditation="Middle States Commission on Higher Education",
    )
    assert card_for(rich).quality_signals == [
        "rated 4.7/5 from 1,900 reviews",
        "12,400 enrolled",
        "industry-backed",
        "university provider",
        "accredited by Middle States Commission on Higher Education",
    ]
    assert card_for(make_course()).quality_signals == []


# --- weeks and fit ----------------------------------------------------------------


def test_round_up_never_flatters() -> None:
    assert round_up(4.8) == 4.8
    assert round_up(20 / 3) == 6.7
    assert round_up(4.01) == 4.1


@pytest.mark.parametrize(
    ("low", "high", "hours", "weeks", "text"),
    [
        (24.0, 36.0, 5.0, 7.2, "4.8–7.2 weeks at your 5 h/week"),
        (20.0, 20.0, 5.0, 4.0, "about 4 weeks at your 5 h/week"),
        (20.0, 20.0, 3.0, 6.7, "about 6.7 weeks at your 3 h/week"),
        (2.0, 2.0, 5.0, 0.4, "under a week at your 5 h/week"),
    ],
)
def test_weeks_at_your_pace(
    make_course: MakeCourse, low: float, high: float, hours: float, weeks: float, text: str
) -> None:
    card = card_for(
        make_course(total_hours_min=low, total_hours_max=high),
        LearnerProfile(hours_per_week=hours),
    )
    assert card.weeks_at_pace == weeks
    assert card.weeks_text == text


def test_weeks_unknown_without_hours(make_course: MakeCourse) -> None:
    stated = card_for(make_course(total_hours_min=10, total_hours_max=10))
    assert stated.weeks_at_pace is None and stated.weeks_text == "depends on your weekly hours"
    unstated = card_for(make_course(), LearnerProfile(hours_per_week=5))
    assert unstated.weeks_at_pace is None and unstated.weeks_text == NOT_STATED


def test_provider_duration_is_reported_as_theirs(make_course: MakeCourse) -> None:
    course = make_course(pace=None, duration_weeks_min=4.333, duration_weeks_max=13)
    card = card_for(course, LearnerProfile(hours_per_week=5, deadline_weeks=10))
    assert card.weeks_text == "provider suggests 4.3–13 weeks"
    assert card.fit == "unknown"


@pytest.mark.parametrize(
    ("deadline", "fit"),
    [(8.0, "fits"), (7.2, "fits"), (6.0, "tight"), (4.8, "tight"), (4.0, "too_much")],
)
def test_fit_against_deadline(make_course: MakeCourse, deadline: float, fit: str) -> None:
    course = make_course(total_hours_min=24, total_hours_max=36)
    card = card_for(course, LearnerProfile(hours_per_week=5, deadline_weeks=deadline))
    assert card.fit == fit


@pytest.mark.parametrize(
    "profile",
    [
        LearnerProfile(hours_per_week=5),
        LearnerProfile(deadline_weeks=10),
        LearnerProfile(hours_per_week=5, deadline_weeks=10, no_deadline=False),
    ],
)
def test_fit_unknown_without_deadline_hours_or_length(
    make_course: MakeCourse, profile: LearnerProfile
) -> None:
    stated = make_course(total_hours_min=10, total_hours_max=10)
    unstated = make_course()
    expected = (
        "unknown" if profile.hours_per_week is None or profile.deadline_weeks is None else "fits"
    )
    assert card_for(stated, profile).fit == expected
    assert card_for(unstated, profile).fit == "unknown"


def test_scheduled_course_runs_on_its_own_calendar(make_course: MakeCourse) -> None:
    course = make_course(
        mode=Mode.IN_PERSON,
        pace=Pace.SCHEDULED,
        total_hours_min=600,
        total_hours_max=600,
        duration_weeks_min=26,
        duration_weeks_max=52,
    )
    card = card_for(course, LearnerProfile(hours_per_week=40, deadline_weeks=30))
    assert card.weeks_at_pace is None  # the learner's hours do not shorten a schedule
    assert card.weeks_text == "runs 26–52 weeks on the provider's schedule"
    assert card.fit == "tight"
    assert "26–52 weeks" in card.why


# --- skills -------------------------------------------------------------------------


def test_skills_you_lack(make_course: MakeCourse) -> None:
    course = make_course(
        title="Tableau for Beginners",
        skills=["SQL", "Data Visualization"],
        description="Learn to excel in your career using R and Python.",
    )
    card = card_for(course, LearnerProfile(known_skills=["python"]), DATA_SKILLS)
    # R only counts in tags or titles; 'excel in your career' is not Microsoft Excel.
    assert card.skills_you_lack == ["SQL", "Tableau"]


# --- why ----------------------------------------------------------------------------


def test_why_example_sentence(make_course: MakeCourse) -> None:
    course = make_course(
        title="SQL and Tableau for Data Analysis",
        total_hours_min=20,
        total_hours_max=20,
    )
    profile = LearnerProfile(
        goal="I want to become a data analyst",
        known_skills=["Excel"],
        hours_per_week=5,
        deadline_weeks=13,
    )
    assert card_for(course, profile, DATA_SKILLS).why == (
        "It teaches SQL and Tableau which you don't have yet, and at 5 h/week you'd finish "
        "in about 4 weeks, within your 13-week deadline."
    )


def test_why_names_the_goals_topic_only_where_the_course_does(make_course: MakeCourse) -> None:
    profile = LearnerProfile(goal="I'm a receptionist and I want free courses on payroll")
    payroll = make_course(title="Payroll Basics")
    other = make_course(title="Free Cash Flow Analysis", description="Valuation.")
    assert card_for(payroll, profile).why.startswith("Its title names payroll")
    assert "payroll" not in card_for(other, profile).why.lower()
    assert "goal" not in card_for(other, profile).why.lower()


def _figures(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)*", text))


WHY_CASES: list[tuple[Course, LearnerProfile]] = [
    (
        build_course(
            total_hours_min=24,
            total_hours_max=36,
            cost={"amount": 0, "currency": "USD", "is_free": True, "certificate_fee": 99},
        ),
        LearnerProfile(goal="learn data science", hours_per_week=5, deadline_weeks=6),
    ),
    (
        build_course(cost={"amount": 120, "currency": "USD", "is_free": False}, rating=4.5),
        LearnerProfile(goal="web development", budget_max=300, hours_per_week=4),
    ),
    (
        build_course(
            mode=Mode.IN_PERSON,
            pace=Pace.SCHEDULED,
            duration_weeks_min=8,
            duration_weeks_max=8,
            leads_to={"licence": "NURSE AIDE", "credits": 3},
        ),
        LearnerProfile(goal="become a nurse aide", deadline_weeks=4, credit="either"),
    ),
    (build_course(), LearnerProfile()),
    (build_course(total_hours_max=12), LearnerProfile(goal="x" * 400)),
]


@pytest.mark.parametrize(("course", "profile"), WHY_CASES)
def test_why_uses_only_real_figures(course: Course, profile: LearnerProfile) -> None:
    card = card_for(course, profile, DATA_SKILLS)
    allowed = _figures(
        " ".join(
            [
                card.total_hours_text,
                card.weeks_text,
                card.cost_text,
                card.credential_text,
                str(profile.hours_per_week),
                str(profile.deadline_weeks),
                str(profile.budget_max),
                card.fit_text,
                profile.goal or "",
            ]
        )
    )
    assert card.why.endswith((".", "…"))
    assert card.why.count(". ") == 0  # one sentence
    assert _figures(card.why) <= allowed | {f.removesuffix(".0") for f in allowed}, card.why


def test_a_course_is_never_said_to_match_the_goal(make_course: MakeCourse) -> None:
    why = card_for(make_course(), LearnerProfile(goal="I am a nurse")).why
    assert "matches your goal" not in why.lower()


def test_why_without_any_known_fact(make_course: MakeCourse) -> None:
    why = card_for(make_course(), LearnerProfile()).why
    assert why and not _figures(why)


def test_why_mentions_soft_credit_preference(make_course: MakeCourse) -> None:
    course = make_course(leads_to={"industry_credential": "Pharmacy Technician"})
    why = card_for(course, LearnerProfile(credit="industry")).why
    assert "Pharmacy Technician" in why
    assert "Pharmacy" not in card_for(course, LearnerProfile(credit="no")).why


@pytest.mark.parametrize(
    ("goal", "phrase"),
    [
        ("I want to become a data analyst", "becoming a data analyst"),
        ("I'd like to learn Python", "learning Python"),
        ("I'm an accountant and I want to get into data analytics", "getting into data analytics"),
        ("cybersecurity", "cybersecurity"),
    ],
)
def test_goal_phrase(goal: str, phrase: str) -> None:
    assert goal_phrase(goal) == phrase


# --- payload ------------------------------------------------------------------------


def test_payload_is_json_safe_and_complete(make_course: MakeCourse) -> None:
    course = make_course(total_hours_min=10, total_hours_max=10, rating=4.2)
    cards = build_cards(
        [SearchResult(course, 1.0, 1.0, 0.0), SearchResult(course, 0.5, 0.5, 0.0)],
        LearnerProfile(hours_per_week=5),
        [],
    )
    assert [card.position for card in cards] == [1, 2]
    payload = courses_payload(cards)
    assert payload["type"] == "courses"
    assert json.loads(json.dumps(payload)) == payload
    required = {
        "id",
        "url",
        "title",
        "provider",
        "position",
        "total_hours",
        "weeks_at_pace",
        "fit",
        "cost",
        "mode",
        "pace",
        "credential",
        "quality",
        "skills_you_lack",
        "why",
    }
    assert required <= set(card_payload(cards[0]))
    assert payload["courses"][0]["weeks_at_pace"] == 2.0
