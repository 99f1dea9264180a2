"""When a reminder should fire, from the learner's words ("next week", "on Friday").

Times are computed from ``now`` (UTC) so the rules are testable; a day-only answer
("tomorrow", "on Friday") keeps the current time of day. None means no time was said.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from advisor.normalise import clean, words_to_numbers

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = {
    "second": timedelta(seconds=1),
    "sec": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "min": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
    "month": timedelta(days=30),
}
FEW = 3  # "in a few days"
MAX_AHEAD = timedelta(days=366)

_IN = re.compile(
    r"\bin (?P<count>\d+|an?|a few|a couple of|few)\s*(?P<unit>sec(?:ond)?|min(?:ute)?|hour|"
    r"day|week|month)s?\b"
)
_DAY = re.compile(rf"\b(?P<day>{'|'.join(DAYS)})\b")
_RELATIVE = (
    (re.compile(r"\btomorrow\b"), timedelta(days=1)),
    (re.compile(r"\bnext week\b|\bin a week\b"), timedelta(weeks=1)),
    (re.compile(r"\bnext month\b"), timedelta(days=30)),
    (re.compile(r"\btonight\b|\blater today\b|\bthis evening\b"), timedelta(hours=6)),
    (re.compile(r"\blater this week\b|\bin a few days\b"), timedelta(days=FEW)),
)


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    return FEW if "few" in word else 2 if "couple" in word else 1


def reminder_time(text: str, now: datetime) -> datetime | None:
    """The moment the learner asked to be reminded at, or None if they named none."""
    said = clean(text)
    if said is None:
        return None
    said = words_to_numbers(said)
    match = _IN.search(said)
    if match:
        unit = match.group("unit")
        step = next(delta for name, delta in UNITS.items() if unit.startswith(name))
        delay = step * _count(match.group("count"))
        return now + delay if timedelta(0) < delay <= MAX_AHEAD else None
    day = _DAY.search(said)
    if day:
        ahead = (DAYS.index(day.group("day")) - now.weekday()) % 7 or 7
        return now + timedelta(days=ahead)
    for pattern, delay in _RELATIVE:
        if pattern.search(said):
            return now + delay
    return None


def describe_when(at: datetime, now: datetime) -> str:
    """'in 30 seconds', 'in 5 minutes', or 'on Friday 11 December at 09:15 UTC'."""
    delay = at - now
    if delay < timedelta(hours=1):
        seconds = round(delay.total_seconds())
        if seconds < 120:
            return f"in {seconds} seconds"
        return f"in {round(seconds / 60)} minutes"
    return f"on {at:%A %-d %B at %H:%M} UTC"
