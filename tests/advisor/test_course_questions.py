"""Questions about the courses on screen, read by their wording and answered from the
listings (advisor/requests.py ``course_question``, advisor/course_answers.py).

The wordings are learners' own, and differ from the conversation personas'; the near
misses are refinements ("anything cheaper?") that must still search again.
"""

from __future__ import annotations

import pytest

from advisor.course_answers import asked_terms, course_answer
from advisor.profile import LearnerProfile
from advisor.questions import Shown
from advisor.requests import asks_about_results, course_question, follow_up_request
from index.schema import Level, Mode, Pace, Source
from tests.advisor.conftest import MakeCourse


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("are the classes on saturdays?", "schedule"),
        ("could i fit #3 around my shifts", "fit"),
        ("is the 2nd one daytime only?", "schedule"),
        ("is it taught in spanish", "language"),
        ("does #1 have subtitles?", "language"),
        ("can i follow it on my ipad?", "device"),
        ("is #2 ok for total beginners?", "level"),
        ("do i need any experience for that one?", "level"),
        ("how much math do i need before the first one", "level"),
        ("how many hours is the last one", "length"),
        ("how much is the third one", "cost"),
        ("which is the cheapest?", "cost"),
        ("is $3,000 too much for that?", "cost"),
        ("is it state approved?", "licence"),
        ("will #1 count towards my cosmetology license", "licence"),
        ("do they have clinicals?", "practice"),
        ("is there a capstone project in #2?", "practice"),
    ],
)
def test_a_question_about_the_courses_says_what_it_asks(text: str, aspect: str) -> None:
    assert course_question(text) == aspect
    request = follow_up_request(text)
    assert request is not None and request.kind == "ask_course" and request.aspect == aspect


@pytest.mark.parametrize(
    "text",
    [
        "anything cheaper?",
        "is there anything on weekends?",
        "are there any evening classes",
        "what about something in spanish",
        "do you have anything shorter?",
        "i need evenings only",
        "I work nights",
        "too expensive",
    ],
)
def test_asking_for_other_courses_is_not_a_question_about_these(text: str) -> None:
    assert course_question(text) is None
    assert not asks_about_results(text)


@pytest.mark.parametrize(
    "text",
    [
        "is there much chemistry in the first one?",
        "does it go into payroll taxes or just the basics?",
        "would #2 help with my excel formulas?",
    ],
)
def test_other_questions_pointing_at_the_results_are_recognised(text: str) -> None:
    assert asks_about_results(text)


def test_the_words_that_only_ask_are_not_what_is_asked_about() -> None:
    assert asked_terms("is there a lot of anatomy in the first one?") == ["anatomi"]
    assert asked_terms("does #1 have labs with packet tracer?") == ["lab", "packet", "tracer"]


def test_a_schedule_question_tells_self_paced_from_classes_and_never_invents_times(
    make_course: MakeCourse,
) -> None:
    shown = [
        Shown(1, make_course(title="Bookkeeping Basics", pace=Pace.SELF_PACED)),
        Shown(
            2,
            make_course(
                title="Phlebotomy Technician",
                source=Source.TWC_ETPL,
                mode=Mode.IN_PERSON,
                pace=Pace.SCHEDULED,
                location="Houston, TX",
                evening_or_weekend=True,
                url="https://example.org/phlebotomy",
            ),
        ),
    ]
    text = course_answer("schedule", shown, "is it at night?", LearnerProfile())
    first, second = text.splitlines()
    assert first.startswith("#1 Bookkeeping Basics: self-paced") and "nights" in first
    assert "evening or weekend classes" in second
    assert "class days and times are not stated by the provider" in second
    assert "https://example.org/phlebotomy" in second


def test_language_level_and_device_come_from_the_listing_or_are_said_unknown(
    make_course: MakeCourse,
) -> None:
    shown = [
        Shown(1, make_course(title="Inglés para el trabajo", language="Spanish")),
        Shown(2, make_course(title="Office English")),
    ]
    language = course_answer("language", shown, "english or spanish?", LearnerProfile())
    assert "#1 Inglés para el trabajo: taught in Spanish (as listed)" in language
    assert "#2 Office English: the language of teaching is not stated by the provider" in language
    course = make_course(
        title="Intro to Python",
        level=Level.BEGINNER,
        description="Learn Python. No prior programming experience is required.",
    )
    level = course_answer("level", [Shown(1, course)], "do i need python first?", LearnerProfile())
    assert "beginner level" in level and "No prior programming experience" in level
    device = course_answer("device", [Shown(1, course)], "on my phone?", LearnerProfile())
    assert "phone is not stated by the provider" in device


def test_captions_and_live_sessions_come_from_the_listing_or_are_said_unknown(
    make_course: MakeCourse,
) -> None:
    from index.schema import Mode, Pace

    shown = [
        Shown(
            1,
            make_course(
                title="Bookkeeping Basics",
                pace=Pace.SELF_PACED,
                mode=Mode.ONLINE,
                description="Video lessons. All videos have English subtitles.",
            ),
        ),
        Shown(2, make_course(title="Payroll Class", pace=Pace.SCHEDULED, mode=Mode.IN_PERSON)),
    ]
    text = course_answer(
        "language",
        shown,
        "i'm hard of hearing. are the videos captioned, and is there any live call stuff?",
        LearnerProfile(),
    )
    first, second = text.splitlines()
    assert "All videos have English subtitles" in first and "self-paced" in first
    assert "captions or subtitles are not stated by the provider" in second
    assert "set times" in second


def test_cost_gives_each_fee_the_cheapest_and_a_labelled_fee_per_hour(
    make_course: MakeCourse,
) -> None:
    shown = [
        Shown(
            1,
            make_course(
                title="CDA Prep", cost={"amount": 850, "currency": "USD"}, total_hours_max=120
            ),
        ),
        Shown(2, make_course(title="CDA Online", cost={"amount": 600, "currency": "USD"})),
        Shown(3, make_course(title="Child Care Basics")),
    ]
    text = course_answer("cost", shown, "which is cheapest? what do they make", LearnerProfile())
    assert text.startswith("The cheapest shown is #2.")
    assert "about $7.08 per hour of instruction (derived: fee ÷ 120 h)" in text
    assert "#3 Child Care Basics: not stated by the provider" in text
    assert "no salary" in text


def test_practice_and_other_questions_quote_the_listing_or_say_it_is_silent(
    make_course: MakeCourse,
) -> None:
    labs = make_course(
        title="CCNA Prep", description="Intro to routing. Includes 30 labs in Packet Tracer."
    )
    silent = make_course(title="Networking Basics", description="What a network is.")
    shown = [Shown(1, labs), Shown(2, silent)]
    text = course_answer("practice", shown, "any labs with packet tracer?", LearnerProfile())
    assert "“Includes 30 labs in Packet Tracer”" in text
    assert "#2 Networking Basics: its listing doesn't mention projects, labs" in text
    anatomy = make_course(
        title="EMT Basic", description="Covers anatomy and physiology. Includes CPR."
    )
    listing = course_answer(
        "listing", [Shown(1, anatomy)], "is there a lot of anatomy?", LearnerProfile()
    )
    assert listing == "#1 EMT Basic: its listing says “Covers anatomy and physiology”."


def test_a_question_with_its_subject_left_out_points_at_the_results() -> None:
    assert asks_about_results("is for beginners or advanced?")
    assert asks_about_results("are online or in a classroom?")


def test_a_fit_question_weighs_each_course_against_the_learners_week_and_deadline(
    make_course: MakeCourse,
) -> None:
    self_paced = make_course(
        title="Payroll Essentials",
        mode=Mode.ONLINE,
        pace=Pace.SELF_PACED,
        total_hours_min=20,
        total_hours_max=20,
    )
    evenings = make_course(
        title="Medical Assistant",
        source=Source.NJ_ETPL,
        mode=Mode.IN_PERSON,
        pace=Pace.SCHEDULED,
        location="Newark, NJ",
        duration_weeks_min=30,
        duration_weeks_max=30,
        hours_per_week_max=20,
        hours_per_week_derived=True,
    )
    profile = LearnerProfile(hours_per_week=5, deadline_weeks=12, mode="any")
    first, second = course_answer(
        "fit", [Shown(1, self_paced), Shown(2, evenings)], "can i keep up with 2 jobs?", profile
    ).splitlines()
    assert "self-paced" in first and "about 4 weeks at your 5 h/week" in first
    assert "derived" in first and "fits your 12-week deadline" in first
    assert "In person — Newark, NJ" in second
    assert "classes of 20 h/week (derived: total hours ÷ weeks), more than your 5 h/week" in second
    assert second.count("h/week (derived") == 1  # the load is said once
    assert "runs 30 weeks on the provider's schedule" in second
    assert "longer than your 12-week deadline" in second
    assert "class days and times are not stated by the provider" in second


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("is trenton close enough? i take the bus", "distance"),
        ("how far is #2 from cherry hill", "distance"),
        ("will the first one show me how to do payroll taxes", None),  # a topic check
        ("is there a real teacher who grades my work?", "practice"),
        ("are there quizzes so i know im getting it?", "listing"),
        ("is the udemy one free or do i pay later", "cost"),
    ],
)
def test_more_questions_about_the_courses_say_what_they_ask(text: str, aspect: str | None) -> None:
    assert course_question(text) == aspect


def test_a_distance_question_measures_from_the_town_named_or_the_learners_own(
    make_course: MakeCourse,
) -> None:
    on_site = make_course(
        title="Welding", source=Source.NJ_ETPL, mode=Mode.IN_PERSON, location="Trenton, NJ"
    )
    online = make_course(title="Blueprint Reading", mode=Mode.ONLINE)
    shown = [Shown(1, on_site), Shown(2, online)]
    near, far = course_answer(
        "distance", shown, "is camden close enough?", LearnerProfile(location="Newark")
    ).splitlines()
    assert "held in Trenton, NJ" in near and "miles from Camden (straight line)" in near
    assert far == "#2 Blueprint Reading: online, so there is no journey."
    own = course_answer("distance", shown[:1], "how far is it", LearnerProfile(location="Newark"))
    assert "miles from Newark" in own


@pytest.mark.parametrize(
    "text", ["way too pricey for me, got any free ones?", "can i talk to a real person"]
)
def test_asking_for_other_courses_or_a_person_is_not_a_question_about_these(text: str) -> None:
    assert course_question(text) is None


def test_a_course_in_the_learners_own_town_is_said_to_be_there(make_course: MakeCourse) -> None:
    local = make_course(
        title="Barbering", source=Source.NJ_ETPL, mode=Mode.IN_PERSON, location="Trenton, NJ"
    )
    answer = course_answer(
        "distance", [Shown(1, local)], "how far is it", LearnerProfile(location="Trenton")
    )
    assert answer == "#1 Barbering: held in Trenton, NJ, in Trenton itself."
