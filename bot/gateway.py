"""The one way any channel, benchmark or tool talks to Rasa.

Every caller gets the same behaviour, so a fault looks the same from the widget, from
Telegram and from the console:

- one pooled ``httpx.AsyncClient`` per gateway, made on first use and closed by
  :meth:`RasaGateway.aclose` (the web app and the Telegram bot call it on shutdown);
- a 5-second connect timeout, and a turn timeout long enough for the first
  recommendation of a fresh action server (the API calls get a shorter one);
- retries only for requests that certainly never reached Rasa (no connection was
  made): a turn that timed out or failed after it was sent may have been processed,
  and sending it again would make the advisor answer the same message twice;
- one error, :class:`RasaUnavailableError`, for every failure, with the HTTP status
  when Rasa did answer;
- replies parsed into typed messages (:mod:`bot.messages`).

The REST channel (``/webhooks/rest/webhook``) needs no token; the HTTP API
(``/conversations/…``) gets Rasa's token as the ``token`` query parameter.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

from bot.messages import Message, from_reply
from bot.settings import BotSettings

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/rest/webhook"
CONNECT_TIMEOUT_SECONDS = 5.0
TURN_TIMEOUT_SECONDS = 90.0  # the first recommendation of a fresh action server is slow
API_TIMEOUT_SECONDS = 15.0  # reading a tracker, appending events
ATTEMPTS = 3
BACKOFF_SECONDS = 0.5  # 0.5 s, then 1 s: a restarting Rasa is back within seconds or not
PATH_SAFE = "/:@-._~!$&'()*+,;="  # RFC 3986 pchar, sent unencoded

# Failures where the request certainly never reached Rasa, so sending it again is safe.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class RasaUnavailableError(Exception):
    """Rasa could not be reached, or did not answer properly.

    ``status`` is the HTTP status Rasa answered with (None when no answer came) and
    ``detail`` the reason it gave in a JSON ``{"error": …}`` body, if any: a 4xx from
    the REST channel names what was wrong with the message.
    """

    def __init__(self, message: str, *, status: int | None = None, detail: str | None = None):
        super().__init__(message)
        self.status = status
        self.detail = detail


@dataclass(frozen=True)
class Tracker:
    """What the channels read of a conversation's tracker."""

    paused: bool  # handed over to a human advisor: the bot stays quiet until resumed
    events: list[dict[str, Any]] = field(default_factory=list)  # since the last restart
    slots: dict[str, Any] = field(default_factory=dict)


def conversation_path(sender: str, suffix: str) -> str:
    """The HTTP API path of a conversation.

    Rasa's router matches the raw path and never percent-decodes the id (its route is
    ``<conversation_id:path>``), so every character a path may carry is sent as is;
    only the rest (space, ``?``, ``#``…) is encoded, to keep the URL intact.
    """
    return f"/conversations/{quote(sender, safe=PATH_SAFE)}/{suffix}"


def _reason(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, str) and error else None


class RasaGateway:
    """Rasa's REST channel and HTTP API behind one connection pool and one policy."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        turn_timeout: float = TURN_TIMEOUT_SECONDS,
        api_timeout: float = API_TIMEOUT_SECONDS,
        connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
        attempts: int = ATTEMPTS,
        backoff: float = BACKOFF_SECONDS,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if attempts < 1:
            raise ValueError("attempts must be at least 1")
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.attempts = attempts
        self.backoff = backoff
        self._turn_timeout = httpx.Timeout(turn_timeout, connect=connect_timeout)
        self._api_timeout = httpx.Timeout(api_timeout, connect=connect_timeout)
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @classmethod
    def from_settings(cls, settings: BotSettings, **overrides: Any) -> RasaGateway:
        """The gateway to the Rasa the channel settings name."""
        options: dict[str, Any] = {
            "token": settings.rasa_auth_token,
            "turn_timeout": settings.rasa_turn_timeout_seconds,
            "connect_timeout": settings.rasa_connect_timeout_seconds,
            **overrides,
        }
        return cls(settings.rasa_url, **options)

    def _pool(self) -> httpx.AsyncClient:
        """The connection pool, made on first use in the running event loop.

        Connections belong to the loop that opened them; a caller that runs each request
        in a fresh loop (a synchronous test client) gets a fresh pool instead of a
        broken one.
        """
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop or self._client.is_closed:
            self._client = httpx.AsyncClient(base_url=self.base_url, transport=self._transport)
            self._loop = loop
        return self._client

    async def _request(
        self,
        method: str,
        path: str,
        *,
        timeout: httpx.Timeout,
        json: Any = None,
        params: dict[str, str] | None = None,
    ) -> Any:
        """Rasa's JSON answer; retried only while no connection could be made."""
        problem = ""
        for attempt in range(1, self.attempts + 1):
            try:
                response = await self._pool().request(
                    method, path, json=json, params=params, timeout=timeout
                )
            except NOT_SENT as error:
                problem = (
                    f"Rasa is not reachable at {self.base_url} ({type(error).__name__}). "
                    "Is it running with --enable-api?"
                )
            except httpx.HTTPError as error:
                raise RasaUnavailableError(
                    f"{method} {path}: Rasa did not answer ({type(error).__name__})"
                ) from error
            else:
                return self._body(method, path, response)
            if attempt < self.attempts:
                delay = self.backoff * 2 ** (attempt - 1)
                logger.warning("%s; retrying in %.1f s", problem, delay)
                await asyncio.sleep(delay)
        raise RasaUnavailableError(f"{problem} (after {self.attempts} attempts)")

    def _body(self, method: str, path: str, response: httpx.Response) -> Any:
        status = response.status_code
        if response.is_error:
            hint = " (check the Rasa auth token)" if status in (401, 403) else ""
            raise RasaUnavailableError(
                f"{method} {path}: Rasa answered {status} at {self.base_url}{hint}",
                status=status,
                detail=_reason(response),
            )
        try:
            return response.json()
        except ValueError as error:
            raise RasaUnavailableError(
                f"{method} {path}: Rasa answered with something that is not JSON", status=status
            ) from error

    def _api_params(self, **extra: str) -> dict[str, str]:
        return {**extra, "token": self.token} if self.token else extra

    async def turn_json(
        self, sender: str, text: str, metadata: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """One learner message; Rasa's reply as it came (a list of objects).

        For the few callers that examine the wire format itself; channels use :meth:`turn`.
        """
        body: dict[str, Any] = {"sender": sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        reply = await self._request("POST", WEBHOOK_PATH, timeout=self._turn_timeout, json=body)
        if not isinstance(reply, list) or not all(isinstance(item, dict) for item in reply):
            raise RasaUnavailableError(
                "Rasa answered the turn with something that is not a message list", status=200
            )
        return reply

    async def turn(
        self, sender: str, text: str, metadata: dict[str, Any] | None = None
    ) -> list[Message]:
        """One learner message; the advisor's answer (empty when it stays quiet).

        ``metadata`` is stored with the user event (the widget keeps a pressed button's
        title there, so a restored conversation shows what the learner saw).
        """
        return from_reply(await self.turn_json(sender, text, metadata))

    async def tracker_json(self, sender: str, *, events: bool = True) -> dict[str, Any]:
        """The conversation's tracker as Rasa sends it; without events it is small and cheap."""
        params = self._api_params() if events else self._api_params(include_events="NONE")
        path = conversation_path(sender, "tracker")
        found = await self._request("GET", path, timeout=self._api_timeout, params=params)
        if not isinstance(found, dict):
            raise RasaUnavailableError(f"GET {path}: not a tracker", status=200)
        return found

    async def tracker(self, sender: str, *, events: bool = True) -> Tracker:
        """Whether the conversation is paused, its slots and (by default) its events."""
        found = await self.tracker_json(sender, events=events)
        raw_events = found.get("events")
        raw_slots = found.get("slots")
        return Tracker(
            paused=found.get("paused") is True,
            events=[e for e in raw_events if isinstance(e, dict)]
            if isinstance(raw_events, list)
            else [],
            slots=raw_slots if isinstance(raw_slots, dict) else {},
        )

    async def paused(self, sender: str) -> bool | None:
        """Whether the conversation waits for a human advisor; None when that is unknown."""
        try:
            return (await self.tracker(sender, events=False)).paused
        except RasaUnavailableError as error:
            logger.warning("cannot read the tracker of %s: %s", sender, error)
            return None

    async def append_events(self, sender: str, events: list[dict[str, Any]]) -> None:
        """Append events to the conversation, in order, in one request (an advisor's reply,
        a resume). Not retried once sent: appending twice would say it twice."""
        path = conversation_path(sender, "tracker/events")
        params = self._api_params()
        await self._request("POST", path, timeout=self._api_timeout, json=events, params=params)

    async def aclose(self) -> None:
        """Close the connection pool (the application's shutdown calls this)."""
        if self._client is not None:
            await self._client.aclose()
            self._client = None
