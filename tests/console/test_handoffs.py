"""The hand-over queue: read from the action server's database, answered through Rasa's API.

The fast tests put requests in the queue with the action server's own writer and
stand in for Rasa with an in-process transport; the end-to-end test runs the real
Rasa model and action server.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from actions.records import record_handoff
from bot.console.api_handoffs import rasa_gateway
from bot.console.events import ADVISOR_SOURCE, RESUME_MESSAGE
from bot.gateway import RasaGateway, conversation_path
from bot.settings import BotSettings
from bot.web.app import create_app
from tests.console.conftest import ADVISOR, log_in
from tests.stack import Stack

PROFILE = {"goal": "become a data analyst", "hours_per_week": 5.0, "free_only": False}
TRANSCRIPT = [
    {"from": "learner", "text": "I want to become a data analyst"},
    {"from": "learner", "text": "talk to a human advisor"},
]

Handler = Callable[[httpx.Request], httpx.Response]


def queue(path: Path, sender: str) -> int:
    return record_handoff(path, sender, PROFILE, TRANSCRIPT)


def status_of(path: Path, handoff_id: int) -> str:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT status FROM handoffs WHERE id = ?", (handoff_id,))
        return str(row.fetchone()[0])


def with_rasa(client: TestClient, handler: Handler, token: str | None = None) -> list[Any]:
    """Answer the app's Rasa calls with ``handler``; returns the requests seen."""
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    fake = RasaGateway("http://rasa.test", token=token, transport=httpx.MockTransport(record))
    client.app.dependency_overrides[rasa_gateway] = lambda: fake  # type: ignore[attr-defined]
    return seen


def test_waiting_requests_newest_first_with_profile_and_transcript(
    advisor: TestClient, tmp_path: Path
) -> None:
    db = tmp_path / "advisor.db"
    older = queue(db, "learner-1")
    newer = queue(db, "learner-2")
    handoffs = advisor.get("/console/api/handoffs").json()["handoffs"]
    assert [h["id"] for h in handoffs] == [newer, older]
    assert handoffs[0]["sender_id"] == "learner-2"
    assert handoffs[0]["status"] == "waiting"
    assert handoffs[0]["profile"] == PROFILE
    assert handoffs[0]["transcript"] == TRANSCRIPT
    assert "Goal: become a data analyst" in handoffs[0]["profile_summary"]
    assert handoffs[0]["requested_iso"].endswith("+00:00")


def test_an_absent_database_is_an_empty_queue(advisor: TestClient, tmp_path: Path) -> None:
    assert advisor.get("/console/api/handoffs").json() == {"handoffs": []}
    assert not (tmp_path / "advisor.db").exists()  # reading does not create it


def test_a_reply_becomes_a_bot_event_with_the_token(advisor: TestClient, tmp_path: Path) -> None:
    handoff_id = queue(tmp_path / "advisor.db", "learner/1")
    seen = with_rasa(advisor, lambda _: httpx.Response(200, json={}), token="s3cret")
    response = advisor.post(f"/console/api/handoffs/{handoff_id}/reply", json={"text": " Hi! "})
    assert response.status_code == 200, response.text
    [request] = seen
    assert request.method == "POST"
    assert request.url.raw_path == b"/conversations/learner/1/tracker/events?token=s3cret"
    assert request.url.params["token"] == "s3cret"
    [event] = json.loads(request.content)
    assert event["event"] == "bot"
    assert event["text"] == f"{ADVISOR}: Hi!"
    assert event["metadata"] == {"source": ADVISOR_SOURCE, "advisor": ADVISOR}
    assert abs(event["timestamp"] - time.time()) < 60


def test_sender_ids_reach_rasa_as_its_router_reads_them() -> None:
    assert conversation_path("tg-42", "tracker") == "/conversations/tg-42/tracker"
    assert conversation_path("web/a:b", "tracker") == "/conversations/web/a:b/tracker"
    assert conversation_path("a b?c#d", "tracker") == "/conversations/a%20b%3Fc%23d/tracker"


def test_resume_unpauses_announces_and_closes(advisor: TestClient, tmp_path: Path) -> None:
    db = tmp_path / "advisor.db"
    handoff_id = queue(db, "learner-1")
    seen = with_rasa(advisor, lambda _: httpx.Response(200, json={}))
    assert advisor.post(f"/console/api/handoffs/{handoff_id}/resume").status_code == 200
    events = json.loads(seen[0].content)
    assert [e["event"] for e in events] == ["resume", "bot"]
    assert events[1]["text"] == RESUME_MESSAGE
    assert "token" not in seen[0].url.params
    assert status_of(db, handoff_id) == "closed"
    assert advisor.get("/console/api/handoffs").json() == {"handoffs": []}
    again = advisor.post(f"/console/api/handoffs/{handoff_id}/reply", json={"text": "hello?"})
    assert again.status_code == 409


def test_rasa_down_is_a_clear_503_and_changes_nothing(advisor: TestClient, tmp_path: Path) -> None:
    db = tmp_path / "advisor.db"
    handoff_id = queue(db, "learner-1")  # the app's Rasa URL points at a closed port
    for path, body in [("reply", {"text": "Hi"}), ("resume", {})]:
        response = advisor.post(f"/console/api/handoffs/{handoff_id}/{path}", json=body)
        assert response.status_code == 503
        assert "Rasa is not reachable" in response.json()["detail"]
    assert status_of(db, handoff_id) == "waiting"


def test_a_wrong_rasa_token_is_a_502_naming_the_token(advisor: TestClient, tmp_path: Path) -> None:
    handoff_id = queue(tmp_path / "advisor.db", "learner-1")
    with_rasa(advisor, lambda _: httpx.Response(401, json={"message": "no"}), token="wrong")
    response = advisor.post(f"/console/api/handoffs/{handoff_id}/reply", json={"text": "Hi"})
    assert response.status_code == 502
    assert "token" in response.json()["detail"]


def test_unknown_requests_and_empty_replies_are_refused(
    advisor: TestClient, tmp_path: Path
) -> None:
    handoff_id = queue(tmp_path / "advisor.db", "learner-1")
    assert advisor.post("/console/api/handoffs/999/reply", json={"text": "Hi"}).status_code == 404
    assert advisor.post("/console/api/handoffs/999/resume").status_code == 404
    for text in ["", "   "]:
        response = advisor.post(f"/console/api/handoffs/{handoff_id}/reply", json={"text": text})
        assert response.status_code == 422


def test_the_conversation_marks_advisor_messages(advisor: TestClient, tmp_path: Path) -> None:
    handoff_id = queue(tmp_path / "advisor.db", "learner-1")
    events = [
        {"event": "user", "text": "talk to a human", "timestamp": 1.0},
        {"event": "action", "name": "action_handoff", "timestamp": 2.0},
        {"event": "bot", "text": "I've passed your conversation…", "timestamp": 3.0},
        {"event": "bot", "text": "Sam: Hi", "timestamp": 4.0,
         "metadata": {"source": ADVISOR_SOURCE}},
    ]  # fmt: skip
    with_rasa(advisor, lambda _: httpx.Response(200, json={"paused": True, "events": events}))
    body = advisor.get(f"/console/api/handoffs/{handoff_id}/conversation").json()
    assert body["paused"] is True
    assert [(m["from"], m["text"]) for m in body["messages"]] == [
        ("learner", "talk to a human"),
        ("credwise", "I've passed your conversation…"),
        ("advisor", "Sam: Hi"),
    ]


def bot_texts(tracker: dict[str, Any]) -> list[str]:
    return [str(e.get("text")) for e in tracker["events"] if e.get("event") == "bot"]


@pytest.mark.slow
@pytest.mark.e2e
def test_a_learner_asks_for_a_human_and_an_advisor_answers_through_rasa(
    stack: Stack, sender: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The web app finds the action server's queue through the same variable it was given.
    monkeypatch.setenv("CREDWISE_HANDOFF_DB_PATH", str(stack.handoff_db))
    monkeypatch.setenv("CREDWISE_RASA_URL", stack.rasa_url)
    monkeypatch.setenv("CREDWISE_CONSOLE_PASSWORD", "correct horse battery staple")
    monkeypatch.setenv("CREDWISE_RASA_AUTH_TOKEN", stack.rasa_token)
    settings = BotSettings(_env_file=None)  # type: ignore[call-arg]
    assert settings.handoff_db_path == stack.handoff_db
    console = log_in(TestClient(create_app(settings)))

    stack.say(sender, "I want to become a data analyst")
    stack.say(sender, "talk to a human advisor")
    waiting = console.get("/console/api/handoffs").json()["handoffs"]
    [handoff] = [h for h in waiting if h["sender_id"] == sender]
    assert any("human advisor" in line["text"] for line in handoff["transcript"])
    assert stack.tracker(sender)["paused"] is True

    reply = "Hello, I'm Sam. Have you looked at SQL courses yet?"
    response = console.post(f"/console/api/handoffs/{handoff['id']}/reply", json={"text": reply})
    assert response.status_code == 200, response.text
    assert bot_texts(stack.tracker(sender))[-1] == f"{ADVISOR}: {reply}"
    live = console.get(f"/console/api/handoffs/{handoff['id']}/conversation").json()
    assert live["paused"] is True
    assert live["messages"][-1] == {
        "from": "advisor",
        "text": f"{ADVISOR}: {reply}",
        "at": pytest.approx(time.time(), abs=120),
    }
    assert stack.say(sender, "thanks, not yet") == []  # still the advisor's turn

    response = console.post(f"/console/api/handoffs/{handoff['id']}/resume")
    assert response.status_code == 200, response.text
    tracker = stack.tracker(sender)
    assert tracker["paused"] is False
    assert bot_texts(tracker)[-1] == RESUME_MESSAGE
    waiting = console.get("/console/api/handoffs").json()["handoffs"]
    assert all(h["id"] != handoff["id"] for h in waiting)
    assert stack.say(sender, "hi") != []  # the bot answers again
