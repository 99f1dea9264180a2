"""Questions about the courses on screen: details, comparison, why, not interested, shortlist."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.pages import send_page
from actions.recommend import payload_positions, present, shown_cards
from advisor.answers import names_every_card, parse_course_refs, refs_by_name
from advisor.cards import CourseCard
from advisor.render import render_comparison, render_details, render_shortlist

NO_COURSES_YET = "I haven't shown you any courses yet. Tell me your goal and I'll find some."


def referenced(tracker: Tracker, cards: list[CourseCard]) -> list[CourseCard]:
    """The cards the learner points at ("#2", "the first and third", a button's positions)."""
    from_button = payload_positions(tracker)
    text = str(from_button) if from_button else (tracker.latest_message.get("text") or "")
    positions = parse_course_refs(text.replace(",", " and "), len(cards)) or refs_by_name(
        text, [f"{c.id.split(':')[0]} {c.provider or ''}" for c in cards]
    )
    if not positions and names_every_card(text):
        return list(cards)  # "none of these are for me", "compare all three"
    return [cards[p - 1] for p in positions]


def _ask_which(dispatcher: CollectingDispatcher, cards: list[CourseCard], verb: str) -> None:
    dispatcher.utter_message(
        text=f"Which one would you like to {verb}? Say a number from 1 to {len(cards)}.",
        buttons=[
            {"title": f"#{c.position} {c.title[:40]}", "payload": f"{verb} #{c.position}"}
            for c in cards
        ],
    )


class ActionCourseDetails(Action):
    """Everything the catalog knows about one course."""

    def name(self) -> str:
        return "action_course_details"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        cards = shown_cards(tracker)
        if not cards:
            dispatcher.utter_message(text=NO_COURSES_YET)
            return []
        chosen = referenced(tracker, cards)
        if not chosen:
            _ask_which(dispatcher, cards, "hear more about")
            return []
        send_page(dispatcher, chosen, "\n\n".join(render_details(card) for card in chosen))
        return []


class ActionCompareCourses(Action):
    """Two courses side by side."""

    def name(self) -> str:
        return "action_compare_courses"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        cards = shown_cards(tracker)
        if len(cards) < 2:
            dispatcher.utter_message(text="I need at least two courses on screen to compare.")
            return []
        chosen = referenced(tracker, cards)
        if len(chosen) < 2:
            chosen = (chosen + [c for c in cards if c not in chosen])[:2]
        first, second = chosen[:2]
        send_page(dispatcher, [first, second], render_comparison(first, second))
        return []


class ActionWhyThis(Action):
    """Why a course was recommended, from its real fields."""

    def name(self) -> str:
        return "action_why_this"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        cards = shown_cards(tracker)
        if not cards:
            dispatcher.utter_message(text=NO_COURSES_YET)
            return []
        chosen = referenced(tracker, cards) or cards[:1]
        for card in chosen:
            dispatcher.utter_message(text=f"#{card.position} {card.title}: {card.why}")
        return []


class ActionNotInterested(Action):
    """Drop a course for the rest of the conversation and fill its place."""

    def name(self) -> str:
        return "action_not_interested"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        cards = shown_cards(tracker)
        if not cards:
            dispatcher.utter_message(text=NO_COURSES_YET)
            return []
        chosen = referenced(tracker, cards)
        if not chosen:
            _ask_which(dispatcher, cards, "remove")
            return []
        excluded = list(tracker.get_slot(slots.EXCLUDED_IDS) or [])
        excluded += [c.id for c in chosen if c.id not in excluded]
        profile = slots.profile_from(tracker).model_copy(update={"excluded_ids": excluded})
        titles = ", ".join(f"“{c.title}”" for c in chosen)
        offset = int(tracker.get_slot(slots.RESULTS_OFFSET) or 0)
        events: list[EventType] = [SlotSet(slots.EXCLUDED_IDS, excluded)]
        if len(chosen) > 1 and len(chosen) == len(cards):
            intro = (
                "Understood, none of those; I won't suggest them again. If it's the topic, "
                "the budget or how you learn, tell me what to change. Otherwise, the next ones:"
            )
        else:
            them = "them" if len(chosen) > 1 else "it"
            intro = f"Removed {titles}; I won't suggest {them} again."
        return events + present(dispatcher, tracker, profile, offset=offset, intro=intro)


class ActionSaveShortlist(Action):
    """A summary message with every course shown so far, with links, to keep."""

    def name(self) -> str:
        return "action_save_shortlist"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        cards = shown_cards(tracker)
        if not cards:
            dispatcher.utter_message(text=NO_COURSES_YET)
            return []
        send_page(dispatcher, cards, render_shortlist(cards), shortlist=True)
        return []
