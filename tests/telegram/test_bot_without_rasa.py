"""The real bot over real HTTP against the Bot API stand-in, where Rasa is down or unneeded.

These take well under a second each (no model to load), so they run with the fast tests.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from telegram.error import BadRequest

from bot.telegram.app import WebhookSettings, serve_webhook
from bot.telegram.callback_keys import KEY_PREFIX
from bot.telegram.handlers import (
    BUTTON_EXPIRED,
    COMMANDS,
    RASA_DOWN,
    RATE_LIMITED,
    SOMETHING_WENT_WRONG,
    TEXT_ONLY,
    UNKNOWN_COMMAND,
)
from bot.telegram.rate_limit import RateLimiter
from bot.telegram.webhook import HEALTH_PATH, SECRET_HEADER, webhook_server
from tests.stack import free_port
from tests.telegram.bot_api import (
    TOKEN,
    BotApiStandIn,
    callback_update,
    deliver,
    message_update,
    photo_update,
)
from tests.telegram.conftest import MakeBot

SECRET = "s3cret_Token-1"
REPO_ROOT = Path(__file__).resolve().parents[2]


async def test_rasa_down_gets_a_short_apology(
    make_bot: MakeBot, bot_api: BotApiStandIn, closed_port_url: str, chat_id: int
) -> None:
    bot = await make_bot(closed_port_url)
    await deliver(bot, message_update(chat_id, "I want to become a data analyst"))
    [apology] = bot_api.calls("sendMessage")
    assert apology.params == {"chat_id": chat_id, "text": RASA_DOWN}
    typing = bot_api.calls("sendChatAction")
    assert typing and typing[0].params == {"chat_id": chat_id, "action": "typing"}


async def test_a_button_pressed_while_rasa_is_down_keeps_its_keyboard(
    make_bot: MakeBot, bot_api: BotApiStandIn, closed_port_url: str, chat_id: int
) -> None:
    bot = await make_bot(closed_port_url)
    await deliver(bot, callback_update(chat_id, "/more_results", message_id=5))
    assert len(bot_api.calls("answerCallbackQuery")) == 1
    assert bot_api.sent_texts() == [RASA_DOWN]
    assert bot_api.calls("editMessageReplyMarkup") == []  # press it again once Rasa is back


async def test_a_button_pressed_over_the_rate_limit_stops_spinning_and_is_dropped(
    make_bot: MakeBot, bot_api: BotApiStandIn, closed_port_url: str, chat_id: int
) -> None:
    bot = await make_bot(closed_port_url, RateLimiter(capacity=1, period=60))
    await deliver(bot, message_update(chat_id, "hello"))
    await deliver(bot, callback_update(chat_id, "/more_results", message_id=5))
    await deliver(bot, callback_update(chat_id, "/more_results", message_id=5))
    assert len(bot_api.calls("answerCallbackQuery")) == 2
    assert bot_api.sent_texts() == [RASA_DOWN, RATE_LIMITED]


async def test_an_expired_button_asks_to_type_instead(
    make_bot: MakeBot, bot_api: BotApiStandIn, closed_port_url: str, chat_id: int
) -> None:
    bot = await make_bot(closed_port_url)
    await deliver(bot, callback_update(chat_id, f"{KEY_PREFIX}999", message_id=5))
    [answer] = bot_api.calls("answerCallbackQuery")
    assert answer.params["text"] == BUTTON_EXPIRED
    assert bot_api.calls("sendMessage") == []


async def test_photos_and_unknown_commands_are_answered_without_rasa(
    make_bot: MakeBot, bot_api: BotApiStandIn, closed_port_url: str, chat_id: int
) -> None:
    bot = await make_bot(closed_port_url)
    await deliver(bot, photo_update(chat_id))
    await deliver(bot, message_update(chat_id, "/teleport somewhere"))
    assert bot_api.sent_texts() == [TEXT_ONLY, UNKNOWN_COMMAND]


async def test_group_chats_are_ignored(
    make_bot: MakeBot, bot_api: BotApiStandIn, closed_port_url: str, chat_id: int
) -> None:
    bot = await make_bot(closed_port_url)
    update = message_update(chat_id, "hello everyone")
    update["message"]["chat"] = {"id": -chat_id, "type": "group", "title": "Study group"}
    await deliver(bot, update)
    assert bot_api.calls("sendMessage") == []


async def test_the_error_handler_logs_the_error_then_apologises(
    make_bot: MakeBot,
    bot_api: BotApiStandIn,
    closed_port_url: str,
    chat_id: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = await make_bot(closed_port_url)
    bot_api.fail_next("sendMessage")  # the apology for Rasa being down fails to send
    await deliver(bot, message_update(chat_id, "hello"))
    logged = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], BadRequest)]
    assert logged and logged[0].levelno == logging.ERROR
    assert bot_api.sent_texts() == [RASA_DOWN, SOMETHING_WENT_WRONG]


async def test_webhook_mode_accepts_only_updates_with_the_secret(
    make_bot: MakeBot, bot_api: BotApiStandIn, closed_port_url: str, chat_id: int
) -> None:
    bot = await make_bot(closed_port_url)
    port = free_port()
    settings = WebhookSettings(url=f"http://127.0.0.1:{port}/telegram", port=port)
    assert settings.url is not None
    server = webhook_server(bot, url=settings.url, secret=SECRET, listen="127.0.0.1", port=port)
    serving = asyncio.create_task(serve_webhook(bot, settings, secret=SECRET, server=server))
    try:
        await bot_api.wait_for("setWebhook", timeout=10)
        while not server.started:
            await asyncio.sleep(0.02)
        body = message_update(chat_id, "hello")
        async with httpx.AsyncClient(timeout=10) as http:
            missing = await http.post(settings.url, json=body)
            wrong = await http.post(settings.url, json=body, headers={SECRET_HEADER: "guess"})
            garbage = await http.post(settings.url, content=b"{", headers={SECRET_HEADER: SECRET})
            right = await http.post(settings.url, json=body, headers={SECRET_HEADER: SECRET})
            health = await http.get(f"http://127.0.0.1:{port}{HEALTH_PATH}")
        assert (missing.status_code, wrong.status_code) == (403, 403)
        assert garbage.status_code == 400
        assert right.status_code == 200 and health.status_code == 200
        await bot_api.wait_for("sendMessage")
        await asyncio.sleep(0.2)  # would a rejected update have been answered too?
        assert bot_api.sent_texts() == [RASA_DOWN]  # exactly one update got through
    finally:
        server.should_exit = True
        await asyncio.wait_for(serving, timeout=10)
    [registered] = bot_api.calls("setWebhook")
    assert registered.params["url"] == settings.url
    assert registered.params["secret_token"] == SECRET
    [commands] = bot_api.calls("setMyCommands")
    assert [c["command"] for c in commands.params["commands"]] == [c.command for c in COMMANDS]


async def test_python_m_bot_telegram_polls_until_interrupted(
    bot_api: BotApiStandIn, closed_port_url: str, chat_id: int
) -> None:
    env = {
        **os.environ,
        "CREDWISE_TELEGRAM_BOT_TOKEN": TOKEN,
        "CREDWISE_TELEGRAM_BASE_URL": bot_api.url,
        "CREDWISE_TELEGRAM_MODE": "polling",
        "CREDWISE_RASA_URL": closed_port_url,
    }
    bot_api.push(message_update(chat_id, "hello"))
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.telegram"],
        cwd=REPO_ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        await bot_api.wait_for("sendMessage", timeout=30)
    finally:
        process.send_signal(signal.SIGINT)
        _, log = process.communicate(timeout=30)
    assert process.returncode == 0, log
    assert bot_api.sent_texts() == [RASA_DOWN]
    assert bot_api.calls("setMyCommands")  # the command menu is filled at start-up
    assert TOKEN not in log  # request URLs carry the token; they must not reach the log
