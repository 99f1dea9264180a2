"""Interview actions with real Trackers: understanding answers, repairs, skipping."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import slots
from actions.interview import (
    ActionExplainQuestion,
    ActionSkipQuestion,
    ValidateInterviewForm,
    parse_answer,
)
from actions.slots import raw_answer
from tests.utils.trackers import DOMAIN, slot_events, tracker

FORM = "interview_form"


async def test_free_answers_are_understood() -> None:
    form = ValidateInterviewForm()
    dispatcher = CollectingDispatcher()
    t = tracker("two evenings a week", requested_slot=slots.HOURS, active_loop=FORM)
    values = await form.validate_hours_per_week(
        raw_answer("two evenings a week"), dispatcher, t, DOMAIN
    )
    assert values[slots.HOURS] == pytest.approx(4.0)
    assert values[slots.INVALID_ATTEMPTS] == 0
    assert dispatcher.messages == []


async def test_answers_understood_earlier_are_kept_when_the_form_starts_again() -> None:
    """A new goal restarts the form, which re-validates every filled slot: none is lost."""
    form = ValidateInterviewForm()
    dispatcher = CollectingDispatcher()
    t = tracker("I want UX research", requested_slot=None, active_loop=FORM)
    kept = {
        slots.DEADLINE: 12.0,
        slots.PACE: "self_paced",
        slots.BUDGET: slots.budget_slot(200.0, "USD", False, False),
    }
    for slot, value in kept.items():
        values = await getattr(form, f"validate_{slot}")(value, dispatcher, t, DOMAIN)
        assert values[slot] == value
    assert dispatcher.messages == []


async def test_one_answer_can_fill_mode_and_pace() -> None:
    values = parse_answer(slots.MODE, "online, at my own pace", tracker())
    assert values == {slots.MODE: "online", slots.PACE: "self_paced"}
    assert parse_answer(slots.MODE, "I'd rather be in a classroom", tracker()) == {
        slots.MODE: "in_person"
    }


@pytest.mark.parametrize(
    ("slot", "text", "expected"),
    [
        (slots.BUDGET, "nothing, it has to be free", {"free_only": True}),
        (slots.BUDGET, "under 300 dollars", {"max_amount": 300.0, "currency": "USD"}),
        (slots.BUDGET, "no limit", {"unlimited": True}),
    ],
)
def test_budget_answers(slot: str, text: str, expected: dict[str, object]) -> None:
    values = parse_answer(slot, text, tracker())
    assert values is not None
    assert expected.items() <= values[slots.BUDGET].items()


def test_no_rush_means_no_deadline_and_either_is_not_a_skip() -> None:
    assert parse_answer(slots.DEADLINE, "no rush", tracker()) == {slots.DEADLINE: slots.NO_DEADLINE}
    values = parse_answer(slots.HOURS, "either 5 or 6 hours", tracker())
    assert values is not None and values[slots.HOURS] == pytest.approx(5.0)
    assert parse_answer(slots.HOURS, "no preference", tracker()) == {slots.HOURS: slots.SKIPPED}


def test_time_without_a_figure_is_no_limit_and_said_so_not_a_skip() -> None:
    """ "I can do it full time basically" sets no hours filter, and the summary says "no
    limit", not "not given" as for a skipped question."""
    from advisor.profile import summary_lines

    values = parse_answer(slots.HOURS, "I can do it full time basically", tracker())
    assert values == {slots.HOURS: slots.NO_HOURS_LIMIT}
    profile = slots.profile_from(tracker(slot_values=values))
    assert profile.hours_per_week is None and profile.no_hours_limit
    assert "Hours per week: no limit" in summary_lines(profile)
    skipped = slots.profile_from(tracker(slot_values={slots.HOURS: slots.SKIPPED}))
    assert "Hours per week: not given" in summary_lines(skipped)
    events = {e["name"]: e["value"] for e in slots.profile_events(profile)}
    assert events[slots.HOURS] == slots.NO_HOURS_LIMIT


async def test_second_invalid_answer_offers_to_skip() -> None:
    form = ValidateInterviewForm()
    dispatcher = CollectingDispatcher()
    first = await form.validate_budget(
        raw_answer("purple"), dispatcher, tracker(requested_slot=slots.BUDGET), DOMAIN
    )
    assert first == {slots.BUDGET: None, slots.INVALID_ATTEMPTS: 1}
    assert "didn't catch" in dispatcher.messages[-1]["text"]
    again = tracker(requested_slot=slots.BUDGET, slot_values={slots.INVALID_ATTEMPTS: 1})
    second = await form.validate_budget(raw_answer("banana"), dispatcher, again, DOMAIN)
    assert second[slots.INVALID_ATTEMPTS] == 2
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/skip"


@pytest.mark.parametrize("bad", ["", "   ", "🙂🙂🙂", "<script>alert(1)</script>", "/state_goal"])
def test_noise_is_not_a_goal(bad: str) -> None:
    assert parse_answer(slots.GOAL, bad, tracker()) is None


async def test_location_is_asked_only_for_in_person_learning() -> None:
    form = ValidateInterviewForm()
    domain_slots = list(slots.INTERVIEW_SLOTS)
    online = tracker(slot_values={slots.MODE: "online"})
    in_person = tracker(slot_values={slots.MODE: "in_person"})
    dispatcher = CollectingDispatcher()
    assert slots.LOCATION not in await form.required_slots(domain_slots, dispatcher, online, DOMAIN)
    required = await form.required_slots(domain_slots, dispatcher, in_person, DOMAIN)
    assert required.index(slots.LOCATION) == required.index(slots.MODE) + 1


async def test_skip_sets_a_sentinel_but_never_for_the_goal() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionSkipQuestion().run(
        dispatcher, tracker("skip", "skip", requested_slot=slots.PACE), DOMAIN
    )
    assert slot_events(events)[slots.PACE] == slots.SKIPPED
    none = await ActionSkipQuestion().run(
        dispatcher, tracker("skip", "skip", requested_slot=slots.GOAL), DOMAIN
    )
    assert none == [] and "goal" in dispatcher.messages[-1]["text"]


async def test_why_do_you_ask_names_the_current_question() -> None:
    dispatcher = CollectingDispatcher()
    await ActionExplainQuestion().run(
        dispatcher, tracker("why?", "ask_why", requested_slot=slots.BUDGET), DOMAIN
    )
    assert dispatcher.messages[-1]["response"] == "utter_why_budget"


@pytest.mark.parametrize(
    ("goal", "target"),
    [
        (
            "hi, I'm an accountant and I want to get into data analytics",
            "I want to get into data analytics",
        ),
        ("Hello! I want to learn SQL", "I want to learn SQL"),
        ("become a nurse", "become a nurse"),
    ],
)
def test_goal_target_drops_greeting_and_current_role(goal: str, target: str) -> None:
    from actions.goal import target_of

    assert target_of(goal) == target


async def test_a_town_said_before_the_mode_is_read_once_learning_on_site() -> None:
    """'forklift cert, elizabeth nj' keeps the town as words (place matters only on site);
    answering 'in person' later must read it, or the search runs without a place."""
    form = ValidateInterviewForm()
    dispatcher = CollectingDispatcher()
    t = tracker(
        "in person",
        requested_slot=slots.MODE,
        active_loop=FORM,
        slot_values={slots.LOCATION: raw_answer("elizabeth nj")},
    )
    values = await form.validate_mode(raw_answer("in person"), dispatcher, t, DOMAIN)
    assert values[slots.MODE] == "in_person"
    assert isinstance(values[slots.LOCATION], str)
    assert values[slots.LOCATION].lower().startswith("elizabeth")


async def test_a_place_outside_the_catalog_is_said_once_when_mode_and_place_come_together() -> None:
    """'…in Mesa AZ … Looking for an in-person class': the place is read for itself and
    again for the in-person mode; the learner is told once that none are known there."""
    form = ValidateInterviewForm()
    dispatcher = CollectingDispatcher()
    t = tracker(
        "I drove a school bus in Mesa AZ. Looking for an in-person class",
        requested_slot=slots.MODE,
        active_loop=FORM,
        slot_values={slots.LOCATION: raw_answer("Mesa AZ")},
    )
    await form.validate_location(raw_answer("Mesa AZ"), dispatcher, t, DOMAIN)
    await form.validate_mode(raw_answer("Looking for an in-person class"), dispatcher, t, DOMAIN)
    notes = [m for m in dispatcher.messages if "I don't know of in-person" in (m.get("text") or "")]
    assert len(notes) == 1


async def test_a_town_stays_words_while_learning_online() -> None:
    form = ValidateInterviewForm()
    t = tracker(
        "online",
        requested_slot=slots.MODE,
        active_loop=FORM,
        slot_values={slots.LOCATION: raw_answer("elizabeth nj")},
    )
    values = await form.validate_mode(raw_answer("online"), CollectingDispatcher(), t, DOMAIN)
    assert values[slots.MODE] == "online"
    assert slots.LOCATION not in values


@pytest.mark.parametrize(
    "text", ["ideally part online part in class", "half online half in a classroom"]
)
def test_part_online_part_in_class_is_blended(text: str) -> None:
    assert parse_answer(slots.MODE, text, tracker()) == {slots.MODE: "blended"}


async def test_no_preference_on_the_mode_asks_where_they_are() -> None:
    form = ValidateInterviewForm()
    domain_slots = list(slots.INTERVIEW_SLOTS)
    either = tracker(slot_values={slots.MODE: "any"})
    required = await form.required_slots(domain_slots, CollectingDispatcher(), either, DOMAIN)
    assert required.index(slots.LOCATION) == required.index(slots.MODE) + 1


@pytest.mark.parametrize("text", ["anywhere", "no preference", "rather not say", "Anywhere."])
def test_an_answer_naming_no_place_skips_the_location(text: str) -> None:
    assert parse_answer(slots.LOCATION, text, tracker()) == {slots.LOCATION: slots.SKIPPED}


@pytest.mark.parametrize("text", ["doesnt matter, online", "nowhere, online only"])
def test_online_said_for_the_place_skips_it_and_sets_the_mode(text: str) -> None:
    """Asked where they are after 'in person would be nice... nah online'."""
    assert parse_answer(slots.LOCATION, text, tracker()) == {
        slots.LOCATION: slots.SKIPPED,
        slots.MODE: "online",
    }
    assert parse_answer(slots.LOCATION, "online classes near newark", tracker()) != {
        slots.LOCATION: slots.SKIPPED,
        slots.MODE: "online",
    }


def test_a_town_the_place_table_knows_beats_the_bare_state() -> None:
    assert parse_answer(slots.LOCATION, "point pleasant nj", tracker()) == {
        slots.LOCATION: "Point Pleasant, NJ"
    }
