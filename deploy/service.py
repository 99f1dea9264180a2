"""What a server process is to the supervisor: its command, environment and health check."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass


class NotReadyError(RuntimeError):
    """A service's files are missing or damaged; the message names the command that fixes it."""


@dataclass(frozen=True)
class Service:
    """A server process: how to start it and how to know it is ready."""

    name: str
    command: list[str]
    health_url: str
    env: Mapping[str, str]
    # Run before anything starts: raises ``NotReadyError`` naming the fix.
    preflight: Callable[[], None] | None = None
    # Run once the health check answers, with the seconds left to wait: loads what the
    # first user would otherwise wait for. Raises ``OSError`` when the server fails it.
    warm_up: Callable[[float], None] | None = None

    @property
    def program(self) -> tuple[str, ...]:
        """The leading arguments that tell this server apart in ``/proc/<pid>/cmdline``.

        Why: a pid in a pid file may have been reused by an unrelated process after a
        crash; only a process running this program counts as "already running".
        """
        return tuple(self.command[:3])

    @property
    def public_health_url(self) -> str:
        """The health URL without its query string, which may carry the API token."""
        return self.health_url.split("?", 1)[0]
