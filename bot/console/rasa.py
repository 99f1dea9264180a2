"""Talk to a conversation through Rasa's HTTP API (the server runs with ``--enable-api``).

The advisor's words become ``bot`` events in the learner's tracker, so every channel
that shows the tracker's history shows them, and Rasa's policies see them as context
once the bot resumes. Failures are split in two: Rasa unreachable (the console
answers 503, try again later) and Rasa refusing (502, a configuration problem such
as a wrong token).
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import quote

import httpx

TIMEOUT_SECONDS = 10.0
PATH_SAFE = "/:@-._~!$&'()*+,;="  # RFC 3986 pchar, sent unencoded
ADVISOR_SOURCE = "advisor_console"  # in the event's metadata, so channels can style it
RESUME_MESSAGE = (
    "You're back with Credwise, the course advisor. Ask me about courses whenever you "
    "like, or say “restart” to begin again."
)


class RasaUnavailableError(RuntimeError):
    """Rasa did not answer (down, restarting, or the URL is wrong)."""


class RasaRefusedError(RuntimeError):
    """Rasa answered with an error status."""


def advisor_text(advisor: str, text: str) -> str:
    """The advisor's message as the learner reads it: who is writing, then the words."""
    return f"{advisor}: {text.strip()}"


def advisor_event(advisor: str, text: str, now: float | None = None) -> dict[str, Any]:
    """A ``bot`` event carrying an advisor's reply."""
    return {
        "event": "bot",
        "text": advisor_text(advisor, text),
        "timestamp": time.time() if now is None else now,
        "metadata": {"source": ADVISOR_SOURCE, "advisor": advisor},
    }


class RasaClient:
    """The few calls of Rasa's HTTP API the console needs."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._transport = transport
        self._timeout = timeout

    def url(self, sender_id: str, suffix: str) -> str:
        """The conversation's API URL (the token, when set, goes in ``params``).

        Rasa's router matches the raw path and never percent-decodes the id (its route
        is ``<conversation_id:path>``), so every character a path may carry is sent as
        is; only the rest (space, ``?``, ``#``…) is encoded, to keep the URL intact.
        """
        return f"{self.base_url}/conversations/{quote(sender_id, safe=PATH_SAFE)}/{suffix}"

    def _params(self) -> dict[str, str]:
        return {"token": self.token} if self.token else {}

    async def _request(self, method: str, url: str, **kwargs: Any) -> Any:
        try:
            async with httpx.AsyncClient(
                transport=self._transport, timeout=self._timeout
            ) as client:
                response = await client.request(method, url, params=self._params(), **kwargs)
        except httpx.TransportError as error:
            raise RasaUnavailableError(
                f"Rasa is not reachable at {self.base_url} ({type(error).__name__}). "
                "Is it running with --enable-api?"
            ) from error
        if response.status_code >= 400:
            raise RasaRefusedError(
                f"Rasa answered {response.status_code} at {self.base_url}"
                + (" (check the Rasa auth token)" if response.status_code in (401, 403) else "")
            )
        return response.json()

    async def append_events(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Append events to the conversation, in order, in one request."""
        await self._request("POST", self.url(sender_id, "tracker/events"), json=events)

    async def tracker(self, sender_id: str) -> dict[str, Any]:
        """The conversation's tracker with all its events."""
        tracker = await self._request("GET", self.url(sender_id, "tracker"))
        return tracker if isinstance(tracker, dict) else {}
