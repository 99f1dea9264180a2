"""The corpus through the real Telegram bot, the Bot API stand-in and the real Rasa.

Every corpus message is an update from its own chat and must get a friendly
``sendMessage`` (never the apology of the error handler, never silence); malformed
webhook bodies get a 4xx and reach no handler; a thousand updates from one learner
are cut off after a short burst while another learner is answered.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random

import httpx
import pytest
from telegram import Update

from addons.blank import PLEASE_TYPE
from bot.telegram.app import WebhookSettings, serve_webhook
from bot.telegram.handlers import RASA_DOWN, RATE_LIMITED, SOMETHING_WENT_WRONG, sender_id
from bot.telegram.rate_limit import RateLimiter
from bot.telegram.webhook import SECRET_HEADER, webhook_server
from tests.badinput.conftest import api_token
from tests.badinput.corpus import BLANK, FLOOD_MESSAGES, MALFORMED, MESSAGES, OVERSIZED
from tests.stack import Stack, free_port
from tests.telegram.bot_api import BotApiStandIn, deliver, message_update
from tests.telegram.conftest import MakeBot

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

SECRET = "bad-input-secret"
FLOOD_CAPACITY = 5
UNFRIENDLY = {SOMETHING_WENT_WRONG, RASA_DOWN}


def new_chat() -> int:
    """A chat no other test uses (the Rasa stack is shared by the session)."""
    return random.randrange(10**8, 10**9)


def texts_to(bot_api: BotApiStandIn, chat_id: int) -> list[str]:
    """What the bot sent to one chat."""
    return [
        str(c.params["text"])
        for c in bot_api.calls("sendMessage")
        if c.params["chat_id"] == chat_id
    ]


def user_turns(stack: Stack, chat_id: int) -> list[str]:
    """What Rasa heard from a chat, restarts included (a corpus text may ask for one)."""
    url = f"{stack.rasa_url}/conversations/{sender_id(chat_id)}/tracker"
    params = {"include_events": "ALL", **api_token(stack)}
    response = httpx.get(url, params=params, timeout=30)
    response.raise_for_status()
    return [str(e["text"]) for e in response.json()["events"] if e["event"] == "user"]


def assert_no_errors_logged(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing was logged at ERROR or with a traceback."""
    bad = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not bad, bad


async def test_every_corpus_message_gets_a_friendly_reply(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    bot = await make_bot(stack.rasa_url)
    chats = {message.id: new_chat() for message in [*MESSAGES, OVERSIZED]}
    for message in [*MESSAGES, OVERSIZED]:
        await deliver(bot, message_update(chats[message.id], message.text))
    for message in [*MESSAGES, OVERSIZED]:
        texts = texts_to(bot_api, chats[message.id])
        assert texts, f"{message.id}: no reply"
        assert not UNFRIENDLY & set(texts), f"{message.id}: {texts}"
        assert all(text.strip() for text in texts)
        # Relayed intact (Rasa strips surrounding blanks off what it stores).
        assert user_turns(stack, chats[message.id]) == [message.text.strip()]
    assert_no_errors_logged(caplog)


async def test_a_blank_message_is_asked_to_be_typed_without_troubling_rasa(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await make_bot(stack.rasa_url)
    for message in BLANK:
        chat_id = new_chat()
        await deliver(bot, message_update(chat_id, message.text))
        texts = texts_to(bot_api, chat_id)
        # "" has no text at all for Telegram: it reads as a non-text message.
        expected = "I can only read text messages" if not message.text else PLEASE_TYPE
        assert len(texts) == 1 and expected in texts[0], (message.id, texts)
        assert user_turns(stack, chat_id) == []
    assert_no_errors_logged(caplog)


async def test_malformed_webhook_bodies_are_4xx_and_reach_no_handler(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await make_bot(stack.rasa_url)
    port = free_port()
    settings = WebhookSettings(url=f"http://127.0.0.1:{port}/telegram", port=port)
    assert settings.url is not None
    server = webhook_server(bot, url=settings.url, secret=SECRET, listen="127.0.0.1", port=port)
    serving = asyncio.create_task(serve_webhook(bot, settings, secret=SECRET, server=server))
    not_updates = [
        b"{}",
        b'{"update_id": 1, "message": "hi"}',
        b'{"update_id": 1, "message": {}}',
        json.dumps({"update_id": 2, "message": {"chat": None}}).encode(),
        b'{"update_id": 1, "callback_query": 7}',
    ]
    bodies = [request.body for request in MALFORMED if request.web_status == 400] + not_updates
    chat_id = new_chat()
    try:
        await bot_api.wait_for("setWebhook", timeout=10)
        while not server.started:
            await asyncio.sleep(0.02)
        async with httpx.AsyncClient(timeout=30) as http:
            headers = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
            statuses = [
                (await http.post(settings.url, content=body, headers=headers)).status_code
                for body in bodies
            ]
            huge = await http.post(
                settings.url, content=b"{" + b" " * 2_000_000 + b"}", headers=headers
            )
            plain = await http.post(  # a well-formed update, whatever the content type says
                settings.url,
                content=json.dumps(message_update(chat_id, "hello")).encode(),
                headers={SECRET_HEADER: SECRET, "Content-Type": "text/plain"},
            )
        assert statuses == [400] * len(bodies)
        assert huge.status_code == 413
        assert plain.status_code == 200
        await bot_api.wait_for("sendMessage", timeout=60)
        await asyncio.sleep(0.3)  # would a refused body have been answered too?
        assert {call.params["chat_id"] for call in bot_api.calls("sendMessage")} == {chat_id}
    finally:
        server.should_exit = True
        await asyncio.wait_for(serving, timeout=10)
    assert_no_errors_logged(caplog)


async def test_a_flood_of_1000_updates_is_cut_off_and_another_learner_is_answered(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await make_bot(stack.rasa_url, RateLimiter(capacity=FLOOD_CAPACITY, period=60))
    flooder, learner = new_chat(), new_chat()
    updates = [message_update(flooder, f"hi {n}") for n in range(FLOOD_MESSAGES)]
    updates.insert(FLOOD_MESSAGES // 2, message_update(learner, "hello"))
    # All at once, as the application does with concurrent updates.
    await asyncio.gather(
        *(bot.process_update(Update.de_json(update, bot.bot)) for update in updates)
    )
    heard = user_turns(stack, flooder)
    assert len(heard) == FLOOD_CAPACITY and all(text.startswith("hi ") for text in heard)
    flooded = texts_to(bot_api, flooder)
    assert flooded.count(RATE_LIMITED) == 1  # one notice, then silence: no reply flood
    assert len(flooded) <= FLOOD_CAPACITY * 3 + 1  # the admitted turns' replies and the notice
    answered = texts_to(bot_api, learner)
    assert answered and RATE_LIMITED not in answered and not UNFRIENDLY & set(answered)
    assert user_turns(stack, learner) == ["hello"]
    assert_no_errors_logged(caplog)
