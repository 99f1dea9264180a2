"""Hand over to a human advisor, and forget the learner.

Starting over needs no custom action: Rasa's own ``action_restart`` answers the
``restart`` intent (with ``utter_restart``).
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused, EventType, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.records import delete_handoffs, record_handoff, schedule_erasure
from actions.runtime import settings

TRANSCRIPT_EVENTS = {"user": "learner", "bot": "credwise"}


def transcript(tracker: Tracker) -> list[dict[str, str]]:
    """The conversation as the advisor will read it: who said what, in order."""
    lines = []
    for event in tracker.events:
        speaker = TRANSCRIPT_EVENTS.get(event.get("event", ""))
        if speaker and event.get("text"):
            lines.append({"from": speaker, "text": str(event["text"])})
    return lines


class ActionHandoff(Action):
    """Queue the conversation for a career advisor and pause the bot until they resume it."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        profile = slots.profile_from(tracker).model_dump(mode="json")
        record_handoff(settings().handoff_db_path, tracker.sender_id, profile, transcript(tracker))
        dispatcher.utter_message(
            text="I've passed your conversation to a career advisor, with your answers so far. "
            "They will reply here, in this chat. Until they do, I'll stay quiet; "
            "when they're done they will hand you back to me."
        )
        return [SlotSet(slots.HANDOFF_REQUESTED, True), ConversationPaused()]


class ActionForgetMe(Action):
    """Delete everything stored about this conversation, and say so."""

    def name(self) -> str:
        return "action_forget_me"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        delete_handoffs(settings().handoff_db_path, tracker.sender_id)
        if not schedule_erasure(settings().tracker_db_url, tracker.sender_id, self.name()):
            dispatcher.utter_message(
                text="Sorry, I couldn't reach the conversation store to delete your data. "
                "Please try again in a moment, or ask an advisor."
            )
            return []
        dispatcher.utter_message(
            text="Done: I've deleted this conversation and your answers. "
            "If you write again, we start from scratch."
        )
        return [Restarted()]
