"""Hand-over records and conversation erasure, on real SQLite files."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from actions.records import (
    delete_handoffs,
    engine_url,
    erase_conversation,
    record_handoff,
    sqlite_path,
    store_exists,
)

# The columns of Rasa 3.6's SQL tracker store that erasure relies on.
EVENTS_TABLE = (
    "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
    "timestamp REAL, intent_name TEXT, action_name TEXT, data TEXT)"
)


def _store(path: Path, rows: list[tuple[str, str | None]]) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(EVENTS_TABLE)
        connection.executemany(
            "INSERT INTO events (sender_id, type_name, action_name, data) "
            "VALUES (?, 'action', ?, '{}')",
            rows,
        )


def _count(path: Path, sender: str) -> int:
    with sqlite3.connect(path) as connection:
        row = connection.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
        ).fetchone()
    return int(row[0])


def test_handoff_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "advisor.db"
    request_id = record_handoff(db, "alice", {"goal": "SQL"}, [{"from": "learner", "text": "hi"}])
    assert request_id == 1
    with sqlite3.connect(db) as connection:
        sender, status, profile = connection.execute(
            "SELECT sender_id, status, profile_json FROM handoffs"
        ).fetchone()
    assert (sender, status, json.loads(profile)) == ("alice", "waiting", {"goal": "SQL"})
    assert delete_handoffs(db, "alice") == 1
    assert delete_handoffs(tmp_path / "missing.db", "alice") == 0


def test_erasure_waits_for_the_requesting_turn_then_deletes_only_that_learner(
    tmp_path: Path,
) -> None:
    db = tmp_path / "tracker.db"
    _store(db, [("alice", "action_listen"), ("alice", "utter_greet"), ("bob", "utter_greet")])

    def write_turn_later() -> None:
        time.sleep(0.3)
        with sqlite3.connect(db) as connection:
            connection.execute(
                "INSERT INTO events (sender_id, type_name, action_name, data) "
                "VALUES ('alice', 'action', 'action_forget_me', '{}')"
            )

    writer = threading.Thread(target=write_turn_later)
    writer.start()
    deleted = erase_conversation(f"sqlite:///{db}", "alice", "action_forget_me", timeout=5)
    writer.join()
    assert deleted == 3  # two earlier rows and the requesting turn
    assert _count(db, "alice") == 0
    assert _count(db, "bob") == 1


def test_erasure_gives_up_waiting_but_still_deletes(tmp_path: Path) -> None:
    db = tmp_path / "tracker.db"
    _store(db, [("carol", "action_listen")])
    url = f"sqlite:///{db}"
    assert erase_conversation(url, "carol", "action_forget_me", timeout=0.2) == 1
    assert _count(db, "carol") == 0


def test_sqlite_path() -> None:
    assert sqlite_path("sqlite:////tmp/x.db") == Path("/tmp/x.db")
    assert sqlite_path("postgresql://localhost/rasa") is None


def test_rasas_postgresql_url_is_read_through_psycopg_3() -> None:
    assert engine_url("postgresql://u:p@127.0.0.1:5432/rasa") == (
        "postgresql+psycopg://u:p@127.0.0.1:5432/rasa"
    )
    assert engine_url("postgresql+psycopg2://h/db") == "postgresql+psycopg://h/db"
    assert engine_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def test_a_missing_sqlite_store_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "tracker.db"
    assert not store_exists(f"sqlite:///{missing}")
    assert not missing.exists()
    assert store_exists("postgresql://localhost/rasa")
