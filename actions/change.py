"""Change any answer, during the interview or after the recommendations."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.interview import FORM, parse_answer
from actions.recommend import present
from actions.understand import constraints_stated
from advisor.answers import detect_changed_field
from advisor.profile import summary_lines
from advisor.refine import parse_refinement
from advisor.relax import relax

FIELD_LABELS = {
    slots.GOAL: "Goal",
    slots.BACKGROUND: "What you know",
    slots.HOURS: "Hours per week",
    slots.DEADLINE: "Deadline",
    slots.BUDGET: "Budget",
    slots.MODE: "Mode",
    slots.PACE: "Pace",
    slots.CREDIT: "Credit",
    slots.LOCATION: "Location",
}
# relax() speaks of constraints; the slots that hold them.
RELAXED_SLOTS = {
    "budget": slots.BUDGET,
    "hours": slots.HOURS,
    "deadline": slots.DEADLINE,
    "mode": slots.MODE,
    "pace": slots.PACE,
    "location": slots.LOCATION,
}


def _entity(tracker: Tracker, name: str) -> Any:
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == name:
            return entity.get("value")
    return None


class ActionChangeAnswer(Action):
    """Update one answer from what the learner said, then show fresh results."""

    def name(self) -> str:
        return "action_change_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        in_interview = tracker.active_loop_name == FORM
        relaxed = _entity(tracker, "relax")
        if relaxed in RELAXED_SLOTS:
            profile = relax(slots.profile_from(tracker), relaxed)
            intro = f"I've relaxed your {relaxed}."
            return [
                *slots.profile_events(profile),
                *present(dispatcher, tracker, profile, intro=intro),
            ]
        text = (tracker.latest_message.get("text") or "").strip()
        field = _entity(tracker, "field") or detect_changed_field(text)
        if field not in FIELD_LABELS:
            # No field named ("it has to be free"): the first constraint the words state.
            stated = constraints_stated(text)
            new_goal = parse_refinement(text, 0).new_goal
            if stated:
                field, text = next(iter(stated.items()))
            elif new_goal:  # "actually switch it to procurement"
                field, text = slots.GOAL, new_goal
        if field not in FIELD_LABELS:
            dispatcher.utter_message(
                text="Which answer would you like to change?",
                buttons=[
                    {"title": label, "payload": f'/change_answer{{"field": "{name}"}}'}
                    for name, label in FIELD_LABELS.items()
                ],
            )
            return []
        values = None if text.startswith("/") else parse_answer(field, text, tracker)
        if values is None:
            # Known field, no new value yet: clear it and let the interview ask for it.
            cleared: list[EventType] = [SlotSet(field, None), SlotSet(slots.RESULTS_OFFSET, 0)]
            if field == slots.MODE:
                cleared.append(SlotSet(slots.LOCATION, None))
            return cleared if in_interview else [*cleared, FollowupAction(FORM)]
        events: list[EventType] = [SlotSet(name, value) for name, value in values.items()]
        events.append(SlotSet(slots.RESULTS_OFFSET, 0))
        if in_interview:
            dispatcher.utter_message(text=f"Noted: {FIELD_LABELS[field].lower()} updated.")
            return events
        profile = slots.profile_from(_with(tracker, values))
        changed = next(
            (line for line in summary_lines(profile) if line.startswith(FIELD_LABELS[field])),
            f"{FIELD_LABELS[field]} updated",
        )
        return events + present(
            dispatcher, _with(tracker, values), profile, intro=f"Updated. {changed}. Fresh results:"
        )


def _with(tracker: Tracker, values: dict[str, Any]) -> Tracker:
    """A copy of the tracker with some slots replaced (actions see slots as they were)."""
    copy = tracker.copy()
    copy.slots.update(values)
    return copy
