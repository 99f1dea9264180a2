"""Rate limits on ``POST /api/chat``, so one client cannot flood Rasa for every learner.

Every turn costs Rasa (and often the action server's search) real work, while a refused
request costs almost nothing, so the limit is checked before anything is relayed. Two
token buckets guard each message and both must have a token:

- per conversation (``sender``): a learner types or presses a button every few seconds;
  a script replaying one conversation is stopped after a short burst;
- per client IP: a script rotating sender ids is stopped too. This limit is set higher,
  since learners behind one office or campus NAT share an address. Behind a reverse
  proxy the address is the proxy's unless uvicorn trusts its ``X-Forwarded-For``
  (uvicorn's ``--forwarded-allow-ips``; it trusts 127.0.0.1 by default).

A refused message gets 429 with a JSON error the widget shows and a ``Retry-After``
header. A refused message takes no token, so a flood ends as soon as it stops. Memory
stays bounded: at most ``MAX_TRACKED_KEYS`` buckets, the least recently used forgotten.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from fastapi.responses import JSONResponse
from starlette.requests import Request

from bot.settings import BotSettings

MAX_TRACKED_KEYS = 20_000
TOO_MANY = "You're sending messages too quickly. Please wait a moment and try again."
STATE_ATTRIBUTE = "chat_limiter"  # where the app keeps its limiter (``app.state``)


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """Token buckets by key: ``capacity`` at once, then ``capacity`` per ``period`` seconds.

    A capacity of 0 turns the limit off. The clock is injectable for unit tests.
    """

    def __init__(
        self,
        capacity: int,
        period: float,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_TRACKED_KEYS,
    ) -> None:
        if capacity < 0 or period <= 0:
            raise ValueError("capacity must not be negative and period must be positive")
        self.capacity = capacity
        self.rate = capacity / period  # tokens per second
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def _bucket(self, key: str, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(tokens=float(self.capacity), updated=now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)  # forgetting refills: errs on allowing
        else:
            self._buckets.move_to_end(key)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        return bucket

    def wait(self, key: str) -> float:
        """Seconds until ``key`` has a token (0 when it has one now)."""
        if not self.capacity:
            return 0.0
        bucket = self._bucket(key, self.clock())
        return 0.0 if bucket.tokens >= 1 else (1 - bucket.tokens) / self.rate

    def take(self, key: str) -> None:
        """Spend one of ``key``'s tokens (call after ``wait`` said there is one)."""
        if self.capacity:
            bucket = self._bucket(key, self.clock())
            bucket.tokens = max(0.0, bucket.tokens - 1)


@dataclass(frozen=True)
class Refusal:
    """A message over a limit: what to tell the learner and when to try again."""

    retry_after: int  # whole seconds, as the Retry-After header wants
    message: str = TOO_MANY


class ChatLimiter:
    """The per-sender and per-client limits of ``/api/chat`` together."""

    def __init__(self, senders: TokenBuckets, clients: TokenBuckets) -> None:
        self.senders = senders
        self.clients = clients

    @classmethod
    def from_settings(cls, settings: BotSettings) -> ChatLimiter:
        """The limits configured by ``CREDWISE_CHAT_LIMIT_*``."""
        period = settings.chat_limit_period_seconds
        return cls(
            TokenBuckets(settings.chat_limit_per_sender, period),
            TokenBuckets(settings.chat_limit_per_client, period),
        )

    def check(self, sender: str, client: str) -> Refusal | None:
        """Take a token from both buckets, or refuse (taking none) when either is empty."""
        wait = max(self.senders.wait(sender), self.clients.wait(client))
        if wait > 0:
            return Refusal(retry_after=max(1, math.ceil(wait)))
        self.senders.take(sender)
        self.clients.take(client)
        return None


def client_address(request: Request) -> str:
    """The caller's IP address as uvicorn resolved it (see the module docstring)."""
    return request.client.host if request.client else "unknown"


def limiter_of(request: Request) -> ChatLimiter:
    """The app's limiter, made from its settings on first use (one per app)."""
    state = request.app.state
    limiter: ChatLimiter | None = getattr(state, STATE_ATTRIBUTE, None)
    if limiter is None:
        limiter = ChatLimiter.from_settings(state.settings)
        setattr(state, STATE_ATTRIBUTE, limiter)
    return limiter


def refuse(request: Request, sender: str) -> JSONResponse | None:
    """A 429 answer when this message is over a limit, else ``None`` (a token is taken)."""
    refusal = limiter_of(request).check(sender, client_address(request))
    if refusal is None:
        return None
    return JSONResponse(
        {"error": refusal.message},
        status_code=429,
        headers={
            "Retry-After": str(refusal.retry_after),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            "Access-Control-Expose-Headers": "Retry-After",
        },
    )
