"""Slot names, and the translation between Rasa slots and the advisor's learner profile.

Slots hold plain JSON values (Rasa stores them in the tracker); the advisor works on a
typed :class:`advisor.profile.LearnerProfile`. This module is the only place that
knows both shapes.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from advisor.extract import (  # the interview's slots are named once, in the Rasa-free layer
    BACKGROUND,
    BUDGET,
    CREDIT,
    DEADLINE,
    GOAL,
    HOURS,
    LOCATION,
    MODE,
    PACE,
)
from advisor.profile import LearnerProfile

INTERVIEW_SLOTS = (GOAL, BACKGROUND, HOURS, DEADLINE, BUDGET, MODE, PACE, CREDIT, LOCATION)

OCCUPATION = "occupation"
CURRENT_ROLE = "current_role"
KNOWN_SKILLS = "known_skills"
SHOWN_IDS = "shown_ids"
RESULTS_OFFSET = "results_offset"
EXCLUDED_IDS = "excluded_ids"
INVALID_ATTEMPTS = "invalid_attempts"
HANDOFF_REQUESTED = "handoff_requested"
# Constraints a message states after the interview, when the classifier was unsure of it:
# the answer policy then runs the change of answer (actions/understand.py).
STATED_CHANGES = "stated_changes"
# A follow-up after the results read by its wording (advisor/requests.py): the answer
# policy runs the action for it whatever the classifier guessed.
FOLLOW_UP = "follow_up"
LEVEL = "level"  # set by "too basic" / "too hard" after the results
MAX_TOTAL_HOURS = "max_total_hours"  # set by "shorter": a cap on a course's total hours

# A question the learner chose to skip: answered, but with no value.
SKIPPED = "skipped"
NO_DEADLINE = "none"
NO_HOURS_LIMIT = "no limit"  # "I can do it full time": answered, and no hours filter
ANY = "any"


# Answers read by action_read_answers and not yet validated are held as {"said": text}.
RAW_ANSWER_KEY = "said"


def raw_answer(text: str) -> dict[str, str]:
    """A candidate answer, read by the form's validation."""
    return {RAW_ANSWER_KEY: text}


def said(value: Any) -> str | None:
    """The words of a candidate answer; None for a value already understood."""
    if isinstance(value, dict) and isinstance(value.get(RAW_ANSWER_KEY), str):
        text: str = value[RAW_ANSWER_KEY]
        return text
    return None


def _value(tracker: Tracker, name: str) -> Any:
    value = tracker.get_slot(name)
    return None if value == SKIPPED else value


def profile_from(tracker: Tracker) -> LearnerProfile:
    """The learner's profile as the slots describe it now."""
    budget = _value(tracker, BUDGET) or {}
    deadline = _value(tracker, DEADLINE)
    hours = _value(tracker, HOURS)
    return LearnerProfile(
        goal=_value(tracker, GOAL),
        background=_value(tracker, BACKGROUND),
        known_skills=list(tracker.get_slot(KNOWN_SKILLS) or []),
        hours_per_week=None if hours == NO_HOURS_LIMIT else hours,
        no_hours_limit=hours == NO_HOURS_LIMIT,
        deadline_weeks=None if deadline in (None, NO_DEADLINE) else float(deadline),
        no_deadline=deadline == NO_DEADLINE,
        budget_max=budget.get("max_amount"),
        budget_currency=budget.get("currency"),
        free_only=bool(budget.get("free_only", False)),
        budget_unlimited=bool(budget.get("unlimited", False)),
        mode=_value(tracker, MODE),
        pace=_value(tracker, PACE),
        credit=_value(tracker, CREDIT),
        location=_value(tracker, LOCATION),
        excluded_ids=list(tracker.get_slot(EXCLUDED_IDS) or []),
        max_total_hours=tracker.get_slot(MAX_TOTAL_HOURS),
        level=tracker.get_slot(LEVEL),
    )


def budget_slot(
    max_amount: float | None, currency: str | None, free_only: bool, unlimited: bool
) -> dict[str, Any]:
    """The JSON shape the budget slot holds."""
    return {
        "max_amount": max_amount,
        "currency": currency,
        "free_only": free_only,
        "unlimited": unlimited,
    }


def profile_events(profile: LearnerProfile) -> list[SlotSet]:
    """Slot events that make the tracker describe ``profile`` (used after a relaxation)."""
    budget: Any = budget_slot(
        profile.budget_max, profile.budget_currency, profile.free_only, profile.budget_unlimited
    )
    hours: Any = profile.hours_per_week
    if hours is None:
        hours = NO_HOURS_LIMIT if profile.no_hours_limit else SKIPPED
    return [
        SlotSet(HOURS, hours),
        SlotSet(
            DEADLINE, profile.deadline_weeks if profile.deadline_weeks is not None else NO_DEADLINE
        ),
        SlotSet(MAX_TOTAL_HOURS, profile.max_total_hours),
        SlotSet(BUDGET, budget),
        SlotSet(MODE, profile.mode or ANY),
        SlotSet(PACE, profile.pace or ANY),
        SlotSet(LOCATION, profile.location or SKIPPED),
    ]


def fresh_follow_up(tracker: Tracker) -> dict[str, Any] | None:
    """The follow-up request read from the latest message, if one was read this turn
    (an older one stays in the slot but answers nothing now)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return None
        if event.get("event") == "slot" and event.get("name") == FOLLOW_UP:
            value = event.get("value")
            return value if isinstance(value, dict) else None
    return None
