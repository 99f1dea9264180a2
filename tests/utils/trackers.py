"""Small factories for real rasa_sdk ``Tracker`` objects."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions import slots

DOMAIN: dict[str, Any] = {}


def tracker(
    text: str = "",
    intent: str = "inform",
    slot_values: dict[str, Any] | None = None,
    *,
    active_loop: str | None = None,
    requested_slot: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    sender_id: str = "learner-1",
) -> Tracker:
    """A tracker whose latest message is ``text`` classified as ``intent``."""
    values: dict[str, Any] = {name: None for name in slots.INTERVIEW_SLOTS}
    values.update({"requested_slot": requested_slot, slots.INVALID_ATTEMPTS: 0})
    values.update(slot_values or {})
    return Tracker(
        sender_id=sender_id,
        slots=values,
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "intent_ranking": [{"name": intent, "confidence": 1.0}],
            "entities": entities or [],
        },
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The slot values a list of events sets (last one wins)."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
