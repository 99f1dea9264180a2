"""The two Rasa calls the widget needs: one turn over REST, and a conversation's tracker.

The browser never talks to Rasa: the web app does, so Rasa can stay on localhost and
its HTTP API token never reaches a page. Every failure (refused, timed out, an error
status, a body that is not JSON) becomes :class:`RasaUnavailableError`, which the routes
turn into one friendly 503.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from bot.settings import BotSettings
from bot.widget.messages import SHOWN_KEY

TURN_TIMEOUT_SECONDS = 90.0  # the first recommendation of a fresh action server is slow
HISTORY_TIMEOUT_SECONDS = 15.0
CONNECT_TIMEOUT_SECONDS = 5.0


class RasaUnavailableError(Exception):
    """Rasa could not be reached or did not answer properly."""


def _params(settings: BotSettings) -> dict[str, str]:
    return {"token": settings.rasa_auth_token} if settings.rasa_auth_token else {}


async def _request(
    settings: BotSettings,
    method: str,
    path: str,
    timeout: float,
    json: Any = None,
    params: dict[str, str] | None = None,
) -> Any:
    url = settings.rasa_url.rstrip("/") + path
    limits = httpx.Timeout(timeout, connect=CONNECT_TIMEOUT_SECONDS)
    query = {**(params or {}), **_params(settings)}
    try:
        async with httpx.AsyncClient(timeout=limits) as client:
            response = await client.request(method, url, params=query, json=json)
            response.raise_for_status()
            return response.json()
    except (httpx.HTTPError, ValueError) as error:  # ValueError: the body is not JSON
        raise RasaUnavailableError(f"{method} {path}: {error!r}") from error


async def send(settings: BotSettings, sender: str, message: str, shown: str | None = None) -> Any:
    """One learner message to the REST channel; Rasa's list of bot messages.

    ``shown`` (a pressed button's title) is kept in the event's metadata, so a restored
    conversation shows what the learner saw, not the payload that was sent.
    """
    body: dict[str, Any] = {"sender": sender, "message": message}
    if shown is not None:
        body["metadata"] = {SHOWN_KEY: shown}
    return await _request(settings, "POST", "/webhooks/rest/webhook", TURN_TIMEOUT_SECONDS, body)


@dataclass(frozen=True)
class Tracker:
    """What the widget needs of a conversation's tracker."""

    events: Any  # Rasa's event list, checked by bot.widget.messages
    paused: bool  # handed over to an advisor: the bot stays quiet until they resume it


async def tracker(settings: BotSettings, sender: str, *, with_events: bool = True) -> Tracker:
    """A conversation's events since its last restart (none for an unknown sender) and
    whether it is paused; without events the answer is small, for a cheap status check."""
    params = None if with_events else {"include_events": "NONE"}
    path = f"/conversations/{sender}/tracker"
    found = await _request(settings, "GET", path, HISTORY_TIMEOUT_SECONDS, params=params)
    if not isinstance(found, dict):
        raise RasaUnavailableError(f"GET {path}: not a tracker")
    return Tracker(events=found.get("events") or [], paused=found.get("paused") is True)
