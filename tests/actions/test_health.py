"""The action server's warm-up: what the deployment calls before a learner arrives."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.health import WARM_UP_ACTION, ActionWarmUp
from deploy.servers import WARM_UP_ACTION as DEPLOYMENT_CALLS
from tests.utils.trackers import DOMAIN, tracker


def test_the_deployment_calls_the_warm_up_action_by_its_name() -> None:
    assert DEPLOYMENT_CALLS == WARM_UP_ACTION == ActionWarmUp().name()


async def test_warming_up_says_nothing_and_sets_nothing() -> None:
    dispatcher = CollectingDispatcher()

    events = await ActionWarmUp().run(dispatcher, tracker(), DOMAIN)

    assert events == []
    assert dispatcher.messages == []
