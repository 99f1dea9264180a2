"""The per-learner rate limit and the callback-data key mapping."""

from __future__ import annotations

import pytest

from bot.telegram.callback_keys import KEY_PREFIX, MAX_CALLBACK_BYTES, CallbackKeys
from bot.telegram.rate_limit import RateLimiter, Verdict


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_up_to_capacity_passes_then_one_warning_then_silence() -> None:
    clock = Clock()
    limiter = RateLimiter(capacity=20, period=60, clock=clock)
    verdicts = [limiter.check(1) for _ in range(23)]
    assert verdicts[:20] == [Verdict.ALLOW] * 20
    assert verdicts[20:] == [Verdict.WARN, Verdict.DROP, Verdict.DROP]


def test_the_bucket_refills_at_capacity_per_period() -> None:
    clock = Clock()
    limiter = RateLimiter(capacity=20, period=60, clock=clock)
    for _ in range(21):
        limiter.check(1)
    clock.now += 2.9  # one token takes 3 s
    assert limiter.check(1) is Verdict.DROP
    clock.now += 0.2
    assert limiter.check(1) is Verdict.ALLOW
    assert limiter.check(1) is Verdict.WARN  # a new burst earns a new notice


def test_learners_have_separate_buckets() -> None:
    limiter = RateLimiter(capacity=1, period=60, clock=Clock())
    assert limiter.check(1) is Verdict.ALLOW
    assert limiter.check(1) is Verdict.WARN
    assert limiter.check(2) is Verdict.ALLOW


def test_a_long_pause_refills_only_up_to_capacity() -> None:
    clock = Clock()
    limiter = RateLimiter(capacity=3, period=60, clock=clock)
    limiter.check(1)
    clock.now += 10_000
    assert [limiter.check(1) for _ in range(4)] == [Verdict.ALLOW] * 3 + [Verdict.WARN]


def test_nonsense_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        RateLimiter(capacity=0)
    with pytest.raises(ValueError):
        RateLimiter(period=0)


def test_short_payloads_travel_as_they_are() -> None:
    keys = CallbackKeys()
    for payload in [
        "/more_results",
        "about 5 hours a week",
        '/compare_courses{"positions": "1,2"}',
    ]:
        assert keys.encode(1, payload) == payload
        assert keys.decode(1, payload) == payload


def test_long_payloads_get_short_keys_that_read_back() -> None:
    keys = CallbackKeys()
    payload = "I want to become a data analyst in the public health sector, part time"
    assert len(payload.encode()) > MAX_CALLBACK_BYTES
    key = keys.encode(1, payload)
    assert key.startswith(KEY_PREFIX) and len(key.encode()) <= MAX_CALLBACK_BYTES
    assert keys.decode(1, key) == payload
    assert keys.encode(1, payload) == key  # the same button again reuses its key


def test_bytes_not_characters_count() -> None:
    keys = CallbackKeys()
    payload = "é" * 33  # 33 characters, 66 bytes
    assert keys.encode(1, payload) != payload


def test_a_payload_that_looks_like_a_key_is_keyed_too() -> None:
    keys = CallbackKeys()
    tricky = f"{KEY_PREFIX}not-a-key"
    key = keys.encode(1, tricky)
    assert key != tricky and keys.decode(1, key) == tricky


def test_keys_belong_to_their_chat() -> None:
    keys = CallbackKeys()
    key = keys.encode(1, "x" * 100)
    assert keys.decode(2, key) is None


def test_old_keys_and_old_chats_are_forgotten() -> None:
    keys = CallbackKeys(per_chat=2, max_chats=2)
    first = keys.encode(1, "a" * 100)
    keys.encode(1, "b" * 100)
    keys.encode(1, "c" * 100)
    assert keys.decode(1, first) is None  # evicted after two newer keys
    other = keys.encode(2, "d" * 100)
    keys.encode(3, "e" * 100)
    assert keys.decode(1, keys.encode(1, "c" * 100)) == "c" * 100  # chat 1 used again
    assert keys.decode(2, other) is None  # chat 2 was the least recently used
