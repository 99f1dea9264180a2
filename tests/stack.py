"""The running Credwise servers as tests see them: start them, talk to them over HTTP.

Tests talk to Rasa through the channels' own gateway (bot.gateway), but read its
answers as Rasa sent them: what is on the wire is what several tests check.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from bot.gateway import RasaGateway
from bot.gateway_sync import BlockingGateway
from deploy.infra import free_port

__all__ = ["Stack", "free_port"]


@dataclass
class Stack:
    """Running servers and where their data lives."""

    rasa_url: str
    actions_url: str
    tracker_db: Path
    handoff_db: Path
    rasa_token: str  # Rasa's HTTP API refuses calls without it
    log_dir: Path | None = None  # where the servers' logs go (rasa.log, actions.log)

    @cached_property
    def rasa(self) -> BlockingGateway:
        """The gateway to this stack's Rasa, made on first use."""
        return BlockingGateway(RasaGateway(self.rasa_url, token=self.rasa_token))

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        """One turn over the REST channel; returns the bot's messages as Rasa sent them."""
        return self.rasa.turn_json(sender, text)

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation's tracker from Rasa's HTTP API."""
        return self.rasa.tracker_json(sender)

    def append_event(self, sender: str, event: dict[str, Any]) -> None:
        """Append an event through Rasa's HTTP API (what the advisor console does)."""
        self.rasa.append_events(sender, [event])

    def close(self) -> None:
        """Close the gateway, if one was made."""
        if "rasa" in self.__dict__:
            self.rasa.close()

    def stored_events(self, sender: str) -> int:
        """Rows the tracker store holds for a conversation, read from the database itself."""
        with sqlite3.connect(self.tracker_db) as connection:
            row = connection.execute(
                "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
            ).fetchone()
        return int(row[0])
