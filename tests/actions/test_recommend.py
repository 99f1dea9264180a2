"""Recommendation actions against the real catalog and index, with real Trackers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import slots
from actions.change import ActionChangeAnswer
from actions.control import ActionHandoff
from actions.followups import ActionCompareCourses, ActionNotInterested, ActionSaveShortlist
from actions.recommend import FOLLOW_UP_BUTTONS, ActionRecommend, ActionRefineResults
from actions.runtime import course_search, settings
from tests.utils.trackers import DOMAIN, slot_events, tracker

pytestmark = pytest.mark.slow

PROFILE: dict[str, Any] = {
    slots.GOAL: "I want to become a data analyst",
    slots.BACKGROUND: "Excel",
    slots.HOURS: 5.0,
    slots.DEADLINE: 13.0,
    slots.BUDGET: slots.budget_slot(None, None, True, False),
    slots.MODE: "online",
    slots.PACE: "any",
    slots.CREDIT: "no",
}


def _payload(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    payloads = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    assert payloads and payloads[-1]["type"] == "courses"
    cards: list[dict[str, Any]] = payloads[-1]["courses"]
    return cards


def _course(course_id: str) -> Any:
    return next(c for c in course_search().courses if c.id == course_id)


async def test_recommendations_honour_every_constraint() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionRecommend().run(dispatcher, tracker(slot_values=PROFILE), DOMAIN)
    cards = _payload(dispatcher)
    assert len(cards) == 3
    for card in cards:
        course = _course(card["id"])
        assert course.cost.is_free is True
        assert course.mode.value == "online"
        assert course.total_hours_max is not None and course.total_hours_max <= 5 * 13
        assert card["why"]
    assert slot_events(events)[slots.SHOWN_IDS] == [c["id"] for c in cards]
    assert "Here's what I have" in dispatcher.messages[0]["text"]


def _sent_once(dispatcher: CollectingDispatcher) -> dict[str, Any]:
    """The one ``courses`` message of a turn, checked to say its courses nowhere else."""
    pages: list[dict[str, Any]] = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    [page] = pages
    titles = [card["title"] for card in page["courses"]]
    assert all(title in page["text"] for title in titles)  # the text-only rendering
    for message in dispatcher.messages:
        assert not any(title in (message.get("text") or "") for title in titles)
    return page


async def test_a_page_is_sent_once_with_its_text_rendering_and_buttons() -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionRecommend().run(dispatcher, tracker(slot_values=PROFILE), DOMAIN)
    page = _sent_once(dispatcher)
    assert page["type"] == "courses" and page["offers"] is False and page["shortlist"] is False
    assert page["heading"] and page["text"].startswith(page["heading"])
    assert page["buttons"] == FOLLOW_UP_BUTTONS

    shown = {**PROFILE, slots.SHOWN_IDS: slot_events(events)[slots.SHOWN_IDS]}
    for action in (ActionCompareCourses(), ActionSaveShortlist()):
        follow_up = CollectingDispatcher()
        await action.run(follow_up, tracker(slot_values=shown), DOMAIN)
        assert _sent_once(follow_up)["shortlist"] is isinstance(action, ActionSaveShortlist)


async def test_changing_the_budget_gives_fresh_results() -> None:
    dispatcher = CollectingDispatcher()
    t = tracker("actually my budget is 50 dollars", "change_answer", slot_values=PROFILE)
    events = await ActionChangeAnswer().run(dispatcher, t, DOMAIN)
    assert slot_events(events)[slots.BUDGET]["max_amount"] == 50
    for card in _payload(dispatcher):
        amount = _course(card["id"]).cost.amount
        assert amount is not None and amount <= 50


async def test_shorter_caps_total_hours_below_what_was_shown() -> None:
    first = CollectingDispatcher()
    events = await ActionRecommend().run(first, tracker(slot_values=PROFILE), DOMAIN)
    shown = slot_events(events)[slots.SHOWN_IDS]
    longest_allowed = min(_course(i).total_hours_max for i in shown) * 0.8
    dispatcher = CollectingDispatcher()
    t = tracker("something shorter", "shorter", slot_values={**PROFILE, slots.SHOWN_IDS: shown})
    await ActionRefineResults().run(dispatcher, t, DOMAIN)
    for card in _payload(dispatcher):
        assert _course(card["id"]).total_hours_max <= longest_allowed + 1e-6


async def test_impossible_constraints_name_the_binding_one() -> None:
    dispatcher = CollectingDispatcher()
    strict = {**PROFILE, slots.MODE: "in_person", slots.LOCATION: "Newark", slots.HOURS: 1.0}
    await ActionRecommend().run(dispatcher, tracker(slot_values=strict), DOMAIN)
    shortfall = [m for m in dispatcher.messages if "limits most" in (m.get("text") or "")]
    assert shortfall, dispatcher.messages
    assert all(b["payload"].startswith("/change_answer") for b in shortfall[0]["buttons"])


async def test_handoff_pauses_and_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREDWISE_HANDOFF_DB_PATH", str(tmp_path / "advisor.db"))
    settings.cache_clear()
    try:
        dispatcher = CollectingDispatcher()
        history = [{"event": "user", "text": "I want to become a data analyst"}]
        events = await ActionHandoff().run(
            dispatcher, tracker("human please", "human_handoff", PROFILE, events=history), DOMAIN
        )
        assert any(e["event"] == "pause" for e in events)
        assert (tmp_path / "advisor.db").exists()
    finally:
        settings.cache_clear()


async def test_none_of_these_drops_every_card_and_shows_others() -> None:
    first = CollectingDispatcher()
    events = await ActionRecommend().run(first, tracker(slot_values=PROFILE), DOMAIN)
    shown_ids = slot_events(events)[slots.SHOWN_IDS]
    dispatcher = CollectingDispatcher()
    turned_down = tracker(
        "nah none of these are for me, thanks",
        intent="refine_goal",
        slot_values={**PROFILE, slots.SHOWN_IDS: shown_ids},
    )
    events = await ActionNotInterested().run(dispatcher, turned_down, DOMAIN)
    assert slot_events(events)[slots.EXCLUDED_IDS] == shown_ids
    assert "none of those" in dispatcher.messages[0]["text"]
    assert not set(shown_ids) & {card["id"] for card in _payload(dispatcher)}
