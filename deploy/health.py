"""Waiting for a server to answer its health check, never without an end.

Why: a wait with no deadline once left ``make run`` silent forever behind a Rasa that was
shutting down. Every wait here ends, and the message names the service and its log.
"""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from deploy.service import Service

POLL_SECONDS = 0.5
REQUEST_TIMEOUT_SECONDS = 2.0


class NotHealthyError(RuntimeError):
    """A server exited or did not answer in time; the message names it and its log."""


class Interrupted(Exception):  # noqa: N818 - not an error: a stop was asked for
    """A stop was requested (a signal) while waiting."""


def http_status(url: str) -> int:
    """The status a GET of ``url`` answers with, 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT_SECONDS) as response:
            return int(response.status)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0


def last_line(log_path: Path) -> str:
    """The last non-empty line of a log: where a refusing service says why."""
    try:
        lines = log_path.read_text(errors="replace").strip().splitlines()
    except OSError:
        return "(no log)"
    return lines[-1] if lines else "(empty log)"


def _warm_up(service: Service, seconds: float, log: Path) -> None:
    """The service's warm-up, if it has one; a failure names the service and its log."""
    if service.warm_up is None:
        return
    try:
        service.warm_up(seconds)
    except (OSError, ValueError) as error:  # urllib's errors and timeouts are OSErrors
        raise NotHealthyError(
            f"{service.name} is up but failed to load what it serves ({error}); "
            f"see {log}: {last_line(log)}"
        ) from error


def wait_healthy(
    service: Service,
    process: subprocess.Popen[bytes] | None,
    timeout: float,
    log: Path,
    stop_requested: Callable[[], bool] = lambda: False,
) -> None:
    """Poll the health URL until it answers 200, the process dies or ``timeout`` passes.

    Once it answers, the service's warm-up (if any) runs within the same deadline.

    Raises :class:`NotHealthyError` naming the service and its log (with the log's last
    line, where a refusing server says why), or :class:`Interrupted` once
    ``stop_requested()`` is true.
    """
    deadline = time.monotonic() + timeout
    while True:
        if stop_requested():
            raise Interrupted(service.name)
        if process is not None and process.poll() is not None:
            raise NotHealthyError(
                f"{service.name} exited with status {process.returncode} while starting; "
                f"see {log}: {last_line(log)}"
            )
        if http_status(service.health_url) == 200:
            _warm_up(service, max(1.0, deadline - time.monotonic()), log)
            return
        if time.monotonic() >= deadline:
            raise NotHealthyError(
                f"{service.name} not healthy at {service.public_health_url} after "
                f"{timeout:g}s; see {log}: {last_line(log)}"
            )
        time.sleep(POLL_SECONDS)
