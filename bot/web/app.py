"""Compose the web app from the channel routers. Each router lives with its channel."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from bot.gateway import RasaGateway
from bot.settings import BotSettings, get_bot_settings


def create_app(settings: BotSettings | None = None) -> FastAPI:
    """The app with the widget (``/``, ``/widget/…``, ``/api/chat``) and console (``/console``).

    The widget and the console share one Rasa gateway (``app.state.rasa``), so the whole
    process keeps one pool of connections to Rasa, closed when the app shuts down.
    """
    settings = settings or get_bot_settings()
    rasa = RasaGateway.from_settings(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await rasa.aclose()

    app = FastAPI(title="Credwise", docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.rasa = rasa
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
