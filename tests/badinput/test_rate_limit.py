"""The web app's token buckets on a fake clock: bursts, refill, both limits, bounded memory."""

from __future__ import annotations

import pytest

from bot.widget.rate_limit import ChatLimiter, TokenBuckets


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def limiter(clock: Clock, per_sender: int = 3, per_client: int = 5) -> ChatLimiter:
    return ChatLimiter(TokenBuckets(per_sender, 60, clock), TokenBuckets(per_client, 60, clock))


def test_a_sender_gets_a_burst_then_a_retry_after_one_token() -> None:
    clock = Clock()
    limits = limiter(clock)
    assert [limits.check("a", "ip") for _ in range(3)] == [None, None, None]
    refusal = limits.check("a", "ip")
    assert refusal is not None and refusal.retry_after == 20  # 3 per 60 s: one every 20 s
    clock.now = 20.0
    assert limits.check("a", "ip") is None


def test_the_client_limit_stops_rotating_senders_but_not_other_clients() -> None:
    limits = limiter(Clock())
    assert all(limits.check(f"s{n}", "ip") is None for n in range(5))
    assert limits.check("s-new", "ip") is not None
    assert limits.check("s-new", "other-ip") is None


def test_a_refusal_takes_no_token() -> None:
    clock = Clock()
    limits = limiter(clock, per_sender=1)
    assert limits.check("a", "ip") is None
    for _ in range(100):
        assert limits.check("a", "ip") is not None
    clock.now = 60.0
    assert limits.check("a", "ip") is None
    assert limits.check("b", "ip") is None  # the flood spent none of the client's tokens


def test_zero_turns_a_limit_off_and_nonsense_is_refused() -> None:
    off = TokenBuckets(0, 60)
    assert all(off.wait("k") == 0 for _ in range(1_000))
    with pytest.raises(ValueError):
        TokenBuckets(-1, 60)
    with pytest.raises(ValueError):
        TokenBuckets(1, 0)


def test_memory_is_bounded() -> None:
    buckets = TokenBuckets(1, 60, Clock(), max_keys=100)
    for n in range(1_000):
        buckets.take(f"k{n}")
    assert len(buckets._buckets) == 100
