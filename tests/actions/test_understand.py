"""Every message is offered to the interview first (real Trackers, the real catalog)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import slots
from actions.slots import said
from actions.understand import ActionReadAnswers, read_answers
from tests.utils.trackers import DOMAIN, slot_events, tracker

FORM = "interview_form"


def words(found: dict[str, Any]) -> dict[str, str | None]:
    return {slot: said(value) for slot, value in found.items()}


def test_the_opening_nurse_message_fills_five_answers() -> None:
    message = (
        "Hi! I'm a registered nurse, I can do about 3 hours a week, budget around 200 "
        "dollars, online only, and I want to move into healthcare management"
    )
    found = words(read_answers(tracker(message, intent="greet")))
    assert set(found) == {"goal", "background", "hours_per_week", "budget", "mode"}
    assert found["goal"] == "I want to move into healthcare management"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I know photoshop and illustrator", "out_of_scope"),
        ("none really, I'm starting from scratch", "restart"),
        ("I run the front desk at a dental office", "nlu_fallback"),
    ],
)
def test_a_background_answer_is_never_refused(text: str, intent: str) -> None:
    open_question = tracker(
        text,
        intent=intent,
        active_loop=FORM,
        requested_slot="background",
        slot_values={"goal": "UX design"},
    )
    assert words(read_answers(open_question))["background"] == text


@pytest.mark.parametrize(
    ("slot", "text", "intent"),
    [
        ("hours_per_week", "5", "out_of_scope"),
        ("budget", "free", "nlu_fallback"),
        ("deadline_weeks", "whenever", "deny"),
        ("mode", "online", "only_online"),
        ("credit", "nah", "deny"),
    ],
)
def test_a_terse_answer_answers_the_open_question(slot: str, text: str, intent: str) -> None:
    open_question = tracker(
        text,
        intent=intent,
        active_loop=FORM,
        requested_slot=slot,
        slot_values={"goal": "data analysis"},
    )
    assert words(read_answers(open_question)) == {slot: text}


@pytest.mark.parametrize(
    ("slot", "text", "intent"),
    [
        ("hours_per_week", "why do you need that?", "ask_why"),
        ("background", "skip", "skip"),
        ("budget", "can I talk to a person", "human_handoff"),
        ("goal", "forget me", "forget_me"),
    ],
)
def test_a_request_of_its_own_is_not_taken_as_an_answer(slot: str, text: str, intent: str) -> None:
    open_question = tracker(text, intent=intent, active_loop=FORM, requested_slot=slot)
    assert read_answers(open_question) == {}


def test_other_answers_in_an_answer_are_kept_for_later_questions() -> None:
    open_question = tracker(
        "about 4 hours a week, and it has to be free",
        active_loop=FORM,
        requested_slot="hours_per_week",
        slot_values={"goal": "SQL"},
    )
    found = words(read_answers(open_question))
    assert found["hours_per_week"] == "about 4 hours a week, and it has to be free"
    assert found["budget"] == "it has to be free"


def test_a_goal_without_a_word_of_learning_is_taken_when_the_catalog_teaches_it() -> None:
    assert words(read_answers(tracker("photography", intent="nlu_fallback"))) == {
        "goal": "photography"
    }
    assert read_answers(tracker("what's the weather like in Paris", intent="out_of_scope")) == {}


def test_after_the_interview_answers_are_left_to_change_and_refine() -> None:
    done = tracker("about 4 hours a week", slot_values={"goal": "SQL", "hours_per_week": 2.0})
    assert read_answers(done) == {}


def test_button_payloads_and_noise_state_nothing() -> None:
    assert (
        read_answers(tracker("/skip", intent="skip", active_loop=FORM, requested_slot="budget"))
        == {}
    )
    assert read_answers(tracker("🙂🙂", active_loop=FORM, requested_slot="goal")) == {}


async def test_the_action_returns_slot_events() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionReadAnswers().run(
        dispatcher,
        tracker("free", active_loop=FORM, requested_slot=slots.BUDGET, slot_values={"goal": "x"}),
        DOMAIN,
    )
    assert slot_events(events) == {"budget": {"said": "free"}}
    assert dispatcher.messages == []


def test_a_reminder_firing_is_not_an_answer() -> None:
    fired = tracker(
        "EXTERNAL: EXTERNAL_reminder",
        intent="EXTERNAL_reminder",
        active_loop=FORM,
        requested_slot=slots.BACKGROUND,
        slot_values={"goal": "x"},
    )
    assert read_answers(fired) == {}


def test_asking_to_see_the_courses_after_the_interview_shows_them() -> None:
    asked = tracker(
        "ok so can u show me the courses now", intent="nlu_fallback", slot_values={"goal": "SQL"}
    )
    assert read_answers(asked) == {slots.FOLLOW_UP: {"kind": "more_results"}}


def test_after_the_interview_an_unsure_message_stating_a_constraint_is_a_change() -> None:
    done = tracker(
        "actually my budget is 0, it has to be free",
        intent="nlu_fallback",
        slot_values={"goal": "SQL", "budget": {"max_amount": 300.0}},
    )
    assert read_answers(done) == {slots.STATED_CHANGES: ["budget"]}
    chit_chat = tracker("lovely weather", intent="nlu_fallback", slot_values={"goal": "SQL"})
    assert read_answers(chit_chat) == {}


def test_an_answer_to_the_greeting_is_a_goal_in_any_words() -> None:
    greeted = [
        {
            "event": "bot",
            "text": "What would you like?",
            "metadata": {"utter_action": "utter_greet"},
        }
    ]
    answer = tracker(
        "hubspot for my bakery's customer list and emails", intent="out_of_scope", events=greeted
    )
    assert words(read_answers(answer)) == {
        "goal": "hubspot for my bakery's customer list and emails"
    }
    request = tracker("talk to a human", intent="human_handoff", events=greeted)
    assert read_answers(request) == {}


def test_after_the_results_an_unsure_message_stating_a_goal_starts_again_from_it() -> None:
    done = tracker(
        "How do I get a Texas locksmith licence?",
        intent="out_of_scope",
        slot_values={"goal": "locksmith", "budget": {"max_amount": 300.0}},
    )
    assert words(read_answers(done)) == {"goal": "How do I get a Texas locksmith licence"}


def test_a_request_before_any_goal_is_not_read_as_a_goal() -> None:
    assert (
        read_answers(tracker("I'd like to talk to a human advisor", intent="human_handoff")) == {}
    )
    asked = tracker("what skills do I need to become a nurse?", intent="ask_skills")
    assert words(read_answers(asked)) == {"goal": "what skills do I need to become a nurse"}


def _after_results(text: str, intent: str, confidence: float = 1.0) -> dict[str, Any]:
    done = tracker(
        text,
        intent=intent,
        slot_values={"goal": "data analysis", "budget": {"max_amount": 500.0}},
    )
    done.latest_message["intent"]["confidence"] = confidence
    return read_answers(done)


@pytest.mark.parametrize(
    ("text", "confidence"),
    [
        ("any idea where to get good tacos near me?", 1.0),  # "near me" is not a mode
        ("who won the match last night", 1.0),  # a night, not a class time
        ("could you write my cover letter for the analyst job", 0.7),  # a task
        ("how do i change my udemy password", 0.8),  # an account matter
        ("can you help me fill out my FAFSA", 0.74),  # paperwork, not a goal or a question
    ],
)
def test_after_the_results_off_topic_messages_change_nothing(text: str, confidence: float) -> None:
    assert _after_results(text, "out_of_scope", confidence) == {}


def test_after_the_results_dropping_the_goal_is_not_erasing_the_learner() -> None:
    found = _after_results("nah forget analytics, i'd rather do nursing", "forget_me", 0.9)
    assert words(found) == {"goal": "i'd rather do nursing"}
    assert _after_results("please forget everything about me", "forget_me") == {}
    assert _after_results("ugh forget it", "forget_me") == {slots.FOLLOW_UP: {"kind": "refine"}}


@pytest.mark.parametrize(
    "text",
    [
        "do i need to be online at set times or can i go at my own speed",
        "would it be a problem if i travel for work most weeks",
        "cuantas horas por semana pide el primero?",
    ],
)
def test_after_the_results_fit_questions_are_answered_whatever_the_classifier_said(
    text: str,
) -> None:
    found = _after_results(text, "out_of_scope", 0.95)
    assert found[slots.FOLLOW_UP]["kind"] == "ask_course", found


def test_after_the_results_a_course_asked_for_without_a_subject_changes_a_limit() -> None:
    found = _after_results("i need something i can finish in like 6 weeks", "state_goal")
    assert found == {slots.STATED_CHANGES: ["deadline_weeks"]}
    named = _after_results("i want something in cybersecurity", "state_goal")
    assert slots.STATED_CHANGES not in named
