"""A dialogue policy that lets an answer win over the intent the classifier guessed.

Before Rasa predicts the next action, the slot mappings run ``action_read_answers``
(actions/understand.py), which offers every message to the interview first: the
question that is open, then every other answer the message states. When that filled
the open question, the learner answered it, whatever intent the classifier saw in a
short, unusual answer ("I know photoshop and illustrator" is not out of scope, "none
really, I'm starting from scratch" is not a restart): the interview carries on. When a
first message states a goal, the interview starts from it, with every other answer the
message gave. After the interview, a message that states a new constraint ("it has to
be free") changes that answer even when the classifier was unsure of it, and a follow-up
read by its wording ("are any of these about X?", "message me in 3 days") runs the
action that answers it. In every other case this policy abstains and the rules and
stories decide.

It runs inside the Rasa server (Python 3.10) and needs no training.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

FORM = "interview_form"
START_INTERVIEW = "action_start_interview"
GOAL = "goal"
CHANGE_ANSWER = "action_change_answer"
STATED_CHANGES = "stated_changes"  # set by action_read_answers after the interview
FOLLOW_UP = "follow_up"  # a follow-up read by its wording, set by action_read_answers
# The action for each kind of follow-up (advisor/requests.py).
FOLLOW_UP_ACTIONS = {
    "set_reminder": "action_set_reminder",
    "ask_funding": "action_follow_up_request",
    "ask_topic": "action_follow_up_request",
    "ask_nearer": "action_follow_up_request",
    "ask_coverage": "action_follow_up_request",
    "ask_course": "action_follow_up_request",
    "ask_skills": "action_answer_question",
    "ask_worth": "action_answer_question",
    "ask_provider": "action_answer_question",
    "compare": "action_compare_courses",
    "not_interested": "action_not_interested",
    "why_this": "action_why_this",
    "save_shortlist": "action_save_shortlist",
    "human_handoff": "action_handoff",
    "refine": "action_refine_goal",
    "more_results": "action_more_results",
}
# Answers read by action_read_answers and not yet validated are held as {"said": text}.
RAW_ANSWER_KEY = "said"
# Above the RulePolicy's default priority (6), so an understood answer beats a rule
# keyed on the intent the classifier guessed; both predict with confidence 1.
ANSWER_FIRST_PRIORITY = 7


def slots_set_since_user_message(tracker: DialogueStateTracker) -> dict[str, Any]:
    """Slot values set after the latest user message (by the slot mappings)."""
    values: dict[str, Any] = {}
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, SlotSet):
            values.setdefault(event.key, event.value)
    return values


def next_action(tracker: DialogueStateTracker) -> str | None:
    """The action an understood answer calls for, or None to leave it to the others."""
    if tracker.latest_action_name == START_INTERVIEW:
        return FORM
    answered_here = slots_set_since_user_message(tracker)
    if (
        tracker.latest_action_name in FOLLOW_UP_ACTIONS.values()
        and isinstance(answered_here.get(FOLLOW_UP), dict)
    ) or (tracker.latest_action_name == CHANGE_ANSWER and answered_here.get(STATED_CHANGES)):
        # The request or the change is answered (whatever intent the classifier guessed,
        # e.g. nlu_fallback, whose rule would otherwise ask to rephrase): wait.
        listen: str = ACTION_LISTEN_NAME
        return listen
    if tracker.latest_action_name != ACTION_LISTEN_NAME or tracker.latest_message is None:
        return None
    if not tracker.latest_message.text:
        return None  # a button payload ("/skip") says what it wants
    filled = slots_set_since_user_message(tracker)
    if tracker.active_loop_name == FORM:
        requested = tracker.get_slot(REQUESTED_SLOT)
        return FORM if requested and filled.get(requested) is not None else None
    if tracker.active_loop_name:
        return None
    follow_up = filled.get(FOLLOW_UP)
    kind = follow_up.get("kind") if isinstance(follow_up, dict) else None
    if isinstance(kind, str) and kind in FOLLOW_UP_ACTIONS:
        return FOLLOW_UP_ACTIONS[kind]
    if filled.get(STATED_CHANGES):
        return CHANGE_ANSWER  # after the interview: "it has to be free" changes the budget
    answered = any(isinstance(v, dict) and RAW_ANSWER_KEY in v for v in filled.values())
    goal = tracker.get_slot(GOAL)
    # A goal starts the interview; so do other answers before any goal ("free courses
    # only"): the interview then asks for the goal and keeps them.
    if answered and (goal is None or (isinstance(goal, dict) and RAW_ANSWER_KEY in goal)):
        return START_INTERVIEW
    return None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class AnswerFirstPolicy(Policy):
    """Continue (or start) the interview when the learner's message answered it."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The priority that puts an understood answer above intent rules."""
        return {"priority": ANSWER_FIRST_PRIORITY}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        """Nothing to learn: the decision follows from the slots the message filled."""
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Confidence 1 for the interview when the message answered it, else abstain."""
        probabilities = self._default_predictions(domain)
        action = next_action(tracker)
        if action is not None and action in domain.action_names_or_texts:
            probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)
