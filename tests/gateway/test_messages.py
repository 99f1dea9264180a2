"""Rasa's replies and tracker events -> typed messages: what every channel relies on."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from bot.messages import (
    Button,
    Courses,
    Custom,
    Reminder,
    Text,
    after_reminder,
    from_bot_event,
    from_reply,
    reminder_change,
    texts,
)

CARD: dict[str, Any] = {
    "id": "edx:1",
    "title": "SQL for Data Analysis",
    "position": 1,
    "provider": "Example University",
    "url": "https://example.org/sql",
    "url_is_provider_site": False,
    "total_hours": "12–24 h",
    "weeks": "3–5 weeks at your 5 h/week",
    "weeks_at_pace": 4.8,
    "fit": "fits",
    "fit_text": "fits your 13-week deadline",
    "cost": "Free",
    "mode": "Online",
    "pace": "Self-paced",
    "credential": "Certificate",
    "quality": ["4.7 stars"],
    "skills_you_lack": ["SQL"],
    "why": "Teaches the SQL your goal needs.",
    "notes": [],
}
PAGE: dict[str, Any] = {
    "type": "courses",
    "courses": [CARD],
    "heading": "One course that fits:",
    "text": "One course that fits:\n\n1. SQL for Data Analysis …",
    "offers": False,
    "shortlist": False,
    "buttons": [{"title": "More results", "payload": "/more_results"}],
}


def test_a_page_of_cards_is_one_typed_message_with_everything_channels_draw() -> None:
    [page] = from_reply([{"recipient_id": "s", "custom": PAGE}])
    assert isinstance(page, Courses)
    assert page.heading == "One course that fits:" and page.text.startswith(page.heading)
    assert page.buttons == (Button("More results", "/more_results"),)
    assert not page.offers and not page.shortlist
    [card] = page.cards
    assert card.as_dict() == CARD  # nothing the widget draws is lost on the way


def test_offers_and_shortlist_flags_are_read() -> None:
    [offers] = from_reply([{"custom": {**PAGE, "offers": True}}])
    [shortlist] = from_reply([{"custom": {**PAGE, "shortlist": True}}])
    assert isinstance(offers, Courses) and offers.offers
    assert isinstance(shortlist, Courses) and shortlist.shortlist


def test_text_buttons_and_order_are_kept() -> None:
    reply = [
        {"recipient_id": "s", "text": "How many hours?"},
        {"recipient_id": "s", "text": "Pick one", "buttons": [{"title": "5", "payload": "5 h"}]},
        {"recipient_id": "s", "buttons": [{"title": "Skip", "payload": "/skip"}]},
    ]
    assert from_reply(reply) == [
        Text("How many hours?"),
        Text("Pick one", (Button("5", "5 h"),)),
        Text("", (Button("Skip", "/skip"),)),
    ]


def test_reminders_are_typed_and_a_bad_time_is_a_cancellation() -> None:
    reply = [
        {"custom": {"type": "reminder", "at": "2026-12-11T09:30:00"}},
        {"custom": {"type": "reminder", "at": None}},
        {"custom": {"type": "reminder", "at": "soon"}},
    ]
    at = datetime(2026, 12, 11, 9, 30, tzinfo=timezone.utc)  # no zone given: UTC
    assert from_reply(reply) == [Reminder(at), Reminder(None), Reminder(None)]
    assert reminder_change(from_reply(reply[:1])) == Reminder(at)
    assert reminder_change([Text("hi")]) is None


def test_other_payloads_pass_through_and_malformed_ones_are_dropped() -> None:
    reply: list[Any] = [
        {"custom": {"type": "map", "lat": 1}},
        {"custom": "not an object"},
        {"custom": {}},
        {"text": 5, "buttons": [{"title": "no payload"}, "x", {"title": "", "payload": "p"}]},
        {"custom": {"type": "courses", "courses": [{"title": 3}, "x", {"title": "Kept"}]}},
        "not a message",
    ]
    messages = from_reply(reply)
    assert messages[0] == Custom({"type": "map", "lat": 1})
    assert isinstance(messages[1], Courses) and [c.title for c in messages[1].cards] == ["Kept"]
    assert len(messages) == 2
    assert from_reply({"not": "a list"}) == []


def test_a_card_with_odd_field_types_keeps_what_it_can() -> None:
    odd = {"title": "T", "position": True, "weeks_at_pace": "4", "quality": "x", "url": 5}
    [page] = from_reply([{"custom": {"type": "courses", "courses": [odd]}}])
    assert isinstance(page, Courses)
    [card] = page.cards
    assert (card.position, card.weeks_at_pace, card.quality, card.url) == (None, None, (), "")


def test_tracker_bot_events_read_like_replies() -> None:
    event = {"event": "bot", "text": None, "data": {"custom": PAGE, "buttons": None}}
    [page] = from_bot_event(event)
    assert isinstance(page, Courses) and page.cards[0].title == CARD["title"]
    assert from_bot_event({"event": "user", "text": "hi"}) == []
    assert from_bot_event({"event": "bot", "text": "Hi", "data": "x"}) == [Text("Hi")]


def test_text_only_channels_get_the_pages_text_rendering() -> None:
    messages = from_reply([{"text": "Here's what I have"}, {"custom": PAGE}, {"custom": {}}])
    assert texts(messages) == ["Here's what I have", PAGE["text"]]


def test_the_latest_reminder_since_a_time_is_read_from_the_events() -> None:
    events: list[Any] = [
        {"event": "user", "text": "EXTERNAL: EXTERNAL_reminder", "timestamp": 5.0},
        {"event": "bot", "text": "an older reminder"},
        {"event": "user", "text": "remind me tomorrow", "timestamp": 20.0},
        {"event": "bot", "text": "Done"},
        {"event": "user", "text": "/EXTERNAL_reminder", "timestamp": 30.0,
         "metadata": {"is_external": True}},
        {"event": "bot", "text": None, "data": {"custom": {**PAGE, "shortlist": True}}},
        None,
    ]  # fmt: skip
    [page] = after_reminder(events, since=10.0)
    assert isinstance(page, Courses) and page.shortlist
    assert after_reminder(events, since=40.0) == []
