"""Compose the web app from the channel routers. Each router lives with its channel."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from bot.settings import BotSettings, get_bot_settings


def create_app(settings: BotSettings | None = None) -> FastAPI:
    """The app with the widget (``/``, ``/widget/…``, ``/api/chat``) and console (``/console``)."""
    settings = settings or get_bot_settings()
    app = FastAPI(title="Credwise", docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type", "Authorization"],
    )
    from bot.widget.routes import router as widget_router

    app.include_router(widget_router)
    from bot.console.routes import router as console_router

    app.include_router(console_router)

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
