"""Faults in the scaled mode: a replica, Redis or PostgreSQL goes away and comes back."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from bot.widget.routes import APOLOGY
from deploy.scaled import ScaledDeployment
from tests.scaled.conftest import stored_user_texts

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

TURN_TIMEOUT_SECONDS = 90
OPENING = ["hi", "I want to become a data analyst", "Excel"]
DEADLINE_QUESTION = "How soon would you like to finish?"


def _chat(scaled: ScaledDeployment, sender: str, text: str) -> list[dict[str, Any]]:
    """One turn through the web app, as the widget sends it; the messages it shows."""
    response = httpx.post(
        f"{scaled.web_url}/api/chat",
        json={"sender": sender, "message": text},
        timeout=TURN_TIMEOUT_SECONDS,
    )
    assert response.status_code == 200, response.text
    messages: list[dict[str, Any]] = response.json()
    return messages


def _texts(messages: list[dict[str, Any]]) -> str:
    return " ".join(str(m.get("text") or "") for m in messages)


def _slots(scaled: ScaledDeployment, sender: str) -> dict[str, Any]:
    response = httpx.get(
        f"{scaled.rasa_url}/conversations/{sender}/tracker",
        params={"token": scaled.auth_token, "include_events": "NONE"},
        timeout=TURN_TIMEOUT_SECONDS,
    )
    response.raise_for_status()
    slots: dict[str, Any] = response.json()["slots"]
    return slots


def _rasa_logs(scaled: ScaledDeployment) -> str:
    return "".join(path.read_text(errors="replace") for path in scaled.root.glob("rasa-*.log"))


def _outage_then_recovery(
    scaled: ScaledDeployment, stop: Callable[[], None], start: Callable[[], None], logged: str
) -> None:
    sender = f"fault-{uuid.uuid4().hex[:12]}"
    for text in OPENING:
        assert _chat(scaled, sender, text)
    stop()
    try:
        during = _chat(scaled, sender, "5 hours a week")
        assert _texts(during) == APOLOGY  # short and clear: never silence, never a wrong answer
        assert logged in _rasa_logs(scaled)
    finally:
        start()
    after = _chat(scaled, sender, "5 hours a week")
    assert DEADLINE_QUESTION in _texts(after)  # the interview goes on where it was
    assert _slots(scaled, sender)["background"] == "Excel"
    assert stored_user_texts(scaled, sender) == [*OPENING, "5 hours a week"]


def test_redis_down_gives_an_apology_and_the_conversation_resumes_when_it_returns(
    scaled: ScaledDeployment,
) -> None:
    _outage_then_recovery(
        scaled, scaled.redis.stop, scaled.redis.start, "Error while acquiring lock"
    )


def test_postgres_down_gives_an_apology_and_the_conversation_resumes_when_it_returns(
    scaled: ScaledDeployment,
) -> None:
    _outage_then_recovery(
        scaled, scaled.postgres.stop, scaled.postgres.start, "Tracker store unreachable"
    )


def test_a_replica_killed_and_restarted_loses_nothing(scaled: ScaledDeployment) -> None:
    sender = f"fault-{uuid.uuid4().hex[:12]}"
    for text in OPENING:
        assert _chat(scaled, sender, text)
    scaled.stop_service("rasa-1")
    try:
        # nginx sends every turn to the replica still up.
        assert DEADLINE_QUESTION in _texts(_chat(scaled, sender, "5 hours a week"))
        assert _chat(scaled, sender, "within 3 months")
    finally:
        scaled.start_service(scaled.rasa_service(0))
    # The restarted replica loads the conversation from PostgreSQL and carries on.
    reply = httpx.post(
        f"{scaled.replica_url(0)}/webhooks/rest/webhook",
        json={"sender": sender, "message": "up to 500 dollars"},
        timeout=TURN_TIMEOUT_SECONDS,
    ).json()
    assert reply, "the restarted replica answers"
    slots = _slots(scaled, sender)
    assert slots["hours_per_week"] == 5.0
    assert slots["budget"]["max_amount"] == 500.0
    expected = [*OPENING, "5 hours a week", "within 3 months", "up to 500 dollars"]
    assert stored_user_texts(scaled, sender) == expected


def test_forget_me_deletes_the_conversation_from_postgres(scaled: ScaledDeployment) -> None:
    sender = f"forget-{uuid.uuid4().hex[:12]}"
    for text in OPENING:
        assert _chat(scaled, sender, text)
    assert stored_user_texts(scaled, sender) == OPENING

    assert _chat(scaled, sender, "forget me")

    deadline = time.monotonic() + 30
    while stored_user_texts(scaled, sender) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert stored_user_texts(scaled, sender) == []
