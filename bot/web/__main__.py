"""``python -m bot.web``: serve the web app (widget demo on /, console on /console)."""

from __future__ import annotations

import uvicorn

from bot.settings import get_bot_settings
from bot.web.app import create_app


def main() -> None:
    """Run uvicorn on the configured host and port."""
    settings = get_bot_settings()
    uvicorn.run(
        create_app(settings), host=settings.web_host, port=settings.web_port, log_level="info"
    )


if __name__ == "__main__":
    main()
