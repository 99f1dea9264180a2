"""Reminder times from the learner's words, computed from a fixed 'now'."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from advisor.reminders import describe_when, reminder_time

NOW = datetime(2026, 12, 6, 9, 30, tzinfo=timezone.utc)  # a Sunday


@pytest.mark.parametrize(
    ("text", "delay"),
    [
        ("remind me next week", timedelta(weeks=1)),
        ("can u remind me on friday", timedelta(days=5)),
        ("remind me in 3 days", timedelta(days=3)),
        ("remind me in two weeks", timedelta(weeks=2)),
        ("remind me in 10 seconds", timedelta(seconds=10)),
        ("ping me tomorrow", timedelta(days=1)),
        ("sunday please", timedelta(days=7)),  # today is Sunday: the next one
    ],
)
def test_times(text: str, delay: timedelta) -> None:
    assert reminder_time(text, NOW) == NOW + delay


def test_no_time_said_is_none() -> None:
    assert reminder_time("remind me", NOW) is None
    assert reminder_time("remind me in 5000 days", NOW) is None


def test_description_names_the_day_and_the_zone() -> None:
    assert describe_when(NOW + timedelta(days=5), NOW) == "on Friday 11 December at 09:30 UTC"
    assert describe_when(NOW + timedelta(seconds=30), NOW) == "in 30 seconds"
