"""Start, check and stop Credwise's servers: one implementation for `make up` and the tests.

``python -m bot.services up`` starts the action server and Rasa in the background
(pid and log files under ``.run/``), waits until each answers its health check and
exits 0; ``down`` stops them; ``status`` reports.
"""

from __future__ import annotations

import argparse
import gzip
import os
import secrets
import signal
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
RUN_DIR = REPO_ROOT / ".run"
PYTHON = REPO_ROOT / ".venv" / "bin" / "python"
RASA = REPO_ROOT / ".venv-rasa" / "bin" / "rasa"
MODEL = Path(os.environ.get("CREDWISE_RASA_MODEL", REPO_ROOT / "models" / "credwise.tar.gz"))
HEALTH_TIMEOUT_SECONDS = 180.0  # Rasa loads its model and the action server its index
POLL_SECONDS = 0.5
STOP_GRACE_SECONDS = 10.0
# Anchored: Rasa's CORS layer matches a pattern at the start of the origin only, so
# without ``$`` a page on http://localhost.evil.example would be let in too.
DEFAULT_CORS = r"https?://(localhost|127\.0\.0\.1)(:[0-9]+)?$"


@dataclass(frozen=True)
class Service:
    """A server process: how to start it and how to know it is ready."""

    name: str
    command: list[str]
    health_url: str
    env: Mapping[str, str]
    # Run by ``up`` before anything starts: raises ``NotReadyError`` naming the fix.
    preflight: Callable[[], None] | None = None


class NotReadyError(RuntimeError):
    """A service's files are missing or damaged; the message names the command that fixes it."""


def check_model(path: Path | None = None) -> None:
    """Refuse a missing or damaged Rasa model before Rasa starts.

    Why: Rasa 3.6 given a ``--model`` path that does not exist quietly loads the newest
    model in ``models/`` (or none), and given a damaged archive it serves without an agent:
    ``/status`` answers 409 until the health wait gives up, and no turn is answered. Reading
    the whole archive (gzip checks its CRC at the end) catches truncation in a second.
    """
    model = path or MODEL
    fix = "run `make train`"
    if not model.is_file():
        raise NotReadyError(f"no Rasa model at {model}: {fix}")
    try:
        with gzip.open(model) as stream:
            while stream.read(1 << 20):
                pass
        with tarfile.open(model, "r:gz") as archive:
            names = {name.lstrip("/") for name in archive.getnames()}
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        raise NotReadyError(f"damaged Rasa model {model} ({error}): {fix}") from error
    if "metadata.json" not in names:
        raise NotReadyError(f"{model} is not a Rasa model (no metadata.json): {fix}")


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return int(response.status)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0


def wait_healthy(service: Service, process: subprocess.Popen[bytes] | None, timeout: float) -> None:
    """Poll the health URL until it answers 200; fail early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{service.name} exited with status {process.returncode}")
        if _get(service.health_url) == 200:
            return
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{service.name} not healthy at {service.health_url} after {timeout:.0f}s")


def action_server(
    port: int, host: str = "127.0.0.1", env: Mapping[str, str] | None = None
) -> Service:
    """The rasa_sdk action server with Credwise's actions, behind their preflight checks.

    ``python -m actions`` refuses to start (exit 1, one line naming the fix) when the
    catalog, the search index or the embedding model is missing or damaged.
    """
    return Service(
        name="actions",
        command=[str(PYTHON), "-m", "actions", "--actions", "actions", "-p", str(port)],
        health_url=f"http://{host}:{port}/health",
        env={**os.environ, **(env or {}), "SANIC_HOST": host},
    )


def rasa_server(
    port: int,
    endpoints: Path,
    host: str = "127.0.0.1",
    auth_token: str | None = None,
    cors: str = DEFAULT_CORS,
    env: Mapping[str, str] | None = None,
) -> Service:
    """The Rasa server: REST and socket.io channels, HTTP API (with a token when given)."""
    command = [
        str(RASA), "run", "--model", str(MODEL), "--endpoints", str(endpoints),
        "--credentials", str(REPO_ROOT / "credentials.yml"), "--interface", host,
        "--port", str(port), "--enable-api", "--cors", cors,
    ]  # fmt: skip
    status = f"http://{host}:{port}/status"
    if auth_token:
        # One argument, "--auth-token=…": a generated token may begin with "-", which
        # argparse would otherwise read as the next option and refuse to start.
        command += [f"--auth-token={auth_token}"]
        status += f"?token={auth_token}"
    return Service(
        name="rasa",
        command=command,
        health_url=status,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", **(env or {})},
        preflight=check_model,
    )


def start(service: Service, log_path: Path) -> subprocess.Popen[bytes]:
    """Start a service in its own process group, its output going to ``log_path``."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        return subprocess.Popen(
            service.command,
            cwd=REPO_ROOT,
            env=dict(service.env),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _group_alive(pid: int, process: subprocess.Popen[bytes] | None) -> bool:
    if process is not None:
        process.poll()  # reap our own child, which would otherwise linger as a zombie
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return False
    return True


def stop(
    process: subprocess.Popen[bytes] | int,
    first: signal.Signals = signal.SIGTERM,
    grace: float = STOP_GRACE_SECONDS,
) -> None:
    """Signal the process group (SIGTERM unless told otherwise), SIGKILL it if it lingers."""
    pid = process if isinstance(process, int) else process.pid
    child = None if isinstance(process, int) else process
    try:
        os.killpg(pid, first)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not _group_alive(pid, child):
            return
        time.sleep(0.2)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    if child is not None:
        child.wait(timeout=grace)


def _pid_file(name: str) -> Path:
    return RUN_DIR / f"{name}.pid"


def _running(name: str) -> int | None:
    try:
        pid = int(_pid_file(name).read_text())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        return None
    return pid


def up(services: list[Service]) -> None:
    """Check, start every service not already running, then wait for all to be healthy.

    A service that exits while starting (the action server's preflight refusing, say) is
    reported at once with the last line of its log, rather than after the health timeout,
    and what this call started is stopped again.
    """
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    pending = [service for service in services if not _running(service.name)]
    for service in pending:
        if service.preflight is not None:
            service.preflight()
    started: dict[str, subprocess.Popen[bytes]] = {}
    for service in services:
        if service not in pending:
            print(f"{service.name}: already running")
            continue
        process = start(service, RUN_DIR / f"{service.name}.log")
        started[service.name] = process
        _pid_file(service.name).write_text(str(process.pid))
        print(f"{service.name}: started (pid {process.pid}, log .run/{service.name}.log)")
    for service in services:
        try:
            wait_healthy(service, started.get(service.name), HEALTH_TIMEOUT_SECONDS)
        except (RuntimeError, TimeoutError) as error:
            down(list(started))  # nothing half-started is left behind
            log = RUN_DIR / f"{service.name}.log"
            raise RuntimeError(f"{error}: {_last_line(log)}") from error
        print(f"{service.name}: healthy at {service.health_url.split('?')[0]}")


def _last_line(log_path: Path) -> str:
    """The last non-empty line of a log: where a refusing service says why."""
    try:
        lines = log_path.read_text(errors="replace").strip().splitlines()
    except OSError:
        return "(no log)"
    return lines[-1] if lines else "(empty log)"


def down(names: list[str]) -> None:
    """Stop the named services started by ``up``."""
    for name in names:
        pid = _running(name)
        if pid is None:
            print(f"{name}: not running")
        else:
            stop(pid)
            print(f"{name}: stopped")
        _pid_file(name).unlink(missing_ok=True)


def web_app(
    port: int, rasa_url: str, host: str = "127.0.0.1", env: Mapping[str, str] | None = None
) -> Service:
    """The web app: widget demo page on /, advisor console on /console."""
    return Service(
        name="web",
        command=[str(PYTHON), "-m", "bot.web"],
        health_url=f"http://{host}:{port}/health",
        env={
            **os.environ,
            **(env or {}),
            "CREDWISE_WEB_HOST": host,
            "CREDWISE_WEB_PORT": str(port),
            "CREDWISE_RASA_URL": rasa_url,
        },
    )


TOKEN_FILE_NAME = "rasa_auth_token"


def deployment_token(run_dir: Path = RUN_DIR, environ: Mapping[str, str] = os.environ) -> str:
    """The token Rasa's HTTP API demands: the configured one, else one made for this deployment.

    The API can read and rewrite any conversation, so it never runs open. Without
    RASA_AUTH_TOKEN (or CREDWISE_RASA_AUTH_TOKEN) a random token is made once and kept in
    ``.run/rasa_auth_token``, readable by this account only, so that ``make up``, ``make
    down``, the web app, the console and Telegram started later all agree on it.
    """
    for name in ("RASA_AUTH_TOKEN", "CREDWISE_RASA_AUTH_TOKEN"):
        configured = (environ.get(name) or "").strip()
        if configured:
            return configured
    run_dir.mkdir(parents=True, exist_ok=True)
    path = run_dir / TOKEN_FILE_NAME
    try:
        # O_EXCL + mode: the file is never readable by others, not even for a moment.
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        path.chmod(0o600)
        kept = path.read_text().strip()
        if kept:
            return kept
        handle = os.open(path, os.O_WRONLY | os.O_TRUNC)
    token = secrets.token_urlsafe(32)
    with os.fdopen(handle, "w") as file:
        file.write(token + "\n")
    return token


def _share_token(token: str) -> None:
    """Processes started from here (web app, console, Telegram) inherit the Rasa token."""
    os.environ["RASA_AUTH_TOKEN"] = token
    os.environ["CREDWISE_RASA_AUTH_TOKEN"] = token


def anchored_cors(cors: str) -> str:
    """A CORS origin pattern that must match the whole origin, not just its beginning."""
    if cors == "*" or cors.endswith("$"):
        return cors
    return f"(?:{cors})$"


def _embedded_services(auth_token: str | None = None) -> list[Service]:
    token = auth_token or deployment_token()
    host = os.environ.get("HOST", "127.0.0.1")
    actions_port = int(os.environ.get("ACTIONS_PORT", "5055"))
    rasa_port = int(os.environ.get("RASA_PORT", "5005"))
    web_port = int(os.environ.get("WEB_PORT", "8000"))
    return [
        action_server(actions_port, host),
        rasa_server(
            rasa_port,
            REPO_ROOT / "endpoints.yml",
            host,
            auth_token=token,
            cors=anchored_cors(os.environ.get("CORS_ORIGINS", DEFAULT_CORS)),
        ),
        web_app(
            web_port, f"http://{host}:{rasa_port}", host, env={"CREDWISE_RASA_AUTH_TOKEN": token}
        ),
    ]


def _start_telegram() -> None:
    """Telegram runs only with a token; without one it says so in one line and stays off."""
    if not (os.environ.get("CREDWISE_TELEGRAM_BOT_TOKEN") or "").strip():
        print("telegram: off (set CREDWISE_TELEGRAM_BOT_TOKEN, see .env.example, to turn it on)")
        return
    process = start(
        Service("telegram", [str(PYTHON), "-m", "bot.telegram"], "", os.environ),
        RUN_DIR / "telegram.log",
    )
    _pid_file("telegram").write_text(str(process.pid))
    print(f"telegram: started (pid {process.pid}, log .run/telegram.log)")


def run_foreground(services: list[Service]) -> None:
    """`make run`: start everything, print where it is, stop it all on Ctrl-C."""
    up(services)
    _start_telegram()
    print(
        "Credwise is running: widget demo http://127.0.0.1:8000/ , advisor console "
        "http://127.0.0.1:8000/console , Rasa http://127.0.0.1:5005 (HTTP API token in "
        f"$RASA_AUTH_TOKEN or .run/{TOKEN_FILE_NAME}). Ctrl-C stops everything."
    )
    try:
        while all(_running(s.name) for s in services):
            time.sleep(1)
        print("a service stopped; see .run/*.log", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        down(["telegram", *[s.name for s in reversed(services)]])


def main(argv: list[str] | None = None) -> int:
    """``up`` / ``down`` / ``status`` for the embedded default deployment."""
    parser = argparse.ArgumentParser(prog="python -m bot.services")
    parser.add_argument("command", choices=["up", "down", "status", "run"])
    args = parser.parse_args(argv)
    token = deployment_token()
    _share_token(token)
    services = _embedded_services(token)
    try:
        if args.command == "up":
            up(services)
            _start_telegram()
        elif args.command == "run":
            run_foreground(services)
        elif args.command == "down":
            down(["telegram", *[s.name for s in reversed(services)]])
        else:
            for service in services:
                state = "running" if _running(service.name) else "stopped"
                print(f"{service.name}: {state}")
    except (RuntimeError, TimeoutError) as error:
        print(f"error: {error}; see .run/*.log", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
