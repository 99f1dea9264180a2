"""Rasa messages and tracker events -> widget messages (no servers needed)."""

from __future__ import annotations

from typing import Any

from bot.console.events import ADVISOR_SOURCE, advisor_event
from bot.messages import from_reply
from bot.widget import messages
from bot.widget.messages import SHOWN_KEY, from_tracker, from_turn

CARDS: dict[str, Any] = {
    "type": "courses",
    "courses": [
        {"title": "SQL Basics", "url": "https://a"},
        {"title": "Excel", "url": "https://b"},
    ],
}
FOLLOW_UPS = [{"title": "More results", "payload": "/more_results"}]
PAGE: dict[str, Any] = {
    **CARDS,
    "heading": "Two courses that fit:",
    "text": "Two courses that fit:\n\n1. SQL Basics — A\n\n2. Excel — B",
    "buttons": FOLLOW_UPS,
}


def bot(text: str | None = None, **data: Any) -> dict[str, Any]:
    """A tracker ``bot`` event."""
    return {"event": "bot", "text": text, "data": data}


def user(text: str, **metadata: Any) -> dict[str, Any]:
    """A tracker ``user`` event."""
    return {"event": "user", "text": text, "metadata": metadata}


def titles(message: dict[str, Any]) -> list[str]:
    return [card["title"] for card in message["custom"]["courses"]]


def test_a_page_of_cards_is_one_message_with_its_heading_cards_and_buttons() -> None:
    reply = [
        {"recipient_id": "x", "text": "Here's what I have: …"},
        {"recipient_id": "x", "custom": PAGE},
    ]
    [intro, page] = from_turn(from_reply(reply))
    assert intro == {"from": "bot", "text": "Here's what I have: …"}
    assert page["text"] == "Two courses that fit:"  # the heading, not the text rendering
    assert titles(page) == ["SQL Basics", "Excel"]
    assert page["custom"]["courses"][0]["url"] == "https://a"
    assert page["custom"]["offers"] is False and page["custom"]["shortlist"] is False
    assert page["buttons"] == FOLLOW_UPS
    assert "text" not in page["custom"]  # the rendering stays with text-only channels


def test_a_text_naming_the_courses_is_left_as_it_is() -> None:
    reply = [
        {"recipient_id": "x", "text": "Removed “SQL Basics”."},
        {"recipient_id": "x", "custom": {**CARDS, "text": "SQL Basics\n\nExcel"}},
    ]
    [removed, page] = from_turn(from_reply(reply))
    assert removed == {"from": "bot", "text": "Removed “SQL Basics”."}
    assert set(page) == {"from", "custom"}  # no heading, no buttons: nothing else to show
    assert titles(page) == ["SQL Basics", "Excel"]


def test_malformed_messages_are_dropped_not_passed_on() -> None:
    reply = [
        "text",
        {"text": 5},
        {"text": "ok", "buttons": [{"title": "A"}, {"title": "B", "payload": "b"}, "C"]},
        {"custom": "not a dict"},
        {"custom": {"type": "courses", "courses": [{"title": 3}, "x", {"title": "Kept"}]}},
    ]
    [text, page] = from_turn(from_reply(reply))
    assert text == {"from": "bot", "text": "ok", "buttons": [{"title": "B", "payload": "b"}]}
    assert titles(page) == ["Kept"]
    assert from_reply({"not": "a list"}) == []


def test_history_shows_what_the_learner_saw_not_what_was_sent() -> None:
    events = [
        {"event": "session_started"},
        user("/greet"),  # sent by the widget itself
        bot("Hi", buttons=[{"title": "Skip", "payload": "/skip"}]),
        user("/skip"),  # a button's intent payload, from an older client
        bot("Hours?", buttons=[{"title": "About 5 hours", "payload": "about 5 hours a week"}]),
        user("about 5 hours a week", **{SHOWN_KEY: "About 5 hours"}),
        user("I typed this"),
        bot(None, custom=PAGE),
        user("/more_results"),  # pressed under the cards
        {"event": "slot", "name": "x", "value": 1},
    ]
    history = from_tracker(events)
    page = history[5]
    assert titles(page) == ["SQL Basics", "Excel"]
    assert page["text"] == "Two courses that fit:" and page["buttons"] == FOLLOW_UPS
    assert history == [
        {"from": "bot", "text": "Hi", "buttons": [{"title": "Skip", "payload": "/skip"}]},
        {"from": "user", "text": "Skip"},
        {
            "from": "bot",
            "text": "Hours?",
            "buttons": [{"title": "About 5 hours", "payload": "about 5 hours a week"}],
        },
        {"from": "user", "text": "About 5 hours"},
        {"from": "user", "text": "I typed this"},
        page,
        {"from": "user", "text": "More results"},  # the button's title, from the cards' page
    ]


def test_a_tracker_that_is_not_a_list_of_events_is_an_empty_history() -> None:
    assert from_tracker(None) == []
    assert from_tracker([None, {"event": "user"}, {"event": "bot", "data": "x"}]) == []


def test_a_human_advisors_reply_is_marked_as_theirs() -> None:
    assert messages.ADVISOR_SOURCE == ADVISOR_SOURCE  # the console's marker, seen here
    events = [advisor_event("Sam", "Hello!", now=1.0), bot("I'm the bot")]
    assert from_tracker(events) == [
        {"from": "bot", "text": "Sam: Hello!", "advisor": "Sam"},
        {"from": "bot", "text": "I'm the bot"},
    ]
