"""Liveness and readiness of the action server.

rasa_sdk answers ``GET /health`` with ``{"status": "ok"}`` as soon as it listens, before
anything is loaded. The search index, the embedding model and the advisor's tables load
on first use (nothing heavy at import time), which made the first learner after a start
wait about 18 s for their first recommendation. The deployment therefore calls
:class:`ActionWarmUp` once the health check answers (``deploy.servers.warm_up_actions``)
and counts the server as ready only when it has answered.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.goal import known_places
from actions.recommend import advisor
from advisor.profile import LearnerProfile

WARM_UP_ACTION = "action_warm_up"
# A whole interview's answers, so that every table a first recommendation reads is loaded.
WARM_UP_PROFILE = LearnerProfile(
    goal="become a data analyst",
    background="office administrator",
    hours_per_week=5,
    budget_max=500,
    mode="online",
    pace="self_paced",
)


class ActionWarmUp(Action):
    """Load the search and answer one recommendation; says nothing and sets nothing.

    Not in the domain, so Rasa never predicts it: only the deployment calls it, over the
    action server's own webhook, right after start.
    """

    def name(self) -> str:
        return WARM_UP_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        known_places()
        advisor().recommend(WARM_UP_PROFILE)
        return []
