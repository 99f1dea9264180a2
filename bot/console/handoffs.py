"""The hand-over queue the action server writes (see actions/records.py), as the console reads it.

The action server owns the table and its schema; the console only reads requests and
marks one closed when the advisor hands the learner back. A missing database is an
empty queue, not an error: nobody has asked for a human yet.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WAITING = "waiting"
CLOSED = "closed"


@dataclass(frozen=True)
class Handoff:
    """A learner's request to talk to a person."""

    id: int
    sender_id: str
    requested_at: float
    status: str
    profile: dict[str, Any]
    transcript: list[dict[str, str]]


def _loads(text: str, fallback: Any) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return fallback


def _row(row: tuple[Any, ...]) -> Handoff:
    handoff_id, sender, requested_at, status, profile_json, transcript_json = row
    profile = _loads(profile_json, {})
    transcript = _loads(transcript_json, [])
    return Handoff(
        id=int(handoff_id),
        sender_id=str(sender),
        requested_at=float(requested_at),
        status=str(status),
        profile=profile if isinstance(profile, dict) else {},
        transcript=transcript if isinstance(transcript, list) else [],
    )


_COLUMNS = "id, sender_id, requested_at, status, profile_json, transcript_json"


class HandoffQueue:
    """Read and close hand-over requests in the SQLite file at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if not self.path.exists():
            return []
        with closing(sqlite3.connect(self.path, timeout=10)) as connection:
            try:
                return connection.execute(sql, parameters).fetchall()
            except sqlite3.OperationalError as error:
                if "no such table" in str(error):
                    return []
                raise

    def waiting(self) -> list[Handoff]:
        """Open requests, newest first."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM handoffs WHERE status = ? ORDER BY requested_at DESC, id DESC",
            (WAITING,),
        )
        return [_row(row) for row in rows]

    def get(self, handoff_id: int) -> Handoff | None:
        """One request by id, whatever its status."""
        rows = self._query(f"SELECT {_COLUMNS} FROM handoffs WHERE id = ?", (handoff_id,))
        return _row(rows[0]) if rows else None

    def close(self, handoff_id: int) -> bool:
        """Mark a waiting request closed; False if it was not waiting."""
        if not self.path.exists():
            return False
        with closing(sqlite3.connect(self.path, timeout=10)) as connection, connection:
            cursor = connection.execute(
                "UPDATE handoffs SET status = ? WHERE id = ? AND status = ?",
                (CLOSED, handoff_id, WAITING),
            )
            return cursor.rowcount == 1
