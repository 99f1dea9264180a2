"""Starting the bot: off without a token, refusing an unsafe webhook, the command menu."""

from __future__ import annotations

import logging

import pytest

from bot.settings import BotSettings
from bot.telegram.app import TELEGRAM_OFF, WebhookSettings, run, settings_problem
from tests.telegram.bot_api import TOKEN

WEBHOOK = WebhookSettings(url="https://credwise.example.org/telegram")


def settings(**fields: object) -> BotSettings:
    """Settings as given, whatever the environment running the tests says."""
    values: dict[str, object] = {"telegram_bot_token": None, "telegram_mode": "polling"}
    return BotSettings(**{**values, **fields})  # type: ignore[arg-type]


def test_without_a_token_the_bot_says_so_in_one_line_and_exits_0(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    assert run(settings(telegram_bot_token="")) == 0
    assert [record.getMessage() for record in caplog.records] == [TELEGRAM_OFF]


def test_polling_needs_nothing_more_than_the_token() -> None:
    assert settings_problem(settings(telegram_bot_token=TOKEN), WebhookSettings()) is None


@pytest.mark.parametrize(
    ("fields", "webhook", "problem"),
    [
        ({"telegram_mode": "webhook"}, WEBHOOK, "needs CREDWISE_TELEGRAM_WEBHOOK_SECRET"),
        (
            {"telegram_mode": "webhook", "telegram_webhook_secret": "has spaces"},
            WEBHOOK,
            "must be 1-256 characters",
        ),
        (
            {"telegram_mode": "webhook", "telegram_webhook_secret": "s3cret"},
            WebhookSettings(url=None),
            "needs CREDWISE_TELEGRAM_WEBHOOK_URL",
        ),
        ({"telegram_mode": "carrier-pigeon"}, WEBHOOK, "must be one of polling, webhook"),
    ],
)
def test_unsafe_or_incomplete_settings_refuse_to_start(
    fields: dict[str, object],
    webhook: WebhookSettings,
    problem: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    configured = settings(telegram_bot_token=TOKEN, **fields)
    assert problem in (settings_problem(configured, webhook) or "")
    assert run(configured, webhook) == 2
    assert problem in caplog.text


def test_a_complete_webhook_configuration_is_accepted() -> None:
    configured = settings(
        telegram_bot_token=TOKEN, telegram_mode="webhook", telegram_webhook_secret="s3cret-_X"
    )
    assert settings_problem(configured, WEBHOOK) is None
