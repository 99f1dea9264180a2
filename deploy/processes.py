"""Starting servers in process groups of their own and stopping them within a bound.

Why process groups: Rasa, Sanic and uvicorn may start workers of their own; signalling
the group reaches all of them, so stopping a server never leaves a worker behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from deploy.service import Service
from deploy.settings import REPO_ROOT

POLL_SECONDS = 0.1
DEFAULT_GRACE_SECONDS = 10.0

Process = subprocess.Popen[bytes] | int  # our own child, or a pid read from a pid file


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def _die_with_parent(parent: int) -> Callable[[], None]:
    """Run in the child before it execs: ask Linux to send it SIGTERM when the supervisor
    dies, even by SIGKILL, which no handler sees (then nothing else could stop it)."""

    def arrange() -> None:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the supervisor died before the request was made
            os.kill(os.getpid(), signal.SIGTERM)

    return arrange


def start_process(
    service: Service, log_path: Path, *, die_with_parent: bool = False
) -> subprocess.Popen[bytes]:
    """Start a service as the leader of a new process group, its output going to ``log_path``.

    With ``die_with_parent`` (the foreground `make run`) the server is stopped when the
    supervisor dies in any way; `make up` leaves its servers running on purpose.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        return subprocess.Popen(
            service.command,
            cwd=REPO_ROOT,
            env=dict(service.env),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent(os.getpid()) if die_with_parent else None,
        )


def _pid(process: Process) -> int:
    return process if isinstance(process, int) else process.pid


def group_alive(process: Process) -> bool:
    """True while any process of the group led by ``process`` exists."""
    if not isinstance(process, int):
        process.poll()  # reap our own child, which would otherwise linger as a zombie
    try:
        os.killpg(_pid(process), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _signal_group(process: Process, signum: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(_pid(process), signum)


def stop_all(
    processes: Sequence[Process],
    first: signal.Signals | Sequence[signal.Signals] = signal.SIGTERM,
    grace: float = DEFAULT_GRACE_SECONDS,
) -> list[int]:
    """Signal every group at once, wait at most ``grace`` seconds, then SIGKILL the rest.

    ``first`` is one signal for all, or one per process (PostgreSQL and nginx shut down
    cleanly on other signals than SIGTERM). Stopping them together bounds the whole stop
    by ``grace``, however many servers there are. Returns the pids that had to be killed.
    """
    firsts = [first] * len(processes) if isinstance(first, signal.Signals) else list(first)
    for process, signum in zip(processes, firsts, strict=True):
        _signal_group(process, signum)
    deadline = time.monotonic() + grace
    alive = [process for process in processes if group_alive(process)]
    while alive and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        alive = [process for process in alive if group_alive(process)]
    for process in alive:
        _signal_group(process, signal.SIGKILL)
    for process in alive:
        if not isinstance(process, int):
            process.wait(timeout=grace)
    kill_deadline = time.monotonic() + grace  # SIGKILL cannot be refused: this is short
    while any(group_alive(process) for process in alive) and time.monotonic() < kill_deadline:
        time.sleep(POLL_SECONDS)
    return [_pid(process) for process in alive]


def stop(
    process: Process,
    first: signal.Signals = signal.SIGTERM,
    grace: float = DEFAULT_GRACE_SECONDS,
) -> None:
    """Stop one server's process group (``first``, then SIGKILL after ``grace`` seconds)."""
    stop_all([process], first, grace)
