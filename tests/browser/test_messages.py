"""Rasa messages and tracker events -> widget messages (no servers needed)."""

from __future__ import annotations

from typing import Any

from bot.console.rasa import ADVISOR_SOURCE, advisor_event
from bot.widget import messages
from bot.widget.messages import SHOWN_KEY, fold_card_text, from_tracker, from_webhook

CARDS: dict[str, Any] = {
    "type": "courses",
    "courses": [
        {"title": "SQL Basics", "url": "https://a"},
        {"title": "Excel", "url": "https://b"},
    ],
}
FOLLOW_UPS = [{"title": "More results", "payload": "/more_results"}]


def bot(text: str | None = None, **data: Any) -> dict[str, Any]:
    """A tracker ``bot`` event."""
    return {"event": "bot", "text": text, "data": data}


def user(text: str, **metadata: Any) -> dict[str, Any]:
    """A tracker ``user`` event."""
    return {"event": "user", "text": text, "metadata": metadata}


def test_a_turn_with_cards_shows_the_cards_in_place_of_their_text_list() -> None:
    reply = [
        {"recipient_id": "x", "text": "Here's what I have: …"},
        {"recipient_id": "x", "text": "1. SQL Basics — A\n\n2. Excel — B", "buttons": FOLLOW_UPS},
        {"recipient_id": "x", "custom": CARDS},
    ]
    assert from_webhook(reply) == [
        {"from": "bot", "text": "Here's what I have: …"},
        {"from": "bot", "custom": CARDS, "buttons": FOLLOW_UPS},
    ]


def test_one_details_text_per_course_is_folded_too() -> None:
    messages: list[dict[str, Any]] = [
        {"from": "bot", "text": "Course: 1. SQL Basics"},
        {"from": "bot", "text": "Course: 2. Excel"},
        {"from": "bot", "custom": CARDS},
    ]
    assert fold_card_text(messages) == [{"from": "bot", "custom": CARDS}]


def test_a_text_that_names_only_some_courses_is_kept() -> None:
    messages: list[dict[str, Any]] = [
        {"from": "bot", "text": "Removed “SQL Basics”."},
        {"from": "bot", "custom": CARDS},
    ]
    assert fold_card_text(messages) == messages


def test_texts_before_the_learners_last_message_are_never_folded() -> None:
    messages: list[dict[str, Any]] = [
        {"from": "bot", "text": "SQL Basics and Excel"},
        {"from": "user", "text": "ok"},
        {"from": "bot", "custom": CARDS},
    ]
    assert fold_card_text(messages) == messages


def test_malformed_messages_are_dropped_not_passed_on() -> None:
    reply = [
        "text",
        {"text": 5},
        {"text": "ok", "buttons": [{"title": "A"}, {"title": "B", "payload": "b"}, "C"]},
        {"custom": "not a dict"},
    ]
    assert from_webhook(reply) == [
        {"from": "bot", "text": "ok", "buttons": [{"title": "B", "payload": "b"}]}
    ]
    assert from_webhook({"not": "a list"}) == []


def test_history_shows_what_the_learner_saw_not_what_was_sent() -> None:
    events = [
        {"event": "session_started"},
        user("/greet"),  # sent by the widget itself
        bot("Hi", buttons=[{"title": "Skip", "payload": "/skip"}]),
        user("/skip"),  # a button's intent payload, from an older client
        bot("Hours?", buttons=[{"title": "About 5 hours", "payload": "about 5 hours a week"}]),
        user("about 5 hours a week", **{SHOWN_KEY: "About 5 hours"}),
        user("I typed this"),
        bot(None, custom=CARDS),
        {"event": "slot", "name": "x", "value": 1},
    ]
    assert from_tracker(events) == [
        {"from": "bot", "text": "Hi", "buttons": [{"title": "Skip", "payload": "/skip"}]},
        {"from": "user", "text": "Skip"},
        {
            "from": "bot",
            "text": "Hours?",
            "buttons": [{"title": "About 5 hours", "payload": "about 5 hours a week"}],
        },
        {"from": "user", "text": "About 5 hours"},
        {"from": "user", "text": "I typed this"},
        {"from": "bot", "custom": CARDS},
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
