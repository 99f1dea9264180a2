"""The webhook receiver: Telegram POSTs updates here instead of the bot polling for them.

python-telegram-bot's own ``run_webhook`` needs tornado, which Credwise does not install;
the web stack it already has (Starlette, uvicorn) serves this one route instead. Every
request must carry the secret given to ``setWebhook``: Telegram sends it in a header, and
without it anyone who finds the URL could talk to the advisor as any chat.
"""

from __future__ import annotations

import hmac
import json
import logging
from urllib.parse import urlsplit

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 1_000_000  # an update is a few kilobytes; refuse anything absurd
HEALTH_PATH = "/healthz"


def webhook_app(application: Application, secret: str, path: str) -> Starlette:
    """A Starlette app that queues authenticated updates for ``application``."""
    expected = secret.encode()

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            logger.warning("webhook call without the right secret token from %s", request.client)
            return PlainTextResponse("forbidden", status_code=403)
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return PlainTextResponse("too large", status_code=413)
        try:
            update = Update.de_json(json.loads(body), application.bot)
        except Exception as error:  # malformed JSON or not an update: Telegram never sends either
            # The caller's fault, not the bot's: one line, no traceback in the log.
            problem = f"{type(error).__name__}: {error}"[:200]
            logger.warning("webhook body is not a Telegram update (%s)", problem)
            return PlainTextResponse("bad update", status_code=400)
        await application.update_queue.put(update)
        return Response(status_code=200)

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(
        routes=[
            Route(path, receive, methods=["POST"]),
            Route(HEALTH_PATH, health, methods=["GET"]),
        ]
    )


def webhook_server(
    application: Application,
    *,
    url: str,
    secret: str,
    listen: str,
    port: int,
) -> uvicorn.Server:
    """A uvicorn server for the webhook, listening on the path of the public ``url``."""
    path = urlsplit(url).path or "/"
    config = uvicorn.Config(
        webhook_app(application, secret, path),
        host=listen,
        port=port,
        log_level="warning",
        lifespan="off",
    )
    return uvicorn.Server(config)
