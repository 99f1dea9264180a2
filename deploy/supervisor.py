"""Start servers, wait for them, and stop every one of them again, on any signal.

Why: ``make run`` killed with SIGTERM (``timeout``, systemd, a container stop) or SIGHUP
(a closed terminal) used to leave its servers running as orphans. The supervisor turns
SIGTERM, SIGINT and SIGHUP into an orderly stop of every process group it started,
bounded by a grace period after which the rest is killed, and then exits with 128 plus
the signal's number, as a shell would report a process killed by that signal.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from deploy.health import Interrupted, NotHealthyError, wait_healthy
from deploy.pidfiles import PidFiles
from deploy.processes import start_process, stop_all
from deploy.service import Service

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
WATCH_SECONDS = 0.5


class StartError(RuntimeError):
    """A server could not be started or did not become healthy; nothing was left running."""


@dataclass
class StopRequest:
    """The first stop signal received, recorded by the handler and checked between waits.

    Why not raise from the handler: an exception inside ``subprocess.Popen`` could lose
    the pid of a child that has already started, which would then be orphaned.
    """

    signum: int | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is None:
            self.signum = signum

    def requested(self) -> bool:
        return self.signum is not None


@contextmanager
def handling(request: StopRequest) -> Iterator[None]:
    """Route the stop signals to ``request`` for the duration, then restore the old handlers."""
    previous = {signum: signal.signal(signum, request) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@dataclass
class Supervisor:
    """Servers started from here, recorded in pid files under ``run_dir``."""

    run_dir: Path
    health_timeout: float
    grace: float
    stop_request: StopRequest = field(default_factory=StopRequest)
    started: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    # In the foreground (`make run`) the servers live and die with this process.
    tied: bool = False

    @property
    def pid_files(self) -> PidFiles:
        return PidFiles(self.run_dir)

    def log(self, name: str) -> Path:
        return self.run_dir / f"{name}.log"

    def running(self, service: Service) -> int | None:
        """The pid of ``service`` if it runs (per its pid file and ``/proc``)."""
        return self.pid_files.running(service.name, service.program)

    def start(self, service: Service) -> None:
        """Start one server unless it already runs, recording its pid."""
        if self.running(service) is not None:
            print(f"{service.name}: already running")
            return
        process = start_process(service, self.log(service.name), die_with_parent=self.tied)
        self.started[service.name] = process
        self.pid_files.write(service.name, process.pid)
        print(f"{service.name}: started (pid {process.pid}, log {self.log(service.name)})")

    def up(self, services: Sequence[Service]) -> None:
        """Check, start every server not already running, then wait until all are healthy.

        A server that exits while starting (the action server's preflight refusing, say)
        is reported at once with the last line of its log. On failure, what this call
        started is stopped again and :class:`StartError` says which server and which log.
        """
        for service in services:
            if service.preflight is not None and self.running(service) is None:
                service.preflight()
        try:
            for service in services:
                self.start(service)
            for service in services:
                wait_healthy(
                    service,
                    self.started.get(service.name),
                    self.health_timeout,
                    self.log(service.name),
                    self.stop_request.requested,
                )
                print(f"{service.name}: healthy at {service.public_health_url}")
        except NotHealthyError as error:
            self.stop_started()
            raise StartError(str(error)) from error

    def stop_started(self) -> None:
        """Stop every server this supervisor started, together, within the grace period."""
        names = list(self.started)
        killed = stop_all([self.started[name] for name in names], grace=self.grace)
        for name in names:
            process = self.started.pop(name)
            self.pid_files.remove(name)
            state = "killed after the grace period" if process.pid in killed else "stopped"
            print(f"{name}: {state}")

    def down(self, services: Sequence[Service]) -> None:
        """Stop the named servers, whoever started them, as recorded in their pid files."""
        found = {s.name: self.running(s) for s in services}
        pids = [pid for pid in found.values() if pid is not None]
        stop_all(pids, grace=self.grace)
        for name, pid in found.items():
            self.pid_files.remove(name)
            print(f"{name}: {'stopped' if pid is not None else 'not running'}")

    def watch(self) -> int:
        """Wait until a stop signal arrives (128 + its number) or a server exits (1)."""
        while not self.stop_request.requested():
            for name, process in self.started.items():
                if process.poll() is not None:
                    print(f"{name} exited with status {process.returncode}; see {self.log(name)}")
                    return 1
            time.sleep(WATCH_SECONDS)
        return self.exit_status()

    def exit_status(self) -> int:
        """128 + the signal's number once a stop signal was received."""
        signum = self.stop_request.signum
        return 0 if signum is None else 128 + signum

    def run(
        self, services: Sequence[Service], extra: Sequence[Service] = (), banner: str = ""
    ) -> int:
        """`make run`: start ``services`` (and ``extra``, with no health check), then
        supervise them until a signal or a server's exit; always stop what was started.

        Servers that were already running (from ``make up``) are left running. Those it
        starts are stopped by the kernel if this process is killed outright (SIGKILL).
        """
        self.tied = True
        with handling(self.stop_request):
            try:
                self.up(services)
                for service in extra:
                    self.start(service)
                if self.stop_request.requested():
                    return self.exit_status()
                if not self.started:
                    print("everything was already running: nothing to supervise (`make down`)")
                    return 1
                print(banner or "Credwise is running.", flush=True)
                return self.watch()
            except Interrupted:
                return self.exit_status()
            finally:
                signum = self.stop_request.signum
                if signum is not None:
                    print(f"received {signal.Signals(signum).name}: stopping")
                # A second signal during the stop changes nothing: the stop is bounded.
                self.stop_started()

    def start_in_background(
        self, services: Sequence[Service], extra: Sequence[Service] = ()
    ) -> int:
        """`make up`: start and wait as :meth:`run` does, then leave the servers running.

        A stop signal while waiting stops what was started (128 + its number).
        """
        with handling(self.stop_request):
            try:
                self.up(services)
                for service in extra:
                    self.start(service)
            except Interrupted:
                pass
            if self.stop_request.requested():
                self.stop_started()
                return self.exit_status()
        self.started.clear()  # they are on their own now, found again through their pid files
        return 0
