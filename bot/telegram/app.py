"""Build the Telegram application from settings and run it by polling or by webhook.

Polling is the default because it needs nothing but the token: the bot asks Telegram
for updates, so it runs behind any firewall. Webhook mode makes Telegram POST updates to
a public HTTPS URL; it refuses to start without a secret token, since the URL is all an
impostor would need otherwise.
"""

from __future__ import annotations

import asyncio
import logging
import re

import uvicorn
from pydantic_settings import BaseSettings, SettingsConfigDict
from telegram import Update
from telegram.ext import Application, ApplicationBuilder

from bot.gateway import RasaGateway
from bot.settings import BotSettings
from bot.telegram.handlers import TelegramChannel, set_commands
from bot.telegram.webhook import webhook_server

logger = logging.getLogger(__name__)

TELEGRAM_OFF = "Telegram is off: set CREDWISE_TELEGRAM_BOT_TOKEN (see .env.example) to turn it on."
# What Telegram accepts as a webhook secret token.
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
MODES = ("polling", "webhook")


class WebhookSettings(BaseSettings):
    """Where Telegram reaches the bot in webhook mode (only that mode reads these)."""

    model_config = SettingsConfigDict(
        env_prefix="CREDWISE_TELEGRAM_WEBHOOK_", env_file=".env", extra="ignore"
    )

    url: str | None = None  # public HTTPS URL Telegram POSTs to, e.g. https://host/telegram
    listen: str = "127.0.0.1"  # behind a reverse proxy that terminates TLS
    port: int = 8443


def build_application(settings: BotSettings, channel: TelegramChannel | None = None) -> Application:
    """The application with Credwise's handlers; ``settings.telegram_base_url`` is for tests.

    ``telegram_base_url`` is the root of a Bot API server (default: Telegram's); the bot
    calls ``{root}/bot<token>/<method>`` like it would on ``https://api.telegram.org``.
    """
    if not settings.telegram_bot_token:
        raise ValueError(TELEGRAM_OFF)
    channel = channel or TelegramChannel(RasaGateway.from_settings(settings))
    rasa = channel.rasa

    async def close(application: Application) -> None:
        await channel.reminders.aclose()
        await rasa.aclose()

    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .concurrent_updates(True)
        .post_init(set_commands)
        .post_shutdown(close)
    )
    if settings.telegram_base_url:
        root = settings.telegram_base_url.rstrip("/")
        builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
    application = builder.build()
    channel.register(application)
    return application


def settings_problem(settings: BotSettings, webhook: WebhookSettings) -> str | None:
    """Why the bot cannot start with these settings, or ``None`` when it can."""
    if settings.telegram_mode not in MODES:
        return f"CREDWISE_TELEGRAM_MODE must be one of {', '.join(MODES)}"
    if settings.telegram_mode != "webhook":
        return None
    if not settings.telegram_webhook_secret:
        return "webhook mode needs CREDWISE_TELEGRAM_WEBHOOK_SECRET; refusing to start"
    if not SECRET_TOKEN.fullmatch(settings.telegram_webhook_secret):
        return "CREDWISE_TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -"
    if not webhook.url:
        return "webhook mode needs CREDWISE_TELEGRAM_WEBHOOK_URL, the public URL Telegram calls"
    return None


def run(settings: BotSettings, webhook: WebhookSettings | None = None) -> int:
    """Run the bot until interrupted; the process exit status."""
    if not settings.telegram_bot_token:
        logger.info(TELEGRAM_OFF)
        return 0
    webhook = webhook or WebhookSettings()
    problem = settings_problem(settings, webhook)
    if problem:
        logger.error(problem)
        return 2
    application = build_application(settings)
    if settings.telegram_mode == "webhook":
        assert settings.telegram_webhook_secret and webhook.url  # checked above
        asyncio.run(serve_webhook(application, webhook, secret=settings.telegram_webhook_secret))
    else:
        logger.info("Telegram bot polling for updates; Rasa at %s", settings.rasa_url)
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


async def serve_webhook(
    application: Application,
    webhook: WebhookSettings,
    *,
    secret: str,
    server: uvicorn.Server | None = None,
) -> None:
    """Register the webhook with Telegram and serve it until SIGINT/SIGTERM.

    ``server`` replaces the one built from ``webhook`` (a test stops it by ``should_exit``).
    """
    assert webhook.url
    server = server or webhook_server(
        application, url=webhook.url, secret=secret, listen=webhook.listen, port=webhook.port
    )
    async with application:
        await application.bot.set_webhook(
            webhook.url, secret_token=secret, allowed_updates=Update.ALL_TYPES
        )
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        logger.info("Telegram webhook on %s:%s", webhook.listen, webhook.port)
        try:
            await server.serve()
        finally:
            await application.stop()
            if application.post_shutdown is not None:
                await application.post_shutdown(application)
