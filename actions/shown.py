"""The courses on the learner's screen, as the actions that answer about them read them."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions import slots
from actions.runtime import course_search
from advisor.answers import parse_course_refs, refs_by_name
from advisor.questions import Shown
from index.schema import Course


def shown_courses(tracker: Tracker) -> list[Shown]:
    """The courses on screen, numbered as the learner sees them."""
    ids = [str(i) for i in tracker.get_slot(slots.SHOWN_IDS) or []]
    by_id: dict[str, Course] = {c.id: c for c in course_search().get(ids)}
    return [Shown(n, by_id[i]) for n, i in enumerate(ids, start=1) if i in by_id]


def asked_about(tracker: Tracker, shown: list[Shown]) -> list[Shown]:
    """The courses the message names by number ("#2", "the first one"), else all shown."""
    text = tracker.latest_message.get("text") or ""
    positions = parse_course_refs(text, len(shown)) or refs_by_name(
        text, [f"{item.course.id.split(':')[0]} {item.course.provider or ''}" for item in shown]
    )
    named = [item for item in shown if item.position in positions]
    return named or shown
