"""Fixtures for the Telegram channel: a local Bot API, the real Rasa stack, the real bot."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Awaitable
from typing import Protocol

import pytest
from telegram.ext import Application

from bot.gateway import RasaGateway
from bot.settings import BotSettings
from bot.telegram.app import build_application
from bot.telegram.handlers import TelegramChannel
from bot.telegram.rate_limit import RateLimiter
from tests.stack import free_port
from tests.telegram.bot_api import TOKEN, BotApiStandIn


class MakeBot(Protocol):
    """Build and initialise the bot, talking to Rasa at ``rasa_url``."""

    def __call__(
        self, rasa_url: str, limiter: RateLimiter | None = None, auth_token: str | None = None
    ) -> Awaitable[Application]: ...


@pytest.fixture
def chat_id() -> int:
    """A chat no other test uses: the Rasa stack is shared by the whole session."""
    return random.randrange(10**8, 10**9)


@pytest.fixture
def closed_port_url() -> str:
    """A Rasa URL nothing listens on."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture
async def make_bot(bot_api: BotApiStandIn) -> AsyncIterator[MakeBot]:
    """Build the real application against the stand-in and initialise it (getMe)."""
    built: list[tuple[Application, TelegramChannel]] = []

    async def make(
        rasa_url: str, limiter: RateLimiter | None = None, auth_token: str | None = None
    ) -> Application:
        settings = BotSettings(
            rasa_url=rasa_url, telegram_bot_token=TOKEN, telegram_base_url=bot_api.url
        )
        # Short backoff: a test of "Rasa is down" should not sit through real retry delays.
        client = RasaGateway(rasa_url, token=auth_token, backoff=0.05)
        channel = TelegramChannel(client, limiter=limiter)
        application = build_application(settings, channel)
        await application.initialize()
        built.append((application, channel))
        return application

    yield make
    for application, channel in built:
        if application.running:
            await application.stop()
        await application.shutdown()
        await channel.rasa.aclose()
