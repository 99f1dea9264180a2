"""A Credwise stack of its own for fault tests: servers that a test may kill and restart.

The session's shared ``stack`` fixture must stay up for every other suite, so fault
tests start their own action server, Rasa and web app on free ports, with SQLite
stores in a temporary directory, through the same ``bot.services`` calls as ``make up``.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bot import services
from tests.stack import free_port

DEAD_TIMEOUT_SECONDS = 15.0


@dataclass
class FaultStack:
    """Running servers, their logs and stores, and how to kill and restart each one."""

    root: Path
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    actions_port: int = field(default_factory=free_port)
    rasa_port: int = field(default_factory=free_port)
    web_port: int = field(default_factory=free_port)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def tracker_db(self) -> Path:
        """Rasa's SQLite tracker store."""
        return self.root / "tracker.db"

    @property
    def rasa_url(self) -> str:
        """Rasa's base URL (REST channel and HTTP API)."""
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        """The web app in front of Rasa (the widget's /api/chat)."""
        return f"http://127.0.0.1:{self.web_port}"

    def service(self, name: str) -> services.Service:
        """How ``name`` is started: the same definitions ``make up`` uses."""
        env = {
            "CREDWISE_TRACKER_DB_URL": f"sqlite:///{self.tracker_db}",
            "CREDWISE_HANDOFF_DB_PATH": str(self.root / "advisor.db"),
        }
        if name == "actions":
            return services.action_server(self.actions_port, env=env)
        if name == "rasa":
            endpoints = self.root / "endpoints.yml"
            endpoints.write_text(
                f'action_endpoint:\n  url: "http://127.0.0.1:{self.actions_port}/webhook"\n'
                f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{self.tracker_db}"\n'
            )
            return services.rasa_server(self.rasa_port, endpoints, auth_token=self.token)
        web_env = {
            **env,
            "CREDWISE_RASA_AUTH_TOKEN": self.token,
            "CREDWISE_CHAT_LIMIT_PER_SENDER": "0",  # a fault test is not a rate-limit test
            "CREDWISE_CHAT_LIMIT_PER_CLIENT": "0",
        }
        return services.web_app(self.web_port, self.rasa_url, env=web_env)

    def start(self, *names: str) -> None:
        """Start the named servers together, then wait until each is healthy."""
        for name in names:
            self.processes[name] = services.start(self.service(name), self.log(name))
        for name in names:
            services.wait_healthy(
                self.service(name), self.processes[name], services.HEALTH_TIMEOUT_SECONDS
            )

    def kill(self, name: str) -> None:
        """SIGKILL the server's whole process group (no clean shutdown), and wait for it."""
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=DEAD_TIMEOUT_SECONDS)
        deadline = time.monotonic() + DEAD_TIMEOUT_SECONDS
        while services._get(self.service(name).health_url) == 200:  # workers die with it
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

    def stop_all(self) -> None:
        """Stop every server this stack started."""
        for process in self.processes.values():
            services.stop(process)
        self.processes.clear()

    def log(self, name: str) -> Path:
        """Where the server's output goes."""
        return self.root / f"{name}.log"

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
