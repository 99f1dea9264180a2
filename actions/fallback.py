"""The first stage of the two-stage fallback: "did you mean …?" with buttons."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

SUGGESTIONS = 3
NOT_UNDERSTOOD = (
    "Sorry, I'm not sure I understood. Could you say it another way? For example "
    '"is #1 worth it?", "does #2 have evening classes?" or "I want to learn bookkeeping".'
)
# How each intent reads as a suggestion; intents not listed are never suggested.
INTENT_LABELS = {
    "state_goal": "Find courses for a goal",
    "inform": "Answer the question",
    "more_results": "Show more courses",
    "cheaper": "Cheaper courses",
    "shorter": "Shorter courses",
    "course_details": "Details of a course",
    "compare_courses": "Compare two courses",
    "why_this": "Why this course?",
    "ask_worth": "Is it worth it?",
    "ask_provider": "Is the provider any good?",
    "ask_duration": "How long would it take me?",
    "ask_credential": "Do I get a certificate?",
    "ask_skills": "What skills do I need?",
    "not_interested": "Remove a course",
    "save_shortlist": "Save my shortlist",
    "change_answer": "Change an answer",
    "restart": "Start over",
    "human_handoff": "Talk to a human advisor",
    "forget_me": "Delete my data",
    "help": "What can you do?",
}


class ActionDefaultAskAffirmation(Action):
    """Offer the likeliest meanings of an unclear message as buttons."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        ranking = tracker.latest_message.get("intent_ranking") or []
        buttons = [
            {"title": INTENT_LABELS[item["name"]], "payload": f"/{item['name']}"}
            for item in ranking
            if item.get("name") in INTENT_LABELS
        ][:SUGGESTIONS]
        if not buttons:
            # Nothing likely enough to offer: an empty "did you mean" list helps nobody.
            dispatcher.utter_message(text=NOT_UNDERSTOOD)
            return []
        buttons.append({"title": "Something else", "payload": "/out_of_scope"})
        dispatcher.utter_message(
            text="Sorry, I'm not sure I understood. Did you mean:", buttons=buttons
        )
        return []
