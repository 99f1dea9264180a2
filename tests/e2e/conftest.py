"""Start the real action server and the trained Rasa model once, and talk to them over HTTP."""

from __future__ import annotations

import json
import socket
import sqlite3
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot import services

TURN_TIMEOUT_SECONDS = 60


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Stack:
    """Running servers and where their data lives."""

    rasa_url: str
    actions_url: str
    tracker_db: Path
    handoff_db: Path

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        """One turn over the REST channel; returns the bot's messages."""
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(
            f"{self.rasa_url}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=TURN_TIMEOUT_SECONDS) as response:
            messages: list[dict[str, Any]] = json.loads(response.read())
        return messages

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation's tracker from Rasa's HTTP API."""
        url = f"{self.rasa_url}/conversations/{sender}/tracker"
        with urllib.request.urlopen(url, timeout=TURN_TIMEOUT_SECONDS) as response:
            tracker: dict[str, Any] = json.loads(response.read())
        return tracker

    def append_event(self, sender: str, event: dict[str, Any]) -> None:
        """Append an event through Rasa's HTTP API (what the advisor console does)."""
        request = urllib.request.Request(
            f"{self.rasa_url}/conversations/{sender}/tracker/events",
            data=json.dumps(event).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=TURN_TIMEOUT_SECONDS):
            pass

    def stored_events(self, sender: str) -> int:
        """Rows the tracker store holds for a conversation, read from the database itself."""
        with sqlite3.connect(self.tracker_db) as connection:
            row = connection.execute(
                "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
            ).fetchone()
        return int(row[0])


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Action server + Rasa on free ports, with their own SQLite stores."""
    root = tmp_path_factory.mktemp("stack")
    tracker_db = root / "tracker.db"
    handoff_db = root / "advisor.db"
    actions_port, rasa_port = free_port(), free_port()
    endpoints = root / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{tracker_db}"\n'
    )
    env = {
        "CREDWISE_TRACKER_DB_URL": f"sqlite:///{tracker_db}",
        "CREDWISE_HANDOFF_DB_PATH": str(handoff_db),
    }
    actions = services.action_server(actions_port, env=env)
    rasa = services.rasa_server(rasa_port, endpoints)
    processes = [
        services.start(actions, root / "actions.log"),
        services.start(rasa, root / "rasa.log"),
    ]
    try:
        services.wait_healthy(actions, processes[0], services.HEALTH_TIMEOUT_SECONDS)
        services.wait_healthy(rasa, processes[1], services.HEALTH_TIMEOUT_SECONDS)
        yield Stack(
            rasa_url=f"http://127.0.0.1:{rasa_port}",
            actions_url=f"http://127.0.0.1:{actions_port}",
            tracker_db=tracker_db,
            handoff_db=handoff_db,
        )
    finally:
        for process in processes:
            services.stop(process)
        print(f"server logs: {root}")


@pytest.fixture
def sender() -> str:
    """A fresh conversation id."""
    return f"test-{uuid.uuid4().hex[:12]}"
