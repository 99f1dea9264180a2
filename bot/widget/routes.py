"""The widget channel's HTTP surface, included by ``bot.web.app``.

``GET /`` is a demo provider page embedding the widget with one script tag,
``GET /widget/<file>`` serves the widget's static files, and ``POST /api/chat`` and
``GET /api/history`` relay to Rasa so the browser only ever talks to this app. Both say
in an ``X-Conversation-Paused`` header whether the conversation is handed over to a
human advisor, whose replies the widget then fetches from the history.

Errors are JSON ``{"error": …}`` bodies: a 4xx status for a bad request (429 with
``Retry-After`` over a rate limit, see ``rate_limit``), 503 when Rasa cannot answer.
Nothing a browser sends can produce a 5xx of our own.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, Response

from bot.gateway import RasaGateway, RasaUnavailableError
from bot.widget import messages, rate_limit
from bot.widget.validation import InvalidRequestError, chat_request, check_sender

logger = logging.getLogger(__name__)
router = APIRouter()

STATIC_DIR = Path(__file__).resolve().parent / "static"
# Only plain file names: no separators, so no way out of STATIC_DIR.
STATIC_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.(?:js|css|html|svg)")
UNAVAILABLE = "The advisor is unavailable, please try again."
# Said when Rasa answers a turn with nothing although the bot is not paused: a custom
# action failed (Rasa 3.6 logs it and carries on without its events), typically because
# the action server is down. The turn is stored, so sending it again continues from there.
APOLOGY = "Sorry, something went wrong on my side — please send that again in a moment."
PAUSED_HEADER = "X-Conversation-Paused"
NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
STATIC_HEADERS = {"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"}
# The demo page loads everything from this app; a policy this strict would also stop
# injected markup from running script, as a second line behind the widget's textContent.
DEMO_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}


def _rasa(request: Request) -> RasaGateway:
    gateway: RasaGateway = request.app.state.rasa
    return gateway


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=NO_STORE)


@router.get("/", include_in_schema=False)
async def demo_page() -> Response:
    """A fictional provider's course page with the widget embedded, as a provider would."""
    return FileResponse(STATIC_DIR / "demo.html", media_type="text/html", headers=DEMO_HEADERS)


@router.get("/widget/{name}", include_in_schema=False)
async def static_file(name: str) -> Response:
    """The widget's script, stylesheet and the demo page's own assets."""
    path = STATIC_DIR / name
    if not STATIC_NAME.fullmatch(name) or not path.is_file():
        return _error(404, "Not found.")
    return FileResponse(path, headers=STATIC_HEADERS)


def _with_status(body: list[dict[str, Any]], paused: bool | None) -> JSONResponse:
    """The messages, and whether the conversation waits for an advisor (when known)."""
    headers = dict(NO_STORE)
    if paused is not None:
        headers[PAUSED_HEADER] = "true" if paused else "false"
        headers["Access-Control-Expose-Headers"] = PAUSED_HEADER  # readable cross-origin
    return JSONResponse(body, headers=headers)


@router.post("/api/chat")
async def chat(request: Request) -> Response:
    """Relay one learner message to Rasa; answer with the bot's messages for the widget."""
    try:
        valid = await chat_request(request)
    except InvalidRequestError as refused:
        return _error(refused.status, refused.message)
    too_many = rate_limit.refuse(request, valid.sender)  # 429 before Rasa does any work
    if too_many is not None:
        return too_many
    rasa = _rasa(request)
    # ``shown`` (a pressed button's title) goes into the user event's metadata, so a
    # restored conversation shows what the learner saw, not the payload that was sent.
    metadata = {messages.SHOWN_KEY: valid.shown} if valid.shown is not None else None
    try:
        reply = await rasa.turn(valid.sender, valid.message, metadata)
    except RasaUnavailableError as error:
        logger.warning("chat: Rasa unavailable: %s", error)
        return _error(503, UNAVAILABLE)
    # A hand-over pauses the bot: the widget then watches for the advisor's replies.
    paused = await rasa.paused(valid.sender)
    shown = messages.from_turn(reply)
    if not shown and paused is not True:  # silence that is not a hand-over: apologise
        logger.warning("chat: empty reply for %s; a custom action probably failed", valid.sender)
        shown = [{"from": "bot", "text": APOLOGY}]
    return _with_status(shown, paused)


@router.get("/api/history")
async def history(request: Request, sender: str | None = None) -> Response:
    """The conversation so far, so the widget can restore it after a reload."""
    try:
        valid_sender = check_sender(sender)
    except InvalidRequestError as refused:
        return _error(refused.status, refused.message)
    try:
        found = await _rasa(request).tracker(valid_sender)
    except RasaUnavailableError as error:
        logger.warning("history: Rasa unavailable: %s", error)
        return _error(503, UNAVAILABLE)
    return _with_status(messages.from_tracker(found.events), found.paused)
