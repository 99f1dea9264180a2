"""Offer every message to the interview first: the open question, then every answer it states.

Rasa runs ``action_read_answers`` (the interview slots' custom mapping) after each
learner message, before it predicts what to do. It returns candidate answers as
``{"said": <the words>}``; the form's validation (actions/interview.py) reads them with
the one parser per question and says so when it cannot. ``addons/answer_policy.py``
then lets an answer to the open question continue the interview whatever intent the
classifier guessed, and lets a first message that states a goal start it.

Why the intent does not come first: the classifier was trained on typical phrasings,
and learners answer in their own ("I know photoshop and illustrator", "none really,
I'm starting from scratch"). A short unseen answer is an answer. The intent still
wins when the message is a clear request of its own (skip, why, help, a human, forget
me, a question about the courses) and does not read as an answer to the question.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.goal import known_places, looks_learnable
from actions.interview import parses_as
from actions.slots import raw_answer
from advisor import answers, extract, requests
from advisor.refine import parse_refinement

FORM = "interview_form"
EXTERNAL_PREFIX = "EXTERNAL: "  # the text of a user event Rasa triggers itself (a reminder)
MAX_ANSWER_CHARS = 1000

# Requests of their own: they win over a free-text answer unless the words read as one.
CONTROL_INTENTS = frozenset(
    {
        "ask_why",
        "skip",
        "restart",
        "human_handoff",
        "forget_me",
        "help",
        "bot_challenge",
        "goodbye",
        "thank",
        "change_answer",
        "ask_skills",
        "ask_worth",
        "ask_provider",
        "ask_duration",
        "ask_credential",
        "set_reminder",
        "cancel_reminder",
    }
)
# Control intents that ask for something other than courses. (A question about skills or
# worth that names a goal, "what skills do I need to become a nurse?", starts the
# interview from that goal instead.)
REQUESTS = CONTROL_INTENTS - {
    "ask_skills",
    "ask_worth",
    "ask_provider",
    "ask_duration",
    "ask_credential",
}
CONTROL_CONFIDENCE = 0.5
SURE_OFF_TOPIC = 0.9  # an out-of-scope message this sure changes nothing without a word of learning
# Questions whose answer is free text: any words can be an answer, so a clear request
# of another kind must be told apart from it.
FREE_TEXT_SLOTS = frozenset({slots.GOAL, slots.BACKGROUND, slots.LOCATION})
# Intents under which a first message with no goal cue is still taken as a goal.
GOAL_INTENTS = frozenset({"state_goal", "inform"})
UNSURE_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})
# Responses that ask for a goal when no interview is running.
GOAL_QUESTIONS = frozenset(
    {"utter_greet", "utter_ask_goal", "utter_restart", "utter_out_of_scope", "utter_default"}
)


def _intent(tracker: Tracker) -> tuple[str, float]:
    intent = tracker.latest_message.get("intent") or {}
    return str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)


def reads_as_answer(slot: str, text: str) -> bool:
    """Whether the words answer the question about ``slot`` on their own evidence."""
    if slot == slots.GOAL:
        return extract.is_goal_statement(text)
    if slot == slots.BACKGROUND:
        return extract.states_background(text) or extract.current_role_of(text) is not None
    if slot == slots.LOCATION:
        return extract.location_in(text) is not None or text[:1].isupper()
    return True


def answer_wins(slot: str, text: str, intent: str, confidence: float) -> bool:
    """Whether the open question takes this message, rather than the intent's rule."""
    if slot not in FREE_TEXT_SLOTS:
        # A typed answer wins when its parser reads it; otherwise a request of its own
        # wins, and anything else gets the question's "I'm looking for …" hint.
        if parses_as(slot, text):
            return True
        return not (intent in CONTROL_INTENTS and confidence >= CONTROL_CONFIDENCE)
    if intent in CONTROL_INTENTS and confidence >= CONTROL_CONFIDENCE:
        return reads_as_answer(slot, text)
    if slot == slots.GOAL and intent in UNSURE_INTENTS:
        return extract.is_goal_statement(text) or looks_learnable(text)
    return True


def read_answers(tracker: Tracker) -> dict[str, Any]:
    """Candidate answers in the latest message, keyed by interview slot."""
    text = (tracker.latest_message.get("text") or "").strip()
    if not text or text.startswith(("/", EXTERNAL_PREFIX)) or answers.looks_like_noise(text):
        return {}  # a button's payload, Rasa's own event (a reminder firing), or no words
    text = text[:MAX_ANSWER_CHARS]
    intent, confidence = _intent(tracker)
    found: dict[str, Any] = {}
    active = tracker.active_loop_name == FORM
    requested = tracker.get_slot("requested_slot") if active else None
    if requested in slots.INTERVIEW_SLOTS and answer_wins(requested, text, intent, confidence):
        found[requested] = raw_answer(text)
    if not active and tracker.get_slot(slots.GOAL) is not None:
        # After the interview, changes and refinements have their own actions. A message
        # the classifier was unsure of that states a new goal starts again from it (every
        # other answer kept); one that states a constraint is a change of that answer.
        # A follow-up in marked wording ("are any of these about X?", "does the state
        # pay?", "message me in 3 days") is that request whatever the classifier saw.
        if extract.asks_to_see_courses(text):
            # "ok can you show me the courses now": the results again, from where they were
            return {slots.FOLLOW_UP: {"kind": "more_results"}}
        request = requests.follow_up_request(text)
        off_topic = intent == "out_of_scope" and confidence >= CONTROL_CONFIDENCE
        if request and not (
            off_topic
            and request.kind == "ask_course"
            and request.aspect in {"schedule", "listing"}
            and not requests.points_at_results(text)
        ):
            # ("who won the game last night" names a night, not a class time)
            return {slots.FOLLOW_UP: asdict(request)}
        shown = bool(tracker.get_slot(slots.SHOWN_IDS))
        if intent in UNSURE_INTENTS | GOAL_INTENTS and shown and requests.asks_about_results(text):
            # "is there a lot of anatomy?", "is it for speaking or only reading?": a
            # question about the courses shown, answered from their listings. With none
            # shown, "how to be a supervisor without it being weird" is a goal.
            return {slots.FOLLOW_UP: {"kind": "ask_course", "aspect": "listing"}}
        if off_topic and not _about_learning(text, confidence):
            return found  # "know a good pizza place near me?" changes no answer
        may_refine = intent in UNSURE_INTENTS | GOAL_INTENTS | {"refine_goal"}
        said_here = extract.find_statements(text).answers if may_refine else {}
        changes = [slot for slot in CONSTRAINT_SLOTS if slot in said_here]
        if changes and (
            # "i need something i can knock out in like 4 weeks": the same goal, a new limit.
            _UNNAMED_COURSE.search(text)
            # "is there a free version of these": a limit on the same search, not a goal.
            or (requests.points_at_results(text) and slots.GOAL not in said_here)
        ):
            return {slots.STATED_CHANGES: changes}
        if _comments_on_results(tracker, text, intent) or (
            may_refine and _asks_cheaper_than_shown(text, said_here)
        ):
            return {slots.FOLLOW_UP: {"kind": "refine"}}
        if intent == "forget_me" and not _ERASE_REQUEST.search(text):
            # "actually forget data, i wanna do cybersecurity" drops a goal, not the
            # learner's data: erasing is only done when they ask for it in those words.
            new_goal = extract.find_statements(text, known_places()).answers.get(slots.GOAL)
            if new_goal:
                return {slots.GOAL: raw_answer(new_goal)}
            return {slots.FOLLOW_UP: {"kind": "refine"}}  # "forget it": what instead?
        if intent not in UNSURE_INTENTS:
            return found
        stated_after = extract.find_statements(text, known_places()).answers
        if slots.GOAL in stated_after:
            return {slots.GOAL: raw_answer(stated_after[slots.GOAL])}
        changes = [slot for slot in CONSTRAINT_SLOTS if slot in stated_after]
        return {slots.STATED_CHANGES: changes} if changes else found
    if active and requested in slots.INTERVIEW_SLOTS and requested not in found:
        return found  # a request of its own: leave the other answers for when it's answered
    if not active and intent in REQUESTS and confidence >= CONTROL_CONFIDENCE:
        return found  # "I'd like to talk to a human advisor" asks for something else
    stated = dict(extract.find_statements(text, known_places()).answers)
    if not active and slots.GOAL not in stated:
        if _whole_message_is_goal(tracker, text, intent, confidence):
            stated[slots.GOAL] = text
        elif intent == "out_of_scope" and confidence >= CONTROL_CONFIDENCE:
            return found  # "what's the weather like in Paris" names a place, not a course
        else:
            stated.pop(slots.LOCATION, None)  # a place means little before a goal and a mode
    for slot, words in stated.items():
        if slot not in found and tracker.get_slot(slot) is None:
            found[slot] = raw_answer(words)
    return found


# Words without which a message the classifier puts out of scope changes no answer and
# names no goal: a course, a constraint, a skill, a job. A request for the assistant to
# do a task, or about an account, is none of these.
_LEARNING_WORDS = re.compile(
    r"\b(?:courses?|class(?:es)?|programs?|programmes?|training|certificat\w*|cert|"
    r"learn\w*|study|studying|become|career|job|skills?|online|in[- ]person|budget|free|"
    r"schools?|bootcamps?|apprentice\w*|for a living|"
    r"cheap\w*|\$|dollars?|hours?|hrs?|weeks?|months?|pace|schedule|credit|degree|"
    r"licen[cs]\w*|qualif\w*|instead|switch|rather|aprender|estudiar|cursos?|clases?|trabajo|carrera|"
    r"ritmo|horarios?|presencial|gratis|barat\w*|en l[ií]nea|cards?)\b",
    re.IGNORECASE,
)
_TASK_OR_ACCOUNT = re.compile(
    r"^(?:can|could|will|would) (?:you|u|ya) (?:please |pls )?(?:do|write|fix|finish|check|"
    r"edit|proofread|grade|complete|submit|book|send|order|call)\b|"
    r"\b(?:password|log ?in details|login|sign[- ]in|my account|refund|unsubscribe)\b|"
    # Money matters of the learner's own: "help me get a car loan? my credit is like 580".
    r"\b(?:car|auto|home|house|personal|payday|title) loans?\b|\bcredit (?:score|report|card)s?\b|"
    r"\bmy credit is\b|\bmortgage\b",
    re.IGNORECASE,
)


# A course asked for without a subject: "something i can finish in 4 weeks".
_UNNAMED_COURSE = re.compile(
    r"(?:^|[.!?;,]\s*)(?:(?:ok|so|well|hmm+|idk)[,.]?\s+)?(?:(?:i )?(?:need|want)|"
    r"i (?:'d like|would like)|"
    r"gimme|give me|"
    r"show me|looking for|got)\s+(?:something|anything|one|ones|a course|courses)\b(?!\s+(?:in|on|"
    r"about|for)\s+[a-z])",
    re.IGNORECASE,
)
# A request to erase what the learner told: about them, their data or the conversation.
_ERASE_REQUEST = re.compile(
    r"\b(?:delete|erase|remove|wipe|clear|purge|get rid of|rempve|removee|ersae|earse|cear)\b|"
    r"\bforget (?:me|about me|my|everything|all|what i|this conversation|this chat)\b|"
    r"\bforgotten\b|\b(?:don'?t|do not|stop)\s+(?:keep\w*|stor\w*|sav\w*)\b|\bgdpr\b|"
    r"\bprivacy\b|\bmy (?:personal )?(?:data|info\w*|details|conversation|history|answers)\b",
    re.IGNORECASE,
)


def _about_learning(text: str, off_topic_confidence: float) -> bool:
    """Whether a message the classifier put out of scope may still change an answer or
    name a goal: never a task for the assistant or an account matter; without a word of
    learning, only when the classifier was not sure."""
    if _TASK_OR_ACCOUNT.search(text) or requests.asks_for_paperwork(text):
        return False
    return off_topic_confidence < SURE_OFF_TOPIC or bool(_LEARNING_WORDS.search(text))


def _comments_on_results(tracker: Tracker, text: str, intent: str) -> bool:
    """A comment on the courses shown that says what to change ("too basic, I already
    know Python, I need deep learning", "I need SolidWorks itself"), which the classifier
    took for a new goal or was unsure of: it refines the search, every other answer
    kept, instead of starting the interview again."""
    if intent not in UNSURE_INTENTS | GOAL_INTENTS or not tracker.get_slot(slots.SHOWN_IDS):
        return False
    wanted = parse_refinement(text, len(tracker.get_slot(slots.SHOWN_IDS) or []))
    return bool(wanted.level or wanted.known or wanted.already_seen or wanted.new_goal)


def _asks_cheaper_than_shown(text: str, said: dict[str, str]) -> bool:
    """ "is there a free version of these", "hay algo mas barato?": a cheaper search, which
    the classifier took for a new goal or was unsure of (``said``: the answers the message
    states). Only the cheaper request is read this way: other limits in passing ("6 months
    is too long") are not refinements."""
    if slots.BUDGET in said:
        return False  # "it has to be free", "200 max": a new budget, read as a change
    return parse_refinement(text, 0).constraint == "cheaper"


CONSTRAINT_SLOTS = (slots.HOURS, slots.DEADLINE, slots.BUDGET, slots.MODE, slots.PACE, slots.CREDIT)


def constraints_stated(text: str) -> dict[str, str]:
    """The constraint answers a message states, each with its words ("it has to be free")."""
    answers_found = extract.find_statements(text).answers
    return {slot: answers_found[slot] for slot in CONSTRAINT_SLOTS if slot in answers_found}


def _whole_message_is_goal(tracker: Tracker, text: str, intent: str, confidence: float) -> bool:
    """A first message with no goal cue ("photography", "hubspot for my bakery's emails")."""
    if intent in GOAL_INTENTS:
        return True
    if last_question(tracker) in GOAL_QUESTIONS:
        # The goal is the open question: an answer in any words is a goal, unless it is a
        # clear request of its own.
        return not (intent in CONTROL_INTENTS and confidence >= CONTROL_CONFIDENCE)
    return intent in UNSURE_INTENTS and looks_learnable(text)


def last_question(tracker: Tracker) -> str | None:
    """The response the assistant last said ("utter_greet"), if it said one."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


class ActionReadAnswers(Action):
    """Find the interview answers in the latest message (run by Rasa's slot mappings)."""

    def name(self) -> str:
        return "action_read_answers"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return [SlotSet(slot, value) for slot, value in read_answers(tracker).items()]
