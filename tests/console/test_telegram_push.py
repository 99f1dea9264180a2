"""Advisor replies reach a learner who talks to Credwise on Telegram, through a Bot API.

The Bot API is the local stand-in of the Telegram tests, over real HTTP; Rasa is the
in-process stand-in of the fast hand-over tests.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from bot.console.events import RESUME_MESSAGE
from bot.telegram.push import chat_of, sender_id
from tests.console.conftest import ADVISOR, MakeClient, log_in
from tests.console.test_handoffs import queue, with_rasa
from tests.stack import free_port
from tests.telegram.bot_api import TOKEN, BotApiStandIn

CHAT = 424242


def _console(make_client: MakeClient, base_url: str) -> TestClient:
    client = log_in(make_client(telegram_bot_token=TOKEN, telegram_base_url=base_url))
    with_rasa(client, lambda _: httpx.Response(200, json={}))
    return client


def test_chat_ids_and_conversation_ids_map_both_ways() -> None:
    assert chat_of(sender_id(CHAT)) == CHAT
    assert chat_of(sender_id(-100123)) == -100123
    assert chat_of("web-3f2a") is None
    assert chat_of("tg-not-a-number") is None


def test_a_reply_and_the_hand_back_reach_the_telegram_chat(
    make_client: MakeClient, bot_api: BotApiStandIn, tmp_path: Path
) -> None:
    console = _console(make_client, bot_api.url)
    handoff_id = queue(tmp_path / "advisor.db", sender_id(CHAT))

    reply = console.post(f"/console/api/handoffs/{handoff_id}/reply", json={"text": "Hi there"})
    resume = console.post(f"/console/api/handoffs/{handoff_id}/resume")

    assert reply.status_code == 200 and reply.json()["telegram"] is True
    assert resume.status_code == 200 and resume.json()["telegram"] is True
    sent = bot_api.calls("sendMessage")
    assert [call.params["chat_id"] for call in sent] == [CHAT, CHAT]
    assert bot_api.sent_texts() == [f"{ADVISOR}: Hi there", RESUME_MESSAGE]


def test_a_web_learner_gets_nothing_on_telegram(
    make_client: MakeClient, bot_api: BotApiStandIn, tmp_path: Path
) -> None:
    console = _console(make_client, bot_api.url)
    handoff_id = queue(tmp_path / "advisor.db", "web-3f2a9c")

    reply = console.post(f"/console/api/handoffs/{handoff_id}/reply", json={"text": "Hi"})

    assert reply.status_code == 200 and reply.json()["telegram"] is None
    assert bot_api.calls("sendMessage") == []


def test_telegram_unreachable_keeps_the_reply_and_says_it_was_not_delivered(
    make_client: MakeClient, tmp_path: Path
) -> None:
    console = _console(make_client, f"http://127.0.0.1:{free_port()}")
    handoff_id = queue(tmp_path / "advisor.db", sender_id(CHAT))

    reply = console.post(f"/console/api/handoffs/{handoff_id}/reply", json={"text": "Hi"})

    assert reply.status_code == 200
    assert reply.json()["telegram"] is False  # the reply is in the conversation all the same
