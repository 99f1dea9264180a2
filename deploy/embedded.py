"""The embedded default on free ports in a folder of its own, for tests and benchmarks.

``make up`` runs the embedded default on its fixed ports with its stores in ``data/``;
tests and benchmarks need the same servers (action server, Rasa with a SQLite tracker
store and in-memory locks, web app) beside it, on ports nobody uses and with stores
they can read and throw away. :class:`EmbeddedDeployment` is that, built from the same
:mod:`deploy.servers` definitions as ``make up``; :class:`deploy.scaled.ScaledDeployment`
is its scaled counterpart.
"""

from __future__ import annotations

import secrets
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from deploy.health import wait_healthy
from deploy.infra import free_port
from deploy.processes import start_process, stop_all
from deploy.servers import action_server, rasa_server, web_app
from deploy.service import Service
from deploy.settings import DeploySettings, get_deploy_settings

NAMES = ("actions", "rasa", "web")


def sqlite_endpoints(path: Path, actions_port: int, tracker_db: Path) -> Path:
    """Write an endpoints file: the action server on ``actions_port``, SQLite tracker
    store as in ``endpoints.yml``."""
    path.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        "tracker_store:\n  type: addons.stores.RememberingSQLTrackerStore\n"
        f'  dialect: "sqlite"\n  db: "{tracker_db}"\n'
    )
    return path


@dataclass
class EmbeddedDeployment:
    """Action server, Rasa and web app on free ports, their stores and logs in ``root``."""

    root: Path
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    web_env: Mapping[str, str] = field(default_factory=dict)  # e.g. rate limits for a test
    actions_port: int = field(default_factory=free_port)
    rasa_port: int = field(default_factory=free_port)
    web_port: int = field(default_factory=free_port)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    settings: DeploySettings = field(default_factory=get_deploy_settings)

    @property
    def tracker_db(self) -> Path:
        """Rasa's SQLite tracker store."""
        return self.root / "tracker.db"

    @property
    def handoff_db(self) -> Path:
        """Hand-over requests, written by the action server."""
        return self.root / "advisor.db"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.actions_port}"

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def log(self, name: str) -> Path:
        """Where the server's output goes."""
        return self.root / f"{name}.log"

    def service(self, name: str) -> Service:
        """How ``name`` (one of :data:`NAMES`) is started."""
        stores = {
            "CREDWISE_TRACKER_DB_URL": f"sqlite:///{self.tracker_db}",
            "CREDWISE_HANDOFF_DB_PATH": str(self.handoff_db),
        }
        if name == "actions":
            return action_server(self.actions_port, env=stores)
        if name == "rasa":
            endpoints = sqlite_endpoints(
                self.root / "endpoints.yml", self.actions_port, self.tracker_db
            )
            return rasa_server(
                self.rasa_port, endpoints, self.settings.rasa_model, auth_token=self.token
            )
        if name == "web":
            env = {**stores, "CREDWISE_RASA_AUTH_TOKEN": self.token, **self.web_env}
            return web_app(self.web_port, self.rasa_url, env=env)
        raise ValueError(f"unknown server {name!r}; choose from {NAMES}")

    def start(self, *names: str) -> None:
        """Start the named servers together, then wait until each is healthy."""
        self.root.mkdir(parents=True, exist_ok=True)
        for name in names:
            service = self.service(name)
            if service.preflight is not None:
                service.preflight()
            self.processes[name] = start_process(service, self.log(name))
        for name in names:
            wait_healthy(
                self.service(name),
                self.processes[name],
                self.settings.health_timeout_seconds,
                self.log(name),
            )

    def stop(self, *names: str) -> None:
        """Stop the named servers (all of them when none is named)."""
        wanted = names or tuple(self.processes)
        stopping = [self.processes.pop(name) for name in wanted if name in self.processes]
        stop_all(stopping, grace=self.settings.stop_grace_seconds)
