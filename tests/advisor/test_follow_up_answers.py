"""Answers to follow-ups about the courses on screen, from their listings and sources."""

from __future__ import annotations

from advisor.follow_up_answers import distance_answer, funding_answer, topic_answer
from advisor.questions import Shown
from index.schema import Mode, Pace, Source
from tests.advisor.conftest import MakeCourse


def test_a_topic_is_found_in_the_title_or_the_listing_or_said_to_be_absent(
    make_course: MakeCourse,
) -> None:
    shown = [
        Shown(1, make_course(title="Funeral Service Education")),
        Shown(2, make_course(title="Grief Support", description="Care in funeral services.")),
        Shown(3, make_course(title="Bereavement Counselling", description="Talking therapy.")),
    ]
    text, about = topic_answer(shown, "funeral service")
    assert about == 2
    assert "#1 Funeral Service Education: yes, its title names it" in text
    assert "#2 Grief Support: yes, its listed skills and description cover it" in text
    assert "#3 Bereavement Counselling: no" in text
    assert text.startswith("Going by each listing, 2 courses of the 3 shown are about")


def test_funding_names_the_state_lists_and_never_an_amount(make_course: MakeCourse) -> None:
    shown = [
        Shown(1, make_course(title="HVAC Technician", source=Source.NJ_ETPL, mode=Mode.IN_PERSON)),
        Shown(2, make_course(title="Refrigerant Basics", cost={"is_free": True})),
    ]
    text = funding_answer(shown)
    assert "#1 HVAC Technician (New Jersey's Eligible Training Provider List)" in text
    assert "Free as listed by the provider: #2 Refrigerant Basics" in text
    assert "WIOA" in text and "$" not in text
    assert "can't say" in text


def test_funding_says_when_no_course_shown_is_on_a_state_list(make_course: MakeCourse) -> None:
    text = funding_answer([Shown(1, make_course(title="Payroll 101"))])
    assert "None of the courses shown is on a state list" in text


def test_distances_are_straight_line_from_the_learners_town(make_course: MakeCourse) -> None:
    shown = [
        Shown(
            1,
            make_course(
                title="Welding",
                mode=Mode.IN_PERSON,
                pace=Pace.SCHEDULED,
                location="Pasadena, Harris County, TX",
            ),
        ),
        Shown(2, make_course(title="Blueprint Reading")),
    ]
    text = distance_answer(shown, "Houston", 30)
    assert "within 30 miles of Houston" in text
    assert "#1 Welding: Pasadena, Harris County, TX, about" in text
    assert "miles from Houston (straight line)" in text
    assert "#2 Blueprint Reading: online, no travel." in text
    assert "Tell me your town" in distance_answer(shown, None, 30)
