"""A Credwise stack of its own for fault tests: servers that a test may kill and restart.

The session's shared ``stack`` fixture must stay up for every other suite, so fault
tests start their own embedded deployment (action server, Rasa and web app on free ports,
SQLite stores in a temporary directory), built as ``make up`` builds it.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from deploy.embedded import EmbeddedDeployment
from deploy.health import http_status

DEAD_TIMEOUT_SECONDS = 15.0


# A fault test is not a rate-limit test.
NO_RATE_LIMITS = {"CREDWISE_CHAT_LIMIT_PER_SENDER": "0", "CREDWISE_CHAT_LIMIT_PER_CLIENT": "0"}


@dataclass
class FaultStack(EmbeddedDeployment):
    """The embedded servers, and how to kill and restart each one."""

    web_env: Mapping[str, str] = field(default_factory=lambda: dict(NO_RATE_LIMITS))

    def kill(self, name: str) -> None:
        """SIGKILL the server's whole process group (no clean shutdown), and wait for it."""
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=DEAD_TIMEOUT_SECONDS)
        deadline = time.monotonic() + DEAD_TIMEOUT_SECONDS
        while http_status(self.service(name).health_url) == 200:  # workers die with it
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} still answers after SIGKILL")
            time.sleep(0.2)

    def ensure_up(self) -> None:
        """Restart whatever an earlier, failed test left dead."""
        dead = [
            name
            for name in ("actions", "rasa", "web")
            if name not in self.processes or self.processes[name].poll() is not None
        ]
        if dead:
            self.start(*dead)

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation's tracker from Rasa's HTTP API (without its events)."""
        response = httpx.get(
            f"{self.rasa_url}/conversations/{sender}/tracker",
            params={"token": self.token, "include_events": "NONE"},
            timeout=30,
        )
        response.raise_for_status()
        tracker: dict[str, Any] = response.json()
        return tracker

    def stored_user_texts(self, sender: str) -> list[str]:
        """What the learner said, in order, read from the tracker store's database itself."""
        with sqlite3.connect(self.tracker_db) as connection:
            rows = connection.execute(
                "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
                (sender,),
            ).fetchall()
        return [str(json.loads(data)["text"]) for (data,) in rows]
