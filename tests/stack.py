"""The running Credwise servers as tests see them: start them, talk to them over HTTP."""

from __future__ import annotations

import json
import sqlite3
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.infra import free_port

__all__ = ["Stack", "free_port"]

TURN_TIMEOUT_SECONDS = 60


@dataclass
class Stack:
    """Running servers and where their data lives."""

    rasa_url: str
    actions_url: str
    tracker_db: Path
    handoff_db: Path
    rasa_token: str  # Rasa's HTTP API refuses calls without it
    log_dir: Path | None = None  # where the servers' logs go (rasa.log, actions.log)

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

    def api_url(self, path: str) -> str:
        """A URL of Rasa's HTTP API, with the token it requires."""
        return f"{self.rasa_url}{path}?{urllib.parse.urlencode({'token': self.rasa_token})}"

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation's tracker from Rasa's HTTP API."""
        url = self.api_url(f"/conversations/{sender}/tracker")
        with urllib.request.urlopen(url, timeout=TURN_TIMEOUT_SECONDS) as response:
            tracker: dict[str, Any] = json.loads(response.read())
        return tracker

    def append_event(self, sender: str, event: dict[str, Any]) -> None:
        """Append an event through Rasa's HTTP API (what the advisor console does)."""
        request = urllib.request.Request(
            self.api_url(f"/conversations/{sender}/tracker/events"),
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
