"""Reminders: the shortlist comes back when the learner asked for it.

"remind me next week / on Friday / in 3 days" schedules a Rasa reminder
(``ReminderScheduled``). When it fires, Rasa runs ``action_remind_shortlist`` in the
conversation, which sends the shortlist again; the reminder's time also travels to the
channels as a ``reminder`` payload, so Telegram can push the message into the chat and
an open widget can fetch it from the history (a closed one shows it on the next visit).
"""

from __future__ import annotations

from datetime import datetime, timezone

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, ReminderCancelled, ReminderScheduled
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.pages import send_page
from actions.recommend import shown_cards
from advisor.reminders import describe_when, reminder_time
from advisor.render import render_shortlist

REMINDER_NAME = "shortlist_reminder"
REMINDER_INTENT = "EXTERNAL_reminder"
WHEN_BUTTONS = [
    {"title": "Tomorrow", "payload": "remind me tomorrow"},
    {"title": "In 3 days", "payload": "remind me in 3 days"},
    {"title": "Next week", "payload": "remind me next week"},
]


def reminder_payload(at: datetime | None) -> dict[str, object]:
    """What the channels need to deliver the reminder: when it fires (None: cancelled)."""
    return {"type": "reminder", "at": at.isoformat() if at else None}


class ActionSetReminder(Action):
    """Schedule the reminder at the time the learner said, replacing any earlier one."""

    def name(self) -> str:
        return "action_set_reminder"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        now = datetime.now(timezone.utc)
        at = reminder_time(tracker.latest_message.get("text") or "", now)
        if at is None:
            dispatcher.utter_message(text="When should I remind you?", buttons=WHEN_BUTTONS)
            return []
        what = "your shortlist" if tracker.get_slot("shown_ids") else "your course search"
        dispatcher.utter_message(
            text=f"Done: I'll remind you about {what} {describe_when(at, now)}. "
            'Say "cancel my reminder" if you change your mind.'
        )
        dispatcher.utter_message(json_message=reminder_payload(at))
        # Same name: Rasa replaces an earlier reminder of this conversation. (A
        # ReminderCancelled here would cancel the new one too: Rasa schedules the
        # reminders of an action's events before it cancels.)
        return [
            ReminderScheduled(
                REMINDER_INTENT,
                trigger_date_time=at,
                name=REMINDER_NAME,
                kill_on_user_message=False,
            ),
        ]


class ActionCancelReminder(Action):
    """Cancel the reminder, if there is one."""

    def name(self) -> str:
        return "action_cancel_reminder"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text="Cancelled: I won't send you a reminder.")
        dispatcher.utter_message(json_message=reminder_payload(None))
        return [ReminderCancelled(name=REMINDER_NAME)]


class ActionRemindShortlist(Action):
    """The reminder fired: bring the shortlist back."""

    def name(self) -> str:
        return "action_remind_shortlist"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        cards = shown_cards(tracker)
        if not cards:
            dispatcher.utter_message(
                text="Here's your reminder about finding a course. Tell me what you'd like "
                "to learn and I'll pick up where we left off."
            )
            return []
        send_page(
            dispatcher,
            cards,
            render_shortlist(cards),
            heading="Here's the reminder you asked for: your shortlist.",
            shortlist=True,
        )
        return []
