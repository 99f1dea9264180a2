"""The Rasa gateway for code without an event loop: the terminal chat, benchmarks, test helpers.

Such code is a plain loop over ``input()`` or a thread pool, so it gets blocking calls.
They run on the gateway's own event loop in one background thread, which keeps the
single connection pool and the single retry policy of :mod:`bot.gateway`, and lets any
number of threads share it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from types import TracebackType
from typing import Any, TypeVar

from bot.gateway import RasaGateway, Tracker
from bot.messages import Message

T = TypeVar("T")


class BlockingGateway:
    """:class:`RasaGateway`'s calls, each waiting for its answer."""

    def __init__(self, gateway: RasaGateway) -> None:
        self.gateway = gateway
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="rasa-gateway", daemon=True
        )
        self._thread.start()

    def _run(self, call: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(call, self._loop).result()

    def turn(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[Message]:
        """One learner message; the advisor's answer."""
        return self._run(self.gateway.turn(sender, text, metadata))

    def turn_json(
        self, sender: str, text: str, metadata: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """One learner message; Rasa's reply as it came."""
        return self._run(self.gateway.turn_json(sender, text, metadata))

    def tracker(self, sender: str, *, events: bool = True) -> Tracker:
        """The conversation's tracker."""
        return self._run(self.gateway.tracker(sender, events=events))

    def tracker_json(self, sender: str, *, events: bool = True) -> dict[str, Any]:
        """The conversation's tracker as Rasa sends it."""
        return self._run(self.gateway.tracker_json(sender, events=events))

    def append_events(self, sender: str, events: list[dict[str, Any]]) -> None:
        """Append events to the conversation."""
        self._run(self.gateway.append_events(sender, events))

    def close(self) -> None:
        """Close the connection pool and stop the loop's thread."""
        if self._loop.is_closed():
            return
        self._run(self.gateway.aclose())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    def __enter__(self) -> BlockingGateway:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
