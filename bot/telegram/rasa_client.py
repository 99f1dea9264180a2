"""Talk to Rasa's REST channel, retrying only when a retry cannot answer a turn twice.

A connection that was never made (Rasa restarting, not up yet) and a 5xx answer are
retried with exponential backoff. A read timeout is not: Rasa may already have taken
the turn, and sending it again would make the advisor answer the same message twice.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/rest/webhook"
DEFAULT_TIMEOUT_SECONDS = 60.0  # a recommendation turn searches the catalog; give it time
CONNECT_TIMEOUT_SECONDS = 5.0
DEFAULT_ATTEMPTS = 3
DEFAULT_BACKOFF_SECONDS = 0.5  # 0.5 s, then 1 s: Rasa restarting is back within seconds or not

RasaMessage = dict[str, Any]
# Rasa's text for a user event it triggered itself, such as a reminder firing.
EXTERNAL_PREFIX = "EXTERNAL: "

# Failures where the request certainly never reached Rasa, so sending it again is safe.
_NOT_DELIVERED = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class RasaUnavailableError(Exception):
    """Rasa did not answer a turn (down, overloaded or misconfigured) after every retry."""


class RasaClient:
    """One async HTTP client per process, shared by every chat."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        attempts: int = DEFAULT_ATTEMPTS,
        backoff: float = DEFAULT_BACKOFF_SECONDS,
        transport: httpx.AsyncBaseTransport | None = None,
        auth_token: str | None = None,
    ) -> None:
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.base_url = base_url.rstrip("/")
        self.attempts = attempts
        self.backoff = backoff
        self._api_params = {"token": auth_token} if auth_token else {}  # HTTP API only
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT_SECONDS),
            transport=transport,
        )

    async def send(self, sender: str, message: str) -> list[RasaMessage]:
        """One learner turn; returns the bot's messages (an empty list when it stays quiet).

        Raises:
            RasaUnavailableError: no usable answer after ``attempts`` tries.
        """
        body = {"sender": sender, "message": message}
        for attempt in range(1, self.attempts + 1):
            try:
                response = await self._client.post(WEBHOOK_PATH, json=body)
            except _NOT_DELIVERED as error:
                problem = f"cannot connect to Rasa at {self.base_url}: {error!r}"
            except httpx.HTTPError as error:
                raise RasaUnavailableError(f"Rasa did not answer: {error!r}") from error
            else:
                if response.status_code < 500:
                    return _messages(response)
                problem = f"Rasa answered HTTP {response.status_code}"
            if attempt < self.attempts:
                delay = self.backoff * 2 ** (attempt - 1)
                logger.warning("%s; retrying in %.1f s", problem, delay)
                await asyncio.sleep(delay)
        raise RasaUnavailableError(f"{problem} (after {self.attempts} attempts)")

    async def paused(self, sender: str) -> bool | None:
        """Whether the conversation is handed over to a human advisor; None when unknown.

        A paused conversation answers with silence on purpose, so an empty turn is taken
        for a fault unless this says True. One try, no retry: it only decides on an apology.
        """
        params = {**self._api_params, "include_events": "NONE"}
        try:
            response = await self._client.get(f"/conversations/{sender}/tracker", params=params)
            response.raise_for_status()
            tracker = response.json()
        except (httpx.HTTPError, ValueError) as error:
            logger.warning("cannot read the tracker of %s: %r", sender, error)
            return None
        return tracker.get("paused") is True if isinstance(tracker, dict) else None

    async def reminder_messages(self, sender: str, since: float) -> list[RasaMessage] | None:
        """What the advisor said when a reminder fired after ``since`` (a Unix time).

        None when the tracker cannot be read; an empty list when no reminder has fired
        since then. The messages have the REST channel's shape (text, buttons, custom).
        """
        try:
            response = await self._client.get(
                f"/conversations/{sender}/tracker", params=self._api_params
            )
            response.raise_for_status()
            events = response.json().get("events") or []
        except (httpx.HTTPError, ValueError, AttributeError) as error:
            logger.warning("cannot read the tracker of %s: %r", sender, error)
            return None
        messages: list[RasaMessage] = []
        collecting = False
        for event in events:
            if not isinstance(event, dict):
                continue
            if event.get("event") == "user":
                fired = str(event.get("text") or "").startswith(EXTERNAL_PREFIX)
                collecting = fired and float(event.get("timestamp") or 0) >= since
                if collecting:
                    messages = []  # the latest reminder only
            elif collecting and event.get("event") == "bot":
                raw_data = event.get("data")
                data: dict[str, Any] = raw_data if isinstance(raw_data, dict) else {}
                message: RasaMessage = {"recipient_id": sender}
                if event.get("text"):
                    message["text"] = event["text"]
                for key in ("buttons", "custom"):
                    if data.get(key):
                        message[key] = data[key]
                messages.append(message)
        return messages

    async def aclose(self) -> None:
        """Close the connection pool (the application's shutdown calls this)."""
        await self._client.aclose()


def _messages(response: httpx.Response) -> list[RasaMessage]:
    """The reply body, checked: a 4xx or a body that is not a list of objects is unusable."""
    if response.is_error:
        raise RasaUnavailableError(f"Rasa refused the turn: HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError as error:
        raise RasaUnavailableError("Rasa answered with something that is not JSON") from error
    if not isinstance(body, list) or not all(isinstance(item, dict) for item in body):
        raise RasaUnavailableError("Rasa answered with something that is not a message list")
    return body
