"""Settings of the channel processes (web app, Telegram bot), from the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.settings import REPO_ROOT


class BotSettings(BaseSettings):
    """Where Rasa is, who may call the web app, and the channels' secrets."""

    model_config = SettingsConfigDict(env_prefix="CREDWISE_", env_file=".env", extra="ignore")

    rasa_url: str = "http://127.0.0.1:5005"
    rasa_auth_token: str | None = None  # also read as RASA_AUTH_TOKEN, see below
    # bot.gateway: a turn may take a first recommendation's search; a connection not
    # made within seconds means Rasa is down, not busy.
    rasa_turn_timeout_seconds: float = Field(default=90.0, gt=0)
    rasa_connect_timeout_seconds: float = Field(default=5.0, gt=0)
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    # Origins allowed to call the web app from a browser (the widget on a provider's site).
    cors_origins: list[str] = ["http://localhost:8000", "http://127.0.0.1:8000"]
    console_password: str | None = None  # the advisor console refuses logins without it
    telegram_bot_token: str | None = None
    telegram_mode: str = "polling"  # or "webhook"
    telegram_webhook_secret: str | None = None
    telegram_base_url: str | None = None  # a Bot API stand-in for tests
    handoff_db_path: Path = REPO_ROOT / "data" / "advisor.db"
    # /api/chat rate limits (bot.widget.rate_limit): messages per period, per conversation
    # and per client IP; 0 turns a limit off.
    chat_limit_per_sender: int = Field(default=20, ge=0)
    chat_limit_per_client: int = Field(default=120, ge=0)
    chat_limit_period_seconds: float = Field(default=60.0, gt=0)
    labels_db_path: Path = REPO_ROOT / "data" / "labels.db"

    @field_validator("rasa_auth_token", "console_password", "telegram_bot_token", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return value or None


@lru_cache(maxsize=1)
def get_bot_settings() -> BotSettings:
    """The process-wide settings (RASA_AUTH_TOKEN is honoured as the Rasa token too)."""
    import os

    settings = BotSettings()
    if settings.rasa_auth_token is None and os.environ.get("RASA_AUTH_TOKEN"):
        settings = settings.model_copy(update={"rasa_auth_token": os.environ["RASA_AUTH_TOKEN"]})
    return settings
