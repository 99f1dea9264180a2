"""Deliver an advisor's words to a learner who talks to Credwise on Telegram.

The advisor console writes a reply into the learner's Rasa conversation, which is all a
web learner needs: the widget polls the history while the bot is paused. Telegram has
no such history to poll, so the console also sends the reply to the chat through the
Bot API. The conversation remains the record; delivery to Telegram is best effort and
its outcome is reported, never an error of the reply itself.
"""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import TelegramError

from bot.settings import BotSettings

logger = logging.getLogger(__name__)

SENDER_PREFIX = "tg-"
TELEGRAM_API = "https://api.telegram.org"  # or a Bot API stand-in (telegram_base_url)


def sender_id(chat_id: int) -> str:
    """The Rasa conversation of a Telegram chat."""
    return f"{SENDER_PREFIX}{chat_id}"


def chat_of(sender: str) -> int | None:
    """The Telegram chat behind a conversation id, or None for any other channel's."""
    if not sender.startswith(SENDER_PREFIX):
        return None
    try:
        return int(sender[len(SENDER_PREFIX) :])
    except ValueError:
        return None


async def push(settings: BotSettings, sender: str, text: str) -> bool | None:
    """Send ``text`` to the Telegram chat of ``sender``.

    Returns None when there is nothing to do (another channel, or Telegram is off),
    True once Telegram accepted the message, False when it could not be delivered.
    """
    chat = chat_of(sender)
    if chat is None or not settings.telegram_bot_token:
        return None
    root = (settings.telegram_base_url or TELEGRAM_API).rstrip("/")
    bot = Bot(settings.telegram_bot_token, base_url=f"{root}/bot", base_file_url=f"{root}/file/bot")
    try:
        async with bot:
            await bot.send_message(chat, text)
    except TelegramError as error:
        logger.warning("advisor reply not delivered to Telegram chat %s: %s", chat, error)
        return False
    return True
