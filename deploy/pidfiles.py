"""Pid files that are believed only when their process really is the expected program.

Why: after a crash or a reboot a pid file may name a process that is gone, or a pid the
system has since given to something else. Either way the server is not running; trusting
the file would skip starting it (or, worse, signal an unrelated process on ``down``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def cmdline(pid: int) -> list[str] | None:
    """The arguments of process ``pid`` from ``/proc``, None when it is gone or a zombie."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return raw.decode(errors="replace").split("\0")[:-1] or None


def runs_program(pid: int, program: Sequence[str]) -> bool:
    """True when process ``pid`` exists and its command line begins with ``program``."""
    arguments = cmdline(pid)
    return arguments is not None and tuple(arguments[: len(program)]) == tuple(program)


class PidFiles:
    """``<name>.pid`` files in one folder, one per running server."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.pid"

    def write(self, name: str, pid: int) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path(name).write_text(f"{pid}\n")

    def read(self, name: str) -> int | None:
        """The recorded pid, or None when there is no readable pid file."""
        try:
            return int(self.path(name).read_text().strip())
        except (OSError, ValueError):
            return None

    def remove(self, name: str) -> None:
        self.path(name).unlink(missing_ok=True)

    def running(self, name: str, program: Sequence[str]) -> int | None:
        """The pid of ``name`` if it runs ``program``; a stale pid file is removed."""
        pid = self.read(name)
        if pid is not None and pid != os.getpid() and runs_program(pid, program):
            return pid
        if self.path(name).exists():
            self.remove(name)
        return None
