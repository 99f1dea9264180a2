"""The scale-out deployment: Rasa replicas and action servers behind nginx, on loopback.

    PostgreSQL  <- tracker store, shared by every Rasa replica (and "forget me")
    Redis       <- lock store: one turn of a conversation at a time, whichever replica
    rasa-1..N   <- `rasa run` each, same model, endpoints-scaled.yml
    actions-1..N
    nginx       <- :rasa_port balances over the replicas, :actions_port over the
                   action servers
    web         <- widget + console, talking to Rasa through nginx

``python -m deploy.scaled up`` starts it all in the background (state in ``.run/scaled``)
and ``down`` stops it; tests and benchmarks build a :class:`ScaledDeployment` on free
ports in a folder of their own. Passwords and the Rasa API token come from the
environment (:class:`deploy.settings.DeploySettings`) or, when unset, are generated
once into ``<root>/secrets.json`` (mode 0600).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from deploy.health import NotHealthyError, wait_healthy
from deploy.infra import InfraError, Nginx, Postgres, Redis, Upstream
from deploy.pidfiles import cmdline
from deploy.processes import start_process, stop
from deploy.servers import action_server, anchored_cors, rasa_server, web_app
from deploy.service import NotReadyError, Service
from deploy.settings import DEFAULT_CORS, REPO_ROOT, DeploySettings, get_deploy_settings

ENDPOINTS = REPO_ROOT / "endpoints-scaled.yml"
SECRET_NAMES = ("rasa_auth_token", "pg_password", "redis_password")
# How `down` stops each kind of process found in a pid file: PostgreSQL's fast shutdown
# is SIGINT (SIGTERM would wait for Rasa's pooled connections), nginx's graceful one is
# SIGQUIT; everything else takes SIGTERM.
STOP_SIGNALS = {"postgres": signal.SIGINT, "nginx": signal.SIGQUIT}


@dataclass(frozen=True)
class Ports:
    """Where everything listens. The defaults keep the embedded mode's public ports."""

    rasa: int = 5005
    actions: int = 5055
    web: int = 8000
    postgres: int = 5433
    redis: int = 6380
    rasa_replicas: tuple[int, ...] = (5011, 5012)
    actions_replicas: tuple[int, ...] = (5061, 5062)


def configured_secrets(settings: DeploySettings) -> dict[str, str | None]:
    """The secrets the environment sets (RASA_AUTH_TOKEN, CREDWISE_PG_PASSWORD, …)."""
    values = {
        "rasa_auth_token": settings.rasa_auth_token,
        "pg_password": settings.pg_password,
        "redis_password": settings.redis_password,
    }
    return {key: value.get_secret_value() if value else None for key, value in values.items()}


def load_secrets(root: Path, configured: Mapping[str, str | None]) -> dict[str, str]:
    """Secrets as configured, else from ``root/secrets.json``, else new ones.

    Generated values are kept so that a second ``up`` finds the PostgreSQL cluster's
    password again; the file is readable only by its owner and lives outside git.
    """
    path = root / "secrets.json"
    stored: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    values = {}
    for key in SECRET_NAMES:
        values[key] = (configured.get(key) or stored.get(key) or secrets.token_urlsafe(24)).strip()
    if values != stored:
        root.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.chmod(0o600)
        path.write_text(json.dumps(values))
    return values


@dataclass
class ScaledDeployment:
    """Every process of the scaled mode; ``start`` brings them up in dependency order."""

    root: Path
    ports: Ports = field(default_factory=Ports)
    cors: str = DEFAULT_CORS
    with_web: bool = True
    settings: DeploySettings = field(default_factory=get_deploy_settings)

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.secrets = load_secrets(self.root, configured_secrets(self.settings))
        self.postgres = Postgres(
            self.root / "postgres", self.ports.postgres, self.secrets["pg_password"]
        )
        self.redis = Redis(self.root / "redis", self.ports.redis, self.secrets["redis_password"])
        self.nginx = Nginx(
            self.root / "nginx",
            [
                Upstream("rasa", self.ports.rasa, self.ports.rasa_replicas),
                Upstream("actions", self.ports.actions, self.ports.actions_replicas),
            ],
        )
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    @property
    def rasa_url(self) -> str:
        """Rasa through the load balancer."""
        return f"http://127.0.0.1:{self.ports.rasa}"

    def replica_url(self, number: int) -> str:
        """One Rasa replica directly (0-based), bypassing nginx."""
        return f"http://127.0.0.1:{self.ports.rasa_replicas[number]}"

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.web}"

    @property
    def auth_token(self) -> str:
        return self.secrets["rasa_auth_token"]

    @property
    def tracker_db_url(self) -> str:
        """The tracker store's URL, for the action servers' "forget me"."""
        return self.postgres.url

    def _service_env(self) -> dict[str, str]:
        return {
            "CREDWISE_ACTIONS_LB_PORT": str(self.ports.actions),
            "CREDWISE_PG_PORT": str(self.ports.postgres),
            "CREDWISE_PG_PASSWORD": self.secrets["pg_password"],
            "CREDWISE_REDIS_PORT": str(self.ports.redis),
            "CREDWISE_REDIS_PASSWORD": self.secrets["redis_password"],
            "CREDWISE_TRACKER_DB_URL": self.postgres.url,
            "CREDWISE_HANDOFF_DB_PATH": str(self.root / "advisor.db"),
            "CREDWISE_RASA_AUTH_TOKEN": self.auth_token,
        }

    def rasa_service(self, number: int) -> Service:
        """Replica ``number`` (0-based), started like the embedded Rasa: token not in argv."""
        service = rasa_server(
            self.ports.rasa_replicas[number],
            ENDPOINTS,
            self.settings.rasa_model,
            auth_token=self.auth_token,
            cors=self.cors,
            env=self._service_env(),
        )
        return replace(service, name=f"rasa-{number + 1}")

    def actions_service(self, number: int) -> Service:
        service = action_server(self.ports.actions_replicas[number], env=self._service_env())
        return replace(service, name=f"actions-{number + 1}")

    def web_service(self) -> Service:
        service = web_app(self.ports.web, self.rasa_url, env=self._service_env())
        return replace(service, name="web")

    def log(self, name: str) -> Path:
        return self.root / f"{name}.log"

    def wait(self, service: Service) -> None:
        """Wait for one started server's health check, at most the configured timeout."""
        wait_healthy(
            service,
            self.processes[service.name],
            self.settings.health_timeout_seconds,
            self.log(service.name),
        )

    def start_service(self, service: Service) -> None:
        """Start one server process and wait until its health check answers."""
        process = start_process(service, self.log(service.name))
        self.processes[service.name] = process
        (self.root / f"{service.name}.pid").write_text(str(process.pid))
        self.wait(service)

    def stop_service(self, name: str) -> None:
        """Stop one server process started by :meth:`start_service`."""
        process = self.processes.pop(name, None)
        if process is not None:
            stop(process, grace=self.settings.stop_grace_seconds)
        (self.root / f"{name}.pid").unlink(missing_ok=True)

    def start(self) -> None:
        """Databases first, then the action servers, Rasa replicas, nginx and the web app.

        The first replica creates the tracker tables; the others start after it is
        healthy so that they never race to create them.
        """
        first_replica = self.rasa_service(0)
        if first_replica.preflight is not None:  # a missing model: refuse before anything runs
            first_replica.preflight()
        self.postgres.init()
        self.postgres.start()
        self._remember("postgres", self.postgres.process)
        self.redis.start()
        self._remember("redis", self.redis.process)
        actions = [self.actions_service(n) for n in range(len(self.ports.actions_replicas))]
        started = {s.name: start_process(s, self.log(s.name)) for s in actions}
        self.processes.update(started)
        self.start_service(first_replica)
        rest = [self.rasa_service(n) for n in range(1, len(self.ports.rasa_replicas))]
        for service in rest:
            self.processes[service.name] = start_process(service, self.log(service.name))
        for service in [*actions, *rest]:
            (self.root / f"{service.name}.pid").write_text(str(self.processes[service.name].pid))
            self.wait(service)
        self.nginx.start()
        self._remember("nginx", self.nginx.process)
        if self.with_web:
            self.start_service(self.web_service())

    def _remember(self, name: str, process: subprocess.Popen[bytes] | None) -> None:
        if process is not None:
            (self.root / f"{name}.pid").write_text(str(process.pid))

    def stop(self) -> None:
        """Stop everything this object started, front to back."""
        for name in ["web", *sorted(n for n in self.processes if n.startswith("rasa"))]:
            self.stop_service(name)
        self.nginx.stop()
        for name in sorted(n for n in list(self.processes) if n.startswith("actions")):
            self.stop_service(name)
        self.redis.stop()
        self.postgres.stop()
        for pid_file in self.root.glob("*.pid"):
            pid_file.unlink()


def _leads_a_group(pid: int) -> bool:
    """Whether ``pid`` still runs as the leader of its own process group, as every server
    started here does: a pid file naming anything else is stale (the pid was reused)."""
    try:
        return cmdline(pid) is not None and os.getpgid(pid) == pid
    except ProcessLookupError:
        return False


def stop_from_pid_files(root: Path, grace: float) -> list[str]:
    """``down`` from another process: signal every process group named in ``root``."""
    stopped = []
    order = ["web", "rasa", "nginx", "actions", "redis", "postgres"]
    pid_files = sorted(root.glob("*.pid"), key=lambda p: next(
        (i for i, prefix in enumerate(order) if p.stem.startswith(prefix)), len(order)
    ))  # fmt: skip
    for pid_file in pid_files:
        name = pid_file.stem
        try:
            pid = int(pid_file.read_text())
        except ValueError:
            pid_file.unlink(missing_ok=True)
            continue
        pid_file.unlink(missing_ok=True)
        if not _leads_a_group(pid):
            continue
        signal_name = STOP_SIGNALS.get(name.split("-")[0], signal.SIGTERM)
        stop(pid, signal_name, grace=grace * 2)
        stopped.append(name)
    return stopped


def _read_pid(path: Path) -> int:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return -1


def main(argv: list[str] | None = None) -> int:
    """``up`` / ``down`` for the scaled deployment on its default loopback ports."""
    parser = argparse.ArgumentParser(prog="python -m deploy.scaled")
    parser.add_argument("command", choices=["up", "down"])
    args = parser.parse_args(argv)
    settings = get_deploy_settings()
    root = settings.scaled_root
    grace = settings.stop_grace_seconds
    if args.command == "down":
        for name in stop_from_pid_files(root, grace):
            print(f"{name}: stopped")
        return 0
    if any(_leads_a_group(_read_pid(path)) for path in root.glob("*.pid")):
        print("the scaled deployment is already up; `make down-scaled` stops it", file=sys.stderr)
        return 1
    deployment = ScaledDeployment(root, cors=anchored_cors(settings.rasa_cors), settings=settings)
    try:
        deployment.start()
    except (InfraError, NotHealthyError, NotReadyError) as error:
        print(f"error: {error}", file=sys.stderr)
        stop_from_pid_files(root, grace)
        return 1
    ports = deployment.ports
    print(
        f"Credwise (scaled) is up: widget {deployment.web_url}/ , console "
        f"{deployment.web_url}/console , Rasa via nginx {deployment.rasa_url} "
        f"({len(ports.rasa_replicas)} replicas), actions via nginx :{ports.actions} "
        f"({len(ports.actions_replicas)} servers), PostgreSQL :{ports.postgres}, Redis "
        f":{ports.redis}. Logs and secrets in {root}. `make down-scaled` stops it."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
