"""A server dies mid-interview: the learner hears about it, and nothing they said is lost.

One stack (action server, Rasa with a SQLite tracker store, web app) serves the whole
module, because Rasa takes 30-60 s to start; each test kills and restarts a server of
it with SIGKILL, as a crash or an OOM kill would, never the session's shared stack.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from bot.gateway import RasaGateway
from bot.settings import BotSettings
from bot.telegram.app import build_application
from bot.telegram.handlers import SILENT_TURN, TelegramChannel, sender_id
from bot.widget.routes import APOLOGY, PAUSED_HEADER
from tests.faults.servers import FaultStack
from tests.telegram.bot_api import TOKEN, BotApiStandIn, deliver, message_update

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

TURN_SECONDS = 90.0
GOAL = "hi, I'm an accountant and I want to get into data analytics"
HOURS = "about 5 hours a week"
DEADLINE = "within 3 months"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultStack]:
    """The module's own stack, started once."""
    stack = FaultStack(tmp_path_factory.mktemp("faults"))
    try:
        stack.start("actions", "rasa", "web")
        yield stack
    finally:
        stack.stop()
        print(f"fault stack logs: {stack.root}")


@pytest.fixture
def fault_stack(servers: FaultStack) -> FaultStack:
    """The module's stack with every server up, whatever an earlier test left behind."""
    servers.ensure_up()
    return servers


@pytest.fixture
def sender() -> str:
    """A fresh conversation."""
    return f"fault-{uuid.uuid4().hex[:12]}"


def chat(stack: FaultStack, sender: str, message: str) -> httpx.Response:
    """One learner message through the widget's API, as the browser sends it."""
    return httpx.post(
        f"{stack.web_url}/api/chat",
        json={"sender": sender, "message": message},
        timeout=TURN_SECONDS,
    )


def slots(stack: FaultStack, sender: str) -> dict[str, Any]:
    """The conversation's filled slots, from Rasa's tracker."""
    found: dict[str, Any] = stack.tracker(sender)["slots"]
    return {name: value for name, value in found.items() if value is not None}


def test_action_server_killed_mid_interview_apologises_then_continues(
    fault_stack: FaultStack, sender: str
) -> None:
    first = chat(fault_stack, sender, GOAL)
    assert first.status_code == 200 and first.json()[-1]["text"] != APOLOGY
    before = slots(fault_stack, sender)
    assert before["requested_slot"] == "hours_per_week"
    assert before["goal"] and before["background"]

    fault_stack.kill("actions")
    during = chat(fault_stack, sender, HOURS)
    assert during.status_code == 200
    assert during.json() == [{"from": "bot", "text": APOLOGY}]
    assert during.headers[PAUSED_HEADER] == "false"
    # What Rasa 3.6 itself does: log the failed call and carry on with no reply at all.
    log = fault_stack.log("rasa").read_text(errors="replace")
    assert "Failed to execute custom action 'validate_interview_form'" in log
    kept = slots(fault_stack, sender)
    assert kept["goal"] == before["goal"] and kept["background"] == before["background"]
    assert kept["requested_slot"] == "hours_per_week"  # still waiting for that answer

    fault_stack.start("actions")
    after = chat(fault_stack, sender, HOURS)  # the learner sends it again, as asked
    assert after.status_code == 200
    texts = [message.get("text", "") for message in after.json()]
    assert APOLOGY not in texts and any("How soon" in text for text in texts)
    resumed = slots(fault_stack, sender)
    assert resumed["hours_per_week"] == 5.0
    assert resumed["goal"] == before["goal"] and resumed["background"] == before["background"]
    assert resumed["requested_slot"] == "deadline_weeks"


def test_a_handed_over_conversation_stays_quiet_without_an_apology(
    fault_stack: FaultStack, sender: str
) -> None:
    """The apology is for faults: a paused conversation's silence is on purpose."""
    chat(fault_stack, sender, "I want to learn SQL").raise_for_status()
    chat(fault_stack, sender, "I'd like to talk to a human advisor").raise_for_status()
    quiet = chat(fault_stack, sender, "hello, anyone there?")
    assert quiet.status_code == 200
    assert quiet.json() == [] and quiet.headers[PAUSED_HEADER] == "true"


async def test_telegram_apologises_while_the_action_server_is_down(
    fault_stack: FaultStack,
) -> None:
    """The Telegram bridge, like the widget: an apology instead of silence, then onwards."""
    chat_id = int(uuid.uuid4().int % 10**9)
    bot_api = BotApiStandIn().start()
    rasa = RasaGateway(fault_stack.rasa_url, token=fault_stack.token, backoff=0.05)
    settings = BotSettings(
        rasa_url=fault_stack.rasa_url, telegram_bot_token=TOKEN, telegram_base_url=bot_api.url
    )
    bot = build_application(settings, TelegramChannel(rasa))
    await bot.initialize()
    try:
        await deliver(bot, message_update(chat_id, GOAL))
        assert SILENT_TURN not in bot_api.sent_texts()
        fault_stack.kill("actions")
        await deliver(bot, message_update(chat_id, HOURS))
        assert bot_api.sent_texts()[-1] == SILENT_TURN
        fault_stack.start("actions")
        await deliver(bot, message_update(chat_id, HOURS))
        assert "How soon" in bot_api.sent_texts()[-1]
    finally:
        await bot.shutdown()
        bot_api.stop()
    assert slots(fault_stack, sender_id(chat_id))["hours_per_week"] == 5.0


def test_rasa_killed_mid_interview_continues_from_the_tracker_store(
    fault_stack: FaultStack, sender: str
) -> None:
    for message in (GOAL, HOURS):
        assert chat(fault_stack, sender, message).status_code == 200
    before = slots(fault_stack, sender)
    assert before["requested_slot"] == "deadline_weeks"

    fault_stack.kill("rasa")
    down = chat(fault_stack, sender, DEADLINE)
    assert down.status_code == 503  # the widget says the advisor is unavailable
    fault_stack.start("rasa")

    after = chat(fault_stack, sender, DEADLINE)  # sent again once Rasa is back
    assert after.status_code == 200
    texts = [message.get("text", "") for message in after.json()]
    assert APOLOGY not in texts
    resumed = slots(fault_stack, sender)
    assert resumed["goal"] == before["goal"] and resumed["hours_per_week"] == 5.0
    assert resumed["deadline_weeks"] and resumed["requested_slot"] == "budget"
    # Every message Rasa received is in the store, in order, across the restart.
    assert fault_stack.stored_user_texts(sender) == [GOAL, HOURS, DEADLINE]
