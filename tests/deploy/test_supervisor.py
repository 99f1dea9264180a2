"""`python -m deploy.services run` stops everything it started, on any stop signal.

The real supervisor runs as a subprocess on free ports, with its pid files, logs and
stores in a temporary folder and the trained model (``models/credwise.tar.gz``). Each
signal gets a run of its own: the supervisor must exit with 128 + the signal's number
within the grace period, and no process it started (nor any of theirs) may be left.
"""

from __future__ import annotations

import contextlib
import os
import queue
import secrets
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from deploy.embedded import sqlite_endpoints
from deploy.pidfiles import PidFiles, cmdline
from deploy.servers import PYTHON
from deploy.settings import REPO_ROOT
from tests.stack import free_port

GRACE_SECONDS = 20.0  # CREDWISE_STOP_GRACE_SECONDS of the runs below
EXIT_MARGIN_SECONDS = 5.0  # the supervisor's own bookkeeping after the grace period
START_TIMEOUT_SECONDS = 420.0  # Rasa's model and the action server's index, 2 busy cores
READY = "Credwise is running"
NAMES = ("actions", "rasa", "web")
# Set by the test for each run; any value the caller's environment has is dropped.
DEPLOY_VARIABLES = (
    "HOST", "RASA_PORT", "ACTIONS_PORT", "WEB_PORT", "CORS_ORIGINS", "RASA_AUTH_TOKEN",
    "CREDWISE_RASA_AUTH_TOKEN", "CREDWISE_TELEGRAM_BOT_TOKEN", "CREDWISE_HOST",
    "CREDWISE_RASA_PORT", "CREDWISE_ACTIONS_PORT", "CREDWISE_WEB_PORT", "CREDWISE_RUN_DIR",
)  # fmt: skip


@dataclass
class Run:
    """One ``python -m deploy.services run`` and what it printed so far."""

    root: Path
    process: subprocess.Popen[str]
    token: str
    lines: list[str] = field(default_factory=list)
    _queue: queue.Queue[str | None] = field(default_factory=queue.Queue)

    @property
    def run_dir(self) -> Path:
        return self.root / "run"

    @property
    def output(self) -> str:
        self._drain()
        return "".join(self.lines)

    def _drain(self) -> None:
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                return
            if line is not None:
                self.lines.append(line)

    def wait_for(self, text: str, timeout: float) -> None:
        """Wait until the supervisor prints ``text``; fail if it exits first."""
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if self.process.poll() is not None:
                time.sleep(0.5)  # the rest of its output
                pytest.fail(f"supervisor exited ({self.process.returncode}):\n{self.output}")
            if time.monotonic() > deadline:
                pytest.fail(f"no {text!r} after {timeout:.0f}s:\n{self.output}")
            time.sleep(0.5)


def start_run(root: Path, **settings: str) -> Run:
    """Start the supervisor on free ports with everything it writes under ``root``."""
    run_dir = root / "run"
    run_dir.mkdir(parents=True, exist_ok=True)
    actions_port, rasa_port, web_port = free_port(), free_port(), free_port()
    token = secrets.token_urlsafe(32)
    endpoints = sqlite_endpoints(root / "endpoints.yml", actions_port, root / "tracker.db")
    env = {key: value for key, value in os.environ.items() if key not in DEPLOY_VARIABLES}
    env.update(
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        RASA_TELEMETRY_ENABLED="false",
        RASA_AUTH_TOKEN=token,
        CREDWISE_RUN_DIR=str(run_dir),
        CREDWISE_ACTIONS_PORT=str(actions_port),
        CREDWISE_RASA_PORT=str(rasa_port),
        CREDWISE_WEB_PORT=str(web_port),
        CREDWISE_RASA_ENDPOINTS=str(endpoints),
        CREDWISE_TRACKER_DB_URL=f"sqlite:///{root / 'tracker.db'}",
        CREDWISE_HANDOFF_DB_PATH=str(root / "advisor.db"),
        CREDWISE_LABELS_DB_PATH=str(root / "labels.db"),
        CREDWISE_STOP_GRACE_SECONDS=str(GRACE_SECONDS),
        CREDWISE_CHAT_LIMIT_PER_SENDER="0",
        **settings,
    )
    process = subprocess.Popen(
        [str(PYTHON), "-u", "-m", "deploy.services", "run"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a signal meant for pytest never reaches it by accident
    )
    run = Run(root, process, token)
    threading.Thread(target=_pump, args=(process, run._queue), daemon=True).start()
    return run


def _pump(process: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line)
    lines.put(None)


def process_groups() -> dict[int, int]:
    """Every live (not zombie) process on the machine and its process group."""
    groups = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (command) "
        if fields[0] != "Z":
            groups[int(entry.name)] = int(fields[2])
    return groups


def members(groups: set[int]) -> set[int]:
    """The live processes in any of ``groups``: the servers and whatever they started."""
    return {pid for pid, group in process_groups().items() if group in groups}


def all_command_lines() -> list[str]:
    """The command line of every process this account can see."""
    found = []
    for pid in process_groups():
        arguments = cmdline(pid)
        if arguments is not None:
            found.append(" ".join(arguments))
    return found


def stale_pid_files(run_dir: Path) -> subprocess.Popen[bytes]:
    """Pid files left by a crash: rasa's names a dead process, the action server's a live
    process that is something else (a ``sleep``, returned so the caller can stop it)."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    unrelated = subprocess.Popen(["sleep", "600"])
    pid_files = PidFiles(run_dir)
    pid_files.write("rasa", dead.pid)
    pid_files.write("actions", unrelated.pid)
    return unrelated


@pytest.fixture
def unrelated_cleanup() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        process.kill()
        process.wait()


def _kill_leftovers(run: Run, groups: set[int]) -> None:
    if run.process.poll() is None:
        run.process.kill()
        run.process.wait()
    for group in groups:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=str)
def test_a_stop_signal_stops_everything_it_started(
    signum: signal.Signals, tmp_path: Path, unrelated_cleanup: list[subprocess.Popen[bytes]]
) -> None:
    unrelated = stale_pid_files(tmp_path / "run")
    unrelated_cleanup.append(unrelated)
    run = start_run(tmp_path)
    groups: set[int] = set()
    try:
        run.wait_for(READY, START_TIMEOUT_SECONDS)
        assert "already running" not in run.output  # stale pid files block nothing
        pids = {name: PidFiles(run.run_dir).read(name) for name in NAMES}
        assert None not in pids.values(), run.output
        groups = {pid for pid in pids.values() if pid is not None}
        assert unrelated.pid not in groups
        started = members(groups)
        assert groups <= started  # each server leads its own process group

        # No secret in argv: not the servers', not anyone's on this machine.
        leaks = [line for line in all_command_lines() if run.token in line]
        assert leaks == []

        sent = time.monotonic()
        os.kill(run.process.pid, signum)
        status = run.process.wait(timeout=GRACE_SECONDS + EXIT_MARGIN_SECONDS + 30)
        elapsed = time.monotonic() - sent
        assert status == 128 + signum, run.output
        assert elapsed <= GRACE_SECONDS + EXIT_MARGIN_SECONDS, run.output
        assert members(groups) == set()
        assert [pid for pid in started if pid in process_groups()] == []
        assert list(run.run_dir.glob("*.pid")) == []
        assert unrelated.poll() is None  # the process a stale pid file named was left alone
    finally:
        _kill_leftovers(run, groups)


@pytest.mark.slow
def test_killing_the_supervisor_outright_still_stops_the_servers(tmp_path: Path) -> None:
    """SIGKILL reaches no handler: the kernel's parent-death signal stops the servers."""
    run = start_run(tmp_path)
    groups: set[int] = set()
    try:
        run.wait_for(READY, START_TIMEOUT_SECONDS)
        pids = {name: PidFiles(run.run_dir).read(name) for name in NAMES}
        groups = {pid for pid in pids.values() if pid is not None}
        assert len(groups) == len(NAMES), run.output
        os.kill(run.process.pid, signal.SIGKILL)
        run.process.wait(timeout=10)
        deadline = time.monotonic() + GRACE_SECONDS + EXIT_MARGIN_SECONDS
        while time.monotonic() < deadline and members(groups):
            time.sleep(0.2)
        assert members(groups) == set()  # the servers and whatever they started
    finally:
        _kill_leftovers(run, groups)


@pytest.mark.slow
def test_a_server_that_never_gets_healthy_ends_the_wait_naming_it_and_its_log(
    tmp_path: Path, unrelated_cleanup: list[subprocess.Popen[bytes]]
) -> None:
    unrelated_cleanup.append(stale_pid_files(tmp_path / "run"))
    run = start_run(tmp_path, CREDWISE_HEALTH_TIMEOUT_SECONDS="1")
    groups: set[int] = set()
    try:
        status = run.process.wait(timeout=120)
        time.sleep(0.5)
        output = run.output
        assert status == 1, output
        assert "actions: started" in output and "rasa: started" in output, output
        assert "actions not healthy" in output, output
        assert str(run.run_dir / "actions.log") in output, output
        groups = {
            int(line.split("(pid ")[1].split(",")[0])
            for line in output.splitlines()
            if ": started (pid " in line
        }
        assert len(groups) == len(NAMES)
        assert members(groups) == set()
        assert list(run.run_dir.glob("*.pid")) == []
    finally:
        _kill_leftovers(run, groups)


def test_a_pid_file_is_believed_only_for_the_expected_program(tmp_path: Path) -> None:
    unrelated = subprocess.Popen(["sleep", "600"])
    try:
        dead = subprocess.Popen(["true"])
        dead.wait()
        pid_files = PidFiles(tmp_path)
        pid_files.write("gone", dead.pid)
        pid_files.write("other", unrelated.pid)
        assert pid_files.running("gone", ["true"]) is None
        assert pid_files.running("other", [str(PYTHON), "-m", "actions"]) is None
        assert not pid_files.path("gone").exists() and not pid_files.path("other").exists()
        pid_files.write("sleep", unrelated.pid)
        assert pid_files.running("sleep", ["sleep", "600"]) == unrelated.pid
    finally:
        unrelated.kill()
        unrelated.wait()
