"""Who may use the console: one shared password, short-lived sessions, throttled guessing.

The console shows learners' conversations, so it fails closed: with no password
configured every login is refused. Sessions are random tokens held in memory (a
restart logs everyone out, which is acceptable for a handful of advisors and means
no session secret has to be stored). Failed logins are counted per client so a
password cannot be guessed at request speed.
"""

from __future__ import annotations

import hmac
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

SESSION_COOKIE = "credwise_console"
SESSION_TTL_SECONDS = 8 * 3600  # one working day
MAX_SESSIONS = 1000  # bounds memory if someone scripts logins with the right password
FAILURES_ALLOWED = 5
FAILURE_WINDOW_SECONDS = 60.0
MAX_TRACKED_CLIENTS = 10_000
MAX_ADVISOR_NAME = 40
DEFAULT_ADVISOR = "Career advisor"

Clock = Callable[[], float]


def password_matches(given: str, configured: str | None) -> bool:
    """Constant-time comparison; always False when no password is configured."""
    if not configured:
        return False
    return hmac.compare_digest(given.encode("utf-8"), configured.encode("utf-8"))


def clean_advisor_name(raw: object) -> str:
    """The name learners will see on replies: printable, one line, short; a default if blank."""
    if not isinstance(raw, str):
        return DEFAULT_ADVISOR
    name = re.sub(r"[\x00-\x1f\x7f<>]", "", raw)
    name = " ".join(name.split())[:MAX_ADVISOR_NAME].strip()
    return name or DEFAULT_ADVISOR


@dataclass(frozen=True)
class Session:
    """A logged-in advisor."""

    token: str
    advisor: str
    expires_at: float


class SessionStore:
    """Random bearer tokens with an expiry, kept in this process only."""

    def __init__(self, ttl: float = SESSION_TTL_SECONDS, clock: Clock = time.monotonic) -> None:
        self._ttl = ttl
        self._clock = clock
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def create(self, advisor: str) -> Session:
        """Start a session; the oldest one is dropped if the store is full."""
        with self._lock:
            self._purge()
            if len(self._sessions) >= MAX_SESSIONS:
                oldest = min(self._sessions.values(), key=lambda s: s.expires_at)
                del self._sessions[oldest.token]
            session = Session(secrets.token_urlsafe(32), advisor, self._clock() + self._ttl)
            self._sessions[session.token] = session
            return session

    def get(self, token: str | None) -> Session | None:
        """The live session for ``token``, or None (unknown, revoked or expired)."""
        if not token:
            return None
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            if session.expires_at <= self._clock():
                del self._sessions[token]
                return None
            return session

    def revoke(self, token: str | None) -> None:
        """End a session (logout); unknown tokens are ignored."""
        if token:
            with self._lock:
                self._sessions.pop(token, None)

    def _purge(self) -> None:
        now = self._clock()
        for token in [t for t, s in self._sessions.items() if s.expires_at <= now]:
            del self._sessions[token]


class LoginLimiter:
    """At most ``allowed`` failed logins per client in any ``window`` seconds."""

    def __init__(
        self,
        allowed: int = FAILURES_ALLOWED,
        window: float = FAILURE_WINDOW_SECONDS,
        clock: Clock = time.monotonic,
    ) -> None:
        self._allowed = allowed
        self._window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> float | None:
        """Seconds until ``client`` may try again, or None if it may try now."""
        with self._lock:
            recent = self._recent(client)
            if len(recent) < self._allowed:
                return None
            return max(recent[0] + self._window - self._clock(), 1.0)

    def failed(self, client: str) -> None:
        """Count a failed attempt."""
        with self._lock:
            if client not in self._failures and len(self._failures) >= MAX_TRACKED_CLIENTS:
                self._forget_idle()
            self._failures.setdefault(client, deque()).append(self._clock())

    def succeeded(self, client: str) -> None:
        """A correct password clears the client's count."""
        with self._lock:
            self._failures.pop(client, None)

    def _recent(self, client: str) -> deque[float]:
        recent = self._failures.get(client, deque())
        cutoff = self._clock() - self._window
        while recent and recent[0] <= cutoff:
            recent.popleft()
        return recent

    def _forget_idle(self) -> None:
        for client in list(self._failures):
            if not self._recent(client):
                del self._failures[client]
