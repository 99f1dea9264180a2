"""``python -m bot.telegram``: run the Telegram bot (exits 0 at once when no token is set)."""

from __future__ import annotations

import logging

from bot.settings import get_bot_settings
from bot.telegram.app import run


def main() -> int:
    """Log to stderr and run the bot with the settings from the environment and .env."""
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO
    )
    # httpx logs every request URL at INFO, and a Bot API URL contains the bot's token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return run(get_bot_settings())


if __name__ == "__main__":
    raise SystemExit(main())
