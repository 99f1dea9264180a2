"""Answer the learner's own questions about their goal and the courses on screen."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.goal import occupation_of, occupation_skills
from actions.refine import ActionRefineGoal
from actions.shown import asked_about, shown_courses
from advisor import questions
from advisor.extract import is_goal_statement, names_a_subject_to_learn

# Questions about courses answer for the ones named ("#2"), else for every course shown.
COURSE_QUESTIONS = frozenset({"ask_worth", "ask_provider", "ask_duration", "ask_credential"})
NOTHING_SHOWN = (
    "I haven't shown you any courses yet. Once we've found some, ask me about any of them "
    '("is #1 worth it?", "how long would #2 take me?").'
)


class ActionAnswerQuestion(Action):
    """What skills do I need, is it worth it, is the provider good, how long, a certificate?"""

    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # A question read by its wording after the results (advisor/requests.py) says
        # what it asks; otherwise the classifier's intent does.
        request = slots.fresh_follow_up(tracker) or {}
        intent = request.get("kind") or (tracker.latest_message.get("intent") or {}).get("name")
        profile = slots.profile_from(tracker)
        shown = shown_courses(tracker)
        occupation_slot = tracker.get_slot(slots.OCCUPATION)
        key_skills = occupation_skills(occupation_slot)
        if intent == "ask_skills":
            known = [*profile.known_skills, *(profile.background or "").replace(",", " ").split()]
            text = questions.skills_answer(
                occupation_of(occupation_slot), key_skills, known, shown, profile.goal
            )
            dispatcher.utter_message(text=text)
            return []
        if intent not in COURSE_QUESTIONS:
            dispatcher.utter_message(response="utter_help")
            return []
        if not shown:
            text = tracker.latest_message.get("text") or ""
            if profile.goal and is_goal_statement(text) and names_a_subject_to_learn(text):
                # After "nothing on that … change your goal?": "how to be a supervisor
                # without it being weird" is the new goal, not a question about courses.
                return await ActionRefineGoal().run(dispatcher, tracker, domain)
            dispatcher.utter_message(text=NOTHING_SHOWN)
            return []
        items = asked_about(tracker, shown)
        if intent == "ask_worth":
            in_demand = [
                s["name"] for s in (occupation_slot or {}).get("skills", []) if s.get("in_demand")
            ]
            text = questions.worth_answers(items, profile, key_skills, in_demand)
        elif intent == "ask_provider":
            text = "\n\n".join(questions.provider_answer(item) for item in items)
        elif intent == "ask_duration":
            text = "\n".join(questions.duration_answer(item, profile) for item in items)
        else:
            text = "\n".join(questions.credential_answer(item) for item in items)
        dispatcher.utter_message(text=text)
        return []
