"""A token bucket per learner, so one chat cannot flood Rasa for everybody else.

Each learner may send ``capacity`` messages at once, then one every
``period / capacity`` seconds. Over the limit, the first dropped message earns a
polite notice and the rest are dropped silently until the bucket refills, so the
notice itself cannot become a flood.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

DEFAULT_CAPACITY = 20
DEFAULT_PERIOD_SECONDS = 60.0
MAX_TRACKED_USERS = 10_000  # beyond this, idle (full) buckets are forgotten


class Verdict(Enum):
    """What to do with one incoming message."""

    ALLOW = "allow"
    WARN = "warn"  # drop it, and say why (once per burst)
    DROP = "drop"  # drop it quietly: the learner has been told


@dataclass
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False


class RateLimiter:
    """Token buckets keyed by Telegram user id; the clock is injectable for tests."""

    def __init__(
        self,
        capacity: int = DEFAULT_CAPACITY,
        period: float = DEFAULT_PERIOD_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity < 1 or period <= 0:
            raise ValueError("capacity must be at least 1 and period positive")
        self.capacity = capacity
        self.rate = capacity / period  # tokens per second
        self.clock = clock
        self._buckets: dict[int, _Bucket] = {}

    def check(self, user_id: int) -> Verdict:
        """Take a token for this message if there is one."""
        now = self.clock()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            self._forget_idle(now)
            bucket = self._buckets[user_id] = _Bucket(tokens=self.capacity, updated=now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return Verdict.ALLOW
        if bucket.warned:
            return Verdict.DROP
        bucket.warned = True
        return Verdict.WARN

    def _forget_idle(self, now: float) -> None:
        """Drop buckets that have refilled: forgetting them changes nothing."""
        if len(self._buckets) < MAX_TRACKED_USERS:
            return
        full = [
            user
            for user, bucket in self._buckets.items()
            if bucket.tokens + (now - bucket.updated) * self.rate >= self.capacity
        ]
        for user in full:
            del self._buckets[user]
