"""A thousand rapid messages from one sender to ``/api/chat``: refused after a short burst
with 429, a JSON error and ``Retry-After``, while another learner is answered as usual.

The flood web app's limits are small (``tests/badinput/conftest.py``), so only a handful
of the flood's turns reach Rasa; the rest are refused before any work is done.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.badinput.conftest import (
    FLOOD_PER_CLIENT,
    FLOOD_PER_SENDER,
    FLOOD_PERIOD_SECONDS,
    WebApp,
    client,
)
from tests.badinput.corpus import FLOOD_MESSAGES

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

WORKERS = 16
FLOODER_ADDRESS = "127.0.0.2"
ROTATING_ADDRESS = "127.0.0.3"
LEARNER_ADDRESS = "127.0.0.4"


def allowed_at_most(capacity: int, elapsed: float) -> int:
    """A token bucket's most admissions in ``elapsed`` seconds: a burst, then the refill."""
    return capacity + int(elapsed * capacity / FLOOD_PERIOD_SECONDS) + 1


def check_refusal(response: httpx.Response) -> None:
    """A 429 says why in JSON and when to come back."""
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) == {"error"} and "too quickly" in body["error"]
    assert int(response.headers["retry-after"]) >= 1


def test_a_flood_from_one_sender_is_limited_and_another_learner_is_unaffected(
    flood_web: WebApp,
) -> None:
    flooder = f"flood-{uuid.uuid4().hex[:8]}"
    learner = f"learner-{uuid.uuid4().hex[:8]}"
    with (
        client(flood_web.url, FLOODER_ADDRESS) as flood_http,
        client(flood_web.url, LEARNER_ADDRESS) as learner_http,
        ThreadPoolExecutor(WORKERS) as pool,
    ):
        started = time.monotonic()
        flood = [
            pool.submit(
                flood_http.post, "/api/chat", json={"sender": flooder, "message": f"hi {n}"}
            )
            for n in range(FLOOD_MESSAGES)
        ]
        # The learner talks while the flood is on.
        learner_replies = [
            learner_http.post("/api/chat", json={"sender": learner, "message": text})
            for text in ["hello", "I want to become a data analyst"]
        ]
        responses = [future.result() for future in flood]
        elapsed = time.monotonic() - started

    statuses = Counter(response.status_code for response in responses)
    assert set(statuses) <= {200, 429}, statuses  # no 5xx, nothing else
    assert 1 <= statuses[200] <= allowed_at_most(FLOOD_PER_SENDER, elapsed), statuses
    assert statuses[429] >= FLOOD_MESSAGES - allowed_at_most(FLOOD_PER_SENDER, elapsed)
    for response in responses:
        if response.status_code == 429:
            check_refusal(response)
    for reply in learner_replies:
        assert reply.status_code == 200, reply.text
        assert any(message.get("text") for message in reply.json())


def test_rotating_sender_ids_from_one_address_hit_the_per_client_limit(
    flood_web: WebApp,
) -> None:
    senders = [f"rot-{uuid.uuid4().hex[:8]}" for _ in range(FLOOD_PER_CLIENT * 3)]
    started = time.monotonic()
    with client(flood_web.url, ROTATING_ADDRESS) as http, ThreadPoolExecutor(WORKERS) as pool:
        responses = list(
            pool.map(
                lambda sender: http.post("/api/chat", json={"sender": sender, "message": "hi"}),
                senders,
            )
        )
    elapsed = time.monotonic() - started
    statuses = Counter(response.status_code for response in responses)
    assert set(statuses) <= {200, 429}, statuses
    assert 1 <= statuses[200] <= allowed_at_most(FLOOD_PER_CLIENT, elapsed), statuses
    assert statuses[429] >= 1
    for response in responses:
        if response.status_code == 429:
            check_refusal(response)
    with client(flood_web.url, LEARNER_ADDRESS) as other:  # another address: unaffected
        reply = other.post(
            "/api/chat", json={"sender": f"rot-ok-{uuid.uuid4().hex[:8]}", "message": "hi"}
        )
    assert reply.status_code == 200


def test_refused_messages_take_no_tokens(flood_web: WebApp) -> None:
    # Once a sender's burst is spent, its refusals do not delay the refill: Retry-After
    # never exceeds the time one token takes to come back.
    sender = f"refill-{uuid.uuid4().hex[:8]}"
    with client(flood_web.url, "127.0.0.5") as http:
        responses = [
            http.post("/api/chat", json={"sender": sender, "message": "hi"})
            for _ in range(FLOOD_PER_SENDER + 20)
        ]
    refused = [response for response in responses if response.status_code == 429]
    assert len(refused) >= 19
    one_token = FLOOD_PERIOD_SECONDS / FLOOD_PER_SENDER
    assert all(int(response.headers["retry-after"]) <= one_token for response in refused)
