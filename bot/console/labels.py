"""Relevance labels from advisors, and the rankings they were given on, in SQLite.

Labels are appended, never updated: a re-label is a new row and the newest row for a
(query, course) pair is the one that counts, so the history of judgments (and the
metrics chart over time) can be replayed. The ranking shown at labelling time is
stored beside the labels (each label points at it) because nDCG is a property of a
ranking, not of labels.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GRADES = (0, 1, 2)  # not relevant, partly, relevant

_SCHEMA = """
CREATE TABLE IF NOT EXISTS labels (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query_id TEXT NOT NULL,
    query_text TEXT NOT NULL,
    course_url TEXT NOT NULL,
    grade INTEGER NOT NULL CHECK (grade IN (0, 1, 2)),
    labelled_at REAL NOT NULL,
    advisor TEXT,
    ranking_id INTEGER REFERENCES rankings (id)  -- the ranking the label was given on
);
CREATE INDEX IF NOT EXISTS labels_by_query ON labels (query_id, course_url);
CREATE TABLE IF NOT EXISTS queries (
    query_id TEXT PRIMARY KEY,
    query_text TEXT NOT NULL,
    filters_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rankings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query_id TEXT NOT NULL,
    shown_at REAL NOT NULL,
    urls_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rankings_by_query ON rankings (query_id);
"""

_LATEST_LABELS = """
SELECT query_id, course_url, grade FROM labels
WHERE id IN (SELECT MAX(id) FROM labels GROUP BY query_id, course_url)
ORDER BY query_id, course_url
"""


@dataclass(frozen=True)
class LabelEvent:
    """A label as given, with the ranking it was given on, for replaying the history."""

    at: float
    query_id: str
    course_url: str
    grade: int
    ranking: list[str]


class LabelStore:
    """The labels database at ``path`` (created with its tables on first write)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10)) as connection:
            connection.executescript(_SCHEMA)
            with connection:
                yield connection

    def record(
        self,
        *,
        query_id: str,
        query_text: str,
        filters: dict[str, Any],
        ranking: list[str],
        course_url: str,
        grade: int,
        advisor: str | None,
        now: float | None = None,
    ) -> None:
        """Store one label, the query it belongs to and (if changed) the ranking shown."""
        if grade not in GRADES:
            raise ValueError(f"grade must be one of {GRADES}")
        at = time.time() if now is None else now
        with self._connect() as connection:
            connection.execute(
                "INSERT INTO queries (query_id, query_text, filters_json) VALUES (?, ?, ?) "
                "ON CONFLICT (query_id) DO UPDATE SET query_text = excluded.query_text",
                (query_id, query_text, json.dumps(filters, sort_keys=True)),
            )
            last = connection.execute(
                "SELECT id, urls_json FROM rankings WHERE query_id = ? ORDER BY id DESC LIMIT 1",
                (query_id,),
            ).fetchone()
            if last is not None and json.loads(last[1]) == ranking:
                ranking_id = int(last[0])
            else:
                cursor = connection.execute(
                    "INSERT INTO rankings (query_id, shown_at, urls_json) VALUES (?, ?, ?)",
                    (query_id, at, json.dumps(ranking)),
                )
                ranking_id = int(cursor.lastrowid or 0)
            connection.execute(
                "INSERT INTO labels (query_id, query_text, course_url, grade, labelled_at, "
                "advisor, ranking_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (query_id, query_text, course_url, grade, at, advisor, ranking_id),
            )

    def grades(self, query_id: str) -> dict[str, int]:
        """The current grade of each labelled course of one query."""
        return self.qrels().get(query_id, {})

    def qrels(self) -> dict[str, dict[str, int]]:
        """``{query_id: {course_url: grade}}`` with each pair's newest grade."""
        if not self.path.exists():
            return {}
        qrels: dict[str, dict[str, int]] = {}
        with self._connect() as connection:
            for qid, url, grade in connection.execute(_LATEST_LABELS):
                qrels.setdefault(qid, {})[url] = int(grade)
        return qrels

    def queries(self) -> dict[str, str]:
        """``{query_id: query text}`` for every labelled query, oldest first."""
        if not self.path.exists():
            return {}
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT q.query_id, q.query_text FROM queries AS q JOIN "
                "(SELECT query_id, MIN(id) AS first FROM labels GROUP BY query_id) AS l "
                "ON l.query_id = q.query_id ORDER BY l.first"
            ).fetchall()
        return {qid: text for qid, text in rows}

    def latest_rankings(self) -> dict[str, list[str]]:
        """The last ranking shown for each labelled query."""
        if not self.path.exists():
            return {}
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT query_id, urls_json FROM rankings "
                "WHERE id IN (SELECT MAX(id) FROM rankings GROUP BY query_id)"
            ).fetchall()
        return {qid: list(json.loads(urls)) for qid, urls in rows}

    def events(self) -> list[LabelEvent]:
        """Every label in the order given, each with the ranking it was given on."""
        if not self.path.exists():
            return []
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT l.labelled_at, l.query_id, l.course_url, l.grade, r.urls_json "
                "FROM labels AS l LEFT JOIN rankings AS r ON r.id = l.ranking_id ORDER BY l.id"
            ).fetchall()
        return [
            LabelEvent(at, qid, url, int(grade), list(json.loads(urls or "[]")))
            for at, qid, url, grade, urls in rows
        ]
