"""One conversation across replicas, and conversations that never mix, on PostgreSQL+Redis."""

from __future__ import annotations

import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from bench.conversations import DATA_ANALYST, UX_DESIGNER
from deploy.scaled import ScaledDeployment
from tests.scaled.conftest import stored_user_texts

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

TURN_TIMEOUT_SECONDS = 90


def _say(url: str, sender: str, text: str) -> list[dict[str, Any]]:
    response = httpx.post(
        f"{url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text},
        timeout=TURN_TIMEOUT_SECONDS,
    )
    response.raise_for_status()
    messages: list[dict[str, Any]] = response.json()
    return messages


def _tracker(deployment: ScaledDeployment, sender: str) -> dict[str, Any]:
    response = httpx.get(
        f"{deployment.rasa_url}/conversations/{sender}/tracker",
        params={"token": deployment.auth_token},
        timeout=TURN_TIMEOUT_SECONDS,
    )
    response.raise_for_status()
    tracker: dict[str, Any] = response.json()
    return tracker


def _user_texts(tracker: dict[str, Any]) -> list[str]:
    return [event["text"] for event in tracker["events"] if event["event"] == "user"]


def _sender() -> str:
    return f"scaled-{uuid.uuid4().hex[:12]}"


def _has_course_cards(messages: list[dict[str, Any]]) -> bool:
    return any(
        isinstance(m.get("custom"), dict) and m["custom"].get("courses") for m in messages
    ) or any("weeks at" in (m.get("text") or "") for m in messages)


def test_a_conversation_alternating_between_replicas_keeps_every_turn_and_slot(
    scaled: ScaledDeployment,
) -> None:
    sender = _sender()
    replies = [
        _say(scaled.replica_url(turn % 2), sender, text) for turn, text in enumerate(DATA_ANALYST)
    ]

    assert all(replies), "every turn, on either replica, got an answer"
    tracker = _tracker(scaled, sender)
    slots = tracker["slots"]
    assert slots["hours_per_week"] == 5.0
    assert slots["background"] == "Excel"
    assert slots["goal"] == "I want to become a data analyst"
    assert slots["budget"]["max_amount"] == 500.0
    # No turn lost or doubled: Rasa's view and PostgreSQL's rows both hold exactly
    # what was said, in order.
    assert _user_texts(tracker) == DATA_ANALYST
    assert stored_user_texts(scaled, sender) == DATA_ANALYST


def test_nginx_spreads_turns_over_both_replicas(scaled: ScaledDeployment) -> None:
    access_log = scaled.nginx.root / "nginx-access.log"
    before = access_log.stat().st_size  # earlier tests' requests are not this test's
    sender = _sender()
    for text in ["hi", "I want to become a data analyst", "Excel", "5 hours a week"]:
        assert _say(scaled.rasa_url, sender, text)

    with access_log.open() as log:
        log.seek(before)
        lines = [line for line in log if "/webhooks/rest/webhook" in line]
    # $upstream_addr lists every backend tried ("a, b" when nginx moved on from one).
    served_by = {
        address.strip(", ")
        for line in lines
        for address in re.findall(r"upstream=(.+?) [0-9.]+$", line.strip())[0].split(", ")
    }
    replicas = {f"127.0.0.1:{port}" for port in scaled.ports.rasa_replicas}
    assert served_by == replicas


def test_simultaneous_conversations_never_see_each_others_data(scaled: ScaledDeployment) -> None:
    pairs = [(_sender(), DATA_ANALYST) for _ in range(4)] + [
        (_sender(), UX_DESIGNER) for _ in range(4)
    ]

    def converse(sender_and_script: tuple[str, list[str]]) -> None:
        sender, script = sender_and_script
        for text in script:
            _say(scaled.rasa_url, sender, text)

    with ThreadPoolExecutor(len(pairs)) as pool:
        list(pool.map(converse, pairs))

    for sender, script in pairs:
        tracker = _tracker(scaled, sender)
        assert _user_texts(tracker) == script, sender
        assert stored_user_texts(scaled, sender) == script, sender
        expected_hours = 5.0 if script is DATA_ANALYST else 10.0
        assert tracker["slots"]["hours_per_week"] == expected_hours, sender
        budget = tracker["slots"]["budget"]
        if script is DATA_ANALYST:
            assert budget["max_amount"] == 500.0 and not budget["free_only"], sender
        else:
            assert budget["free_only"] is True, sender
        assert tracker["slots"]["goal"] == script[1], sender
