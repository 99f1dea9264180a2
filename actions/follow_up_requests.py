"""Follow-ups after the results the classifier may not know: topic, funding, distance,
catalog, and questions about the courses shown (when, language, level, fee, licence).

``action_read_answers`` reads them with ``advisor.requests`` and stores the request in
the ``follow_up`` slot; the answer policy then runs this action (or the reminder
action), whatever intent the classifier guessed. Each answer comes from the courses'
own listings and the catalog's sources (advisor/follow_up_answers.py).
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.goal import understand_goal
from actions.interview import parse_answer
from actions.questions import NOTHING_SHOWN
from actions.recommend import advisor as shared_advisor
from actions.recommend import present
from actions.runtime import course_search
from actions.shown import asked_about, shown_courses
from advisor import course_answers, follow_up_answers
from advisor.follow_up_answers import topic_evidence
from advisor.formatting import plural
from advisor.profile import LearnerProfile
from advisor.service import Recommendation
from index.places import gazetteer
from index.settings import get_settings as index_settings

NO_REQUEST = (
    'What would you like to know? For example "is #1 about payroll?" or "anything closer?".'
)


NOT_IN_ANY_LISTING = (
    "No course in the catalog names “{topic}” in its listing either, so I'll keep these. "
    "The providers may still teach it: each card links to its page, where you can ask them."
)


def _catalog_mentions(profile: LearnerProfile, topic: str) -> bool:
    """Whether the courses a search for the topic finds (every other answer kept) name it
    in their own listing: a search finds the nearest courses, named or not."""
    found = shared_advisor().recommend(profile.model_copy(update={"goal": topic}))
    ids = [card.id for card in [*found.cards, *found.offers]]
    return any(topic_evidence(course, topic) for course in course_search().get(ids))


def _other_place(tracker: Tracker, place: str | None) -> str | None:
    """The town named when it is a known place other than the learner's own."""
    if not place:
        return None
    named = gazetteer().resolve(place.lower())
    current = tracker.get_slot(slots.LOCATION)
    own = gazetteer().resolve(str(current).lower()) if isinstance(current, str) else None
    return place if named is not None and named != own else None


class ActionFollowUpRequest(Action):
    """Answer "are any of these about X?", "does the state pay?", "anything closer?",
    "do you have anything on X?" from the data, keeping every answer given so far."""

    def name(self) -> str:
        return "action_follow_up_request"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        request = slots.fresh_follow_up(tracker) or {}
        kind, topic = request.get("kind"), request.get("topic")
        shown = shown_courses(tracker)
        profile = slots.profile_from(tracker)
        if kind == "ask_course" and not shown:
            dispatcher.utter_message(text=NOTHING_SHOWN)
            return []
        if kind == "ask_course":
            aspect = course_answers.aspect_named(request.get("aspect"))
            # "cheapest one?" compares them all; otherwise the ones named, else all.
            items = shown if aspect == "cost" else asked_about(tracker, shown)
            said = tracker.latest_message.get("text") or ""
            answer = course_answers.course_answer(aspect, items, said, profile)
            dispatcher.utter_message(text=answer)
            return []
        if kind == "ask_funding":
            dispatcher.utter_message(text=follow_up_answers.funding_answer(shown))
            return []
        if kind == "ask_nearer":
            place = _other_place(tracker, request.get("place"))
            if place is not None:
                values = parse_answer(slots.LOCATION, place, tracker) or {}
                location = values.get(slots.LOCATION)
                if location:
                    profile = profile.model_copy(update={"location": location})
                    intro = f"Changed: searching near {location}. Everything else stays the same."
                    events: list[EventType] = [SlotSet(slots.LOCATION, location)]
                    return events + present(dispatcher, tracker, profile, intro=intro)
            radius = index_settings().commute_miles
            text = follow_up_answers.distance_answer(shown, profile.location, radius)
            dispatcher.utter_message(text=text)
            return []
        if kind == "ask_topic" and topic and shown:
            topics = [topic, *(request.get("more_topics") or [])]
            answers = [follow_up_answers.topic_answer(shown, each) for each in topics]
            dispatcher.utter_message(text="\n\n".join(text for text, _ in answers))
            if any(about for _, about in answers) or len(topics) > 1:
                return []
            if not _catalog_mentions(profile, topic):
                # "will it show me the budget section?": a part of the goal no listing
                # names; searching it alone would turn up Revit's section drawings.
                dispatcher.utter_message(text=NOT_IN_ANY_LISTING.format(topic=topic))
                return []
            kind = "ask_coverage"  # none of them is: say what the catalog has on it
        if kind == "ask_coverage" and topic:
            return self._coverage(dispatcher, tracker, topic)
        dispatcher.utter_message(text=NO_REQUEST)
        return []

    @staticmethod
    def _coverage(
        dispatcher: CollectingDispatcher, tracker: Tracker, topic: str
    ) -> list[EventType]:
        """What the catalog has on the topic, searched with every other answer kept."""
        goal_events, _ = understand_goal(topic)
        profile = slots.profile_from(tracker).model_copy(update={"goal": topic})

        def how_many(found: Recommendation) -> str | None:
            if found.nothing_on_topic:
                return None  # present() says plainly that there is nothing on it
            return (
                f"Yes: the catalog has {plural(found.relevant, 'course')} on “{topic}”. "
                "Searching them with everything else you told me kept:"
            )

        return goal_events + present(dispatcher, tracker, profile, intro=how_many)
