"""Follow-ups read by their wording, answered by the action with real Trackers and catalog."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import slots
from actions.follow_up_requests import ActionFollowUpRequest
from actions.slots import fresh_follow_up
from actions.understand import read_answers
from tests.utils.trackers import DOMAIN, slot_events, tracker

PROFILE: dict[str, Any] = {
    slots.GOAL: "welding",
    slots.HOURS: 25.0,
    slots.DEADLINE: "none",
    slots.BUDGET: slots.budget_slot(6000.0, "USD", False, False),
    slots.MODE: "in_person",
    slots.PACE: "any",
    slots.CREDIT: "any",
    slots.LOCATION: "Houston",
}


def _asked(text: str, request: dict[str, Any], **values: Any) -> Any:
    events: list[dict[str, Any]] = [
        {"event": "user", "text": text},
        {"event": "slot", "name": slots.FOLLOW_UP, "value": request},
    ]
    return tracker(text, intent="out_of_scope", slot_values={**PROFILE, **values}, events=events)


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def test_a_follow_up_is_read_after_the_results_whatever_the_intent() -> None:
    done = tracker(
        "is there anything the state pays for?", intent="out_of_scope", slot_values=PROFILE
    )
    assert read_answers(done) == {
        slots.FOLLOW_UP: {
            "kind": "ask_funding",
            "topic": None,
            "more_topics": (),
            "place": None,
            "aspect": None,
        }
    }
    during = tracker(
        "is there anything the state pays for?",
        intent="out_of_scope",
        active_loop="interview_form",
        requested_slot=slots.BUDGET,
        slot_values={slots.GOAL: "welding"},
    )
    assert slots.FOLLOW_UP not in read_answers(during)


def test_only_a_request_read_this_turn_counts() -> None:
    stale = tracker(
        "thanks",
        events=[
            {"event": "slot", "name": slots.FOLLOW_UP, "value": {"kind": "ask_funding"}},
            {"event": "user", "text": "thanks"},
        ],
    )
    assert fresh_follow_up(stale) is None


@pytest.mark.slow
async def test_closer_to_the_same_town_gives_each_distance() -> None:
    from actions.runtime import course_search

    on_site = [c.id for c in course_search().courses if c.location and "Houston" in c.location][:2]
    asked = _asked(
        "anything closer to Houston?",
        {"kind": "ask_nearer", "place": "Houston"},
        **{slots.SHOWN_IDS: on_site},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionFollowUpRequest().run(dispatcher, asked, DOMAIN)
    assert events == []
    text = _texts(dispatcher)
    assert "within 30 miles of Houston" in text
    assert "#1 " in text and "#2 " in text


@pytest.mark.slow
async def test_closer_to_another_town_searches_there() -> None:
    asked = _asked("any closer to Dallas", {"kind": "ask_nearer", "place": "Dallas"})
    dispatcher = CollectingDispatcher()
    events = await ActionFollowUpRequest().run(dispatcher, asked, DOMAIN)
    assert slot_events(events)[slots.LOCATION] == "Dallas"
    assert "searching near Dallas" in _texts(dispatcher)


@pytest.mark.slow
async def test_a_topic_none_of_the_courses_is_about_turns_to_what_the_catalog_has() -> None:
    from actions.runtime import course_search

    welding = [c.id for c in course_search().courses if "weld" in c.title.lower()][:2]
    asked = _asked(
        "are any of these actually about pipefitting?",
        {"kind": "ask_topic", "topic": "pipefitting"},
        **{slots.SHOWN_IDS: welding},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionFollowUpRequest().run(dispatcher, asked, DOMAIN)
    text = _texts(dispatcher)
    assert "0 courses of the 2 shown are about “pipefitting”" in text
    assert slot_events(events)[slots.GOAL] == "pipefitting"


@pytest.mark.slow
async def test_two_topics_in_one_question_are_each_answered_without_a_new_search() -> None:
    from actions.runtime import course_search

    courses = course_search().courses
    excel = next(c.id for c in courses if "excel" in c.title.lower())
    sql = next(c.id for c in courses if "sql" in c.title.lower() and "excel" not in c.title.lower())
    asked = _asked(
        "which one does the excel stuff and which one does sql? figuring out if i need both",
        {"kind": "ask_topic", "topic": "excel", "more_topics": ["sql"]},
        **{slots.SHOWN_IDS: [excel, sql]},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionFollowUpRequest().run(dispatcher, asked, DOMAIN)
    text = _texts(dispatcher)
    assert "are about “excel”" in text or "is about “excel”" in text
    assert "about “sql”" in text
    assert events == []


@pytest.mark.slow
async def test_a_part_of_the_goal_no_listing_names_keeps_the_courses_shown() -> None:
    from actions.runtime import course_search

    grants = [c.id for c in course_search().courses if "grant writing" in c.title.lower()][:2]
    asked = _asked(
        "will it show me how to do the budget section, thats the part i dread",
        {"kind": "ask_topic", "topic": "budget section"},
        **{slots.GOAL: "grant writing", slots.SHOWN_IDS: grants},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionFollowUpRequest().run(dispatcher, asked, DOMAIN)
    text = _texts(dispatcher)
    assert "0 courses of the 2 shown are about “budget section”" in text
    assert "No course in the catalog names “budget section”" in text
    assert events == [] and not [m for m in dispatcher.messages if m.get("custom")]


@pytest.mark.slow
async def test_a_topic_the_catalog_lacks_is_said_plainly() -> None:
    asked = _asked(
        "do you actually have anything for tattooing?",
        {"kind": "ask_coverage", "topic": "tattooing"},
        **{slots.MODE: "online", slots.LOCATION: None},
    )
    dispatcher = CollectingDispatcher()
    await ActionFollowUpRequest().run(dispatcher, asked, DOMAIN)
    text = _texts(dispatcher)
    assert "course" in text.lower()
    assert "Yes: the catalog has" in text or "couldn't find any course" in text


@pytest.mark.parametrize("intent", ["state_goal", "out_of_scope"])
def test_a_comment_on_the_results_refines_rather_than_restarting(intent: str) -> None:
    comment = tracker(
        "I code in python daily, this is way too basic. I need deep learning",
        intent=intent,
        slot_values={**PROFILE, slots.SHOWN_IDS: ["a", "b", "c"]},
    )
    assert read_answers(comment) == {slots.FOLLOW_UP: {"kind": "refine"}}


@pytest.mark.slow
async def test_what_is_still_missing_is_answered_from_onet() -> None:
    from actions.goal import understand_goal
    from actions.questions import ActionAnswerQuestion

    goal_events, _ = understand_goal("dental assistant")
    values = {e["name"]: e["value"] for e in goal_events}
    asked = _asked("what else would i have to learn?", {"kind": "ask_skills"}, **values)
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, asked, DOMAIN)
    assert "O*NET" in _texts(dispatcher)


def test_a_question_about_the_shown_courses_is_answered_not_taken_for_a_new_goal() -> None:
    """The classifier took these for goals or was unsure; they ask about the results."""
    shown = {slots.SHOWN_IDS: ["a", "b"]}
    when = tracker(
        "would the 2nd one be on weekends or weekdays?",
        intent="state_goal",
        slot_values={**PROFILE, **shown},
    )
    assert read_answers(when)[slots.FOLLOW_UP]["aspect"] == "schedule"
    other = tracker(
        "is there much chemistry in the first one?",
        intent="nlu_fallback",
        slot_values={**PROFILE, **shown},
    )
    assert read_answers(other) == {slots.FOLLOW_UP: {"kind": "ask_course", "aspect": "listing"}}


@pytest.mark.slow
async def test_a_schedule_question_is_answered_for_the_course_it_names() -> None:
    from actions.runtime import course_search

    on_site = [
        c.id
        for c in course_search().courses
        if c.location and "Houston" in c.location and c.pace is not None
    ][:2]
    asked = _asked(
        "is the second one at night? i work days",
        {"kind": "ask_course", "aspect": "schedule"},
        **{slots.SHOWN_IDS: on_site},
    )
    dispatcher = CollectingDispatcher()
    assert await ActionFollowUpRequest().run(dispatcher, asked, DOMAIN) == []
    text = _texts(dispatcher)
    assert text.startswith("#2 ") and "#1 " not in text
    assert "class days and times are not stated by the provider" in text


@pytest.mark.slow
async def test_a_new_goal_after_an_empty_page_is_taken_not_answered_as_a_question() -> None:
    """'I couldn't find any course on … Would you like to change your goal?' — 'how to be
    a supervisor without it being weird' had been answered 'I haven't shown you any
    courses yet'; a question about courses still gets that answer."""
    from actions.questions import NOTHING_SHOWN, ActionAnswerQuestion

    goal = {slots.GOAL: "got promoted at work and kinda freaking out"}
    asked = tracker(
        "how to be a supervisor without it being weird",
        intent="ask_duration",
        slot_values={**PROFILE, **goal, slots.MODE: "online", slots.LOCATION: None},
    )
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerQuestion().run(dispatcher, asked, DOMAIN)
    assert "your goal is now “supervisor”" in _texts(dispatcher)
    goals = [e.get("value") for e in events if e.get("name") == slots.GOAL]
    assert goals and "supervisor" in str(goals[-1])
    about_courses = tracker(
        "can i finish #1 in 4 weeks at 3 hrs a week?",
        intent="ask_duration",
        slot_values={**PROFILE, **goal},
    )
    dispatcher = CollectingDispatcher()
    await ActionAnswerQuestion().run(dispatcher, about_courses, DOMAIN)
    assert _texts(dispatcher) == NOTHING_SHOWN


def test_with_no_course_shown_a_goal_is_not_read_as_a_question_about_courses() -> None:
    """The classifier saw a goal; with an empty page there is nothing to ask about."""
    empty = tracker(
        "how to be a supervisor without it being weird",
        intent="state_goal",
        slot_values={**PROFILE, slots.SHOWN_IDS: []},
    )
    assert slots.FOLLOW_UP not in read_answers(empty)
