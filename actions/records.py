"""What the action server writes outside Rasa: hand-over requests, and erasure of a learner.

Hand-over requests go to a small SQLite database that the advisor console reads.
"Forget me" deletes the learner's conversation from Rasa's own tracker store. Rasa
writes the events of a turn only after the turn's actions have run, so the erasure
waits until the turn that asked for it has been written, then deletes every row
of that conversation: nothing written before or during the request survives.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ERASE_POLL_SECONDS = 0.1
ERASE_TIMEOUT_SECONDS = 30.0
SQLITE_PREFIX = "sqlite:///"

_HANDOFF_SCHEMA = """
CREATE TABLE IF NOT EXISTS handoffs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sender_id TEXT NOT NULL,
    requested_at REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'waiting',
    profile_json TEXT NOT NULL,
    transcript_json TEXT NOT NULL
)
"""


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=10)
    connection.execute(_HANDOFF_SCHEMA)
    return connection


def record_handoff(
    path: Path, sender_id: str, profile: dict[str, Any], transcript: list[dict[str, str]]
) -> int:
    """Queue a conversation for a human advisor; returns the request's id."""
    with closing(_connect(path)) as connection, connection:
        cursor = connection.execute(
            "INSERT INTO handoffs (sender_id, requested_at, profile_json, transcript_json) "
            "VALUES (?, ?, ?, ?)",
            (sender_id, time.time(), json.dumps(profile), json.dumps(transcript)),
        )
        return int(cursor.lastrowid or 0)


def delete_handoffs(path: Path, sender_id: str) -> int:
    """Remove a learner's hand-over requests (part of "forget me")."""
    if not path.exists():
        return 0
    with closing(_connect(path)) as connection, connection:
        return connection.execute("DELETE FROM handoffs WHERE sender_id = ?", (sender_id,)).rowcount


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL; None for other databases."""
    return Path(url[len(SQLITE_PREFIX) :]) if url.startswith(SQLITE_PREFIX) else None


def _turn_written(connection: sqlite3.Connection, sender_id: str, action_name: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM events WHERE sender_id = ? AND action_name = ? LIMIT 1",
        (sender_id, action_name),
    ).fetchone()
    return row is not None


def erase_conversation_sqlite(
    path: Path, sender_id: str, action_name: str, timeout: float = ERASE_TIMEOUT_SECONDS
) -> int:
    """Wait until the requesting turn is stored, then delete the whole conversation."""
    deadline = time.monotonic() + timeout
    with closing(sqlite3.connect(path, timeout=10)) as connection:
        while not _turn_written(connection, sender_id, action_name):
            if time.monotonic() > deadline:
                log.warning(
                    "erasure of %s: requesting turn never stored; deleting anyway", sender_id
                )
                break
            time.sleep(ERASE_POLL_SECONDS)
        with connection:
            deleted = connection.execute(
                "DELETE FROM events WHERE sender_id = ?", (sender_id,)
            ).rowcount
    log.info("erased conversation %s (%d events)", sender_id, deleted)
    return deleted


def schedule_erasure(tracker_db_url: str, sender_id: str, action_name: str) -> bool:
    """Erase the conversation in the background once its current turn is stored."""
    path = sqlite_path(tracker_db_url)
    if path is None or not path.exists():
        log.error("forget me: no SQLite tracker store at %s", tracker_db_url)
        return False
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, erase_conversation_sqlite, path, sender_id, action_name)
    return True
