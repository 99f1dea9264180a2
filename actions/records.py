"""What the action server writes outside Rasa: hand-over requests, and erasure of a learner.

Hand-over requests go to a small SQLite database that the advisor console reads.
"Forget me" deletes the learner's conversation from Rasa's own tracker store, whichever
SQL database that is (SQLite for a local run, PostgreSQL when scaled out): the same
SQLAlchemy code serves both. Rasa writes the events of a turn only after the turn's
actions have run, so the erasure waits until the turn that asked for it has been
written, then deletes every row of that conversation: nothing written before or during
the request survives.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

ERASE_POLL_SECONDS = 0.1
ERASE_TIMEOUT_SECONDS = 30.0
SQLITE_PREFIX = "sqlite:///"
# Rasa (SQLAlchemy 1.4 + psycopg2) and our engine (SQLAlchemy 2 + psycopg 3) read the
# same store: its URL names PostgreSQL generically, our driver is psycopg 3.
POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg2://")
PSYCOPG_SCHEME = "postgresql+psycopg://"
CONNECT_TIMEOUT_SECONDS = 10

# The columns of Rasa's SQL tracker store (``SQLTrackerStore.SQLEvent``) used here.
EVENTS = sa.table(
    "events",
    sa.column("sender_id", sa.String),
    sa.column("action_name", sa.String),
    sa.column("timestamp", sa.Float),
)

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


def delete_handoffs_before(path: Path, cutoff: float, dry_run: bool = False) -> int:
    """Remove hand-over requests made before ``cutoff`` (epoch seconds); returns how many."""
    if not path.exists():
        return 0
    with closing(_connect(path)) as connection, connection:
        if dry_run:
            row = connection.execute(
                "SELECT COUNT(*) FROM handoffs WHERE requested_at < ?", (cutoff,)
            ).fetchone()
            return int(row[0])
        return connection.execute("DELETE FROM handoffs WHERE requested_at < ?", (cutoff,)).rowcount


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL; None for other databases."""
    return Path(url[len(SQLITE_PREFIX) :]) if url.startswith(SQLITE_PREFIX) else None


def engine_url(url: str) -> str:
    """The tracker store's URL as our engine needs it (PostgreSQL through psycopg 3)."""
    for scheme in POSTGRES_SCHEMES:
        if url.startswith(scheme):
            return PSYCOPG_SCHEME + url[len(scheme) :]
    return url


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def tracker_engine(url: str) -> Engine:
    """One engine (and connection pool) per store and process, made on first use.

    Never at import: rasa_sdk imports every module of ``actions`` at start-up, and a
    store that is not up yet must not stop the action server from starting.
    """
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            target = engine_url(url)
            if target.startswith("sqlite"):
                connect_args: dict[str, Any] = {"timeout": CONNECT_TIMEOUT_SECONDS}
            else:
                connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
            engine = sa.create_engine(target, pool_pre_ping=True, connect_args=connect_args)
            _engines[url] = engine
        return engine


def store_exists(url: str) -> bool:
    """False only for a SQLite store whose file is missing (an engine would create it)."""
    path = sqlite_path(url)
    return path is None or path.exists()


def _turn_written(engine: Engine, sender_id: str, action_name: str) -> bool:
    query = (
        sa.select(sa.literal(1))
        .select_from(EVENTS)
        .where(EVENTS.c.sender_id == sender_id, EVENTS.c.action_name == action_name)
        .limit(1)
    )
    with engine.connect() as connection:
        return connection.execute(query).first() is not None


def erase_conversation(
    url: str, sender_id: str, action_name: str, timeout: float = ERASE_TIMEOUT_SECONDS
) -> int:
    """Wait until the requesting turn is stored, then delete the whole conversation."""
    engine = tracker_engine(url)
    deadline = time.monotonic() + timeout
    while not _turn_written(engine, sender_id, action_name):
        if time.monotonic() > deadline:
            log.warning("erasure of %s: requesting turn never stored; deleting anyway", sender_id)
            break
        time.sleep(ERASE_POLL_SECONDS)
    with engine.begin() as connection:
        deleted = connection.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id == sender_id))
    log.info("erased conversation %s (%d events)", sender_id, deleted.rowcount)
    return int(deleted.rowcount)


def _erase_logging_failures(url: str, sender_id: str, action_name: str) -> None:
    """Background erasure: an exception here would otherwise vanish with its future."""
    try:
        erase_conversation(url, sender_id, action_name)
    except Exception:
        log.exception("forget me: erasing conversation %s failed", sender_id)


def schedule_erasure(tracker_db_url: str, sender_id: str, action_name: str) -> bool:
    """Erase the conversation in the background once its current turn is stored."""
    if not store_exists(tracker_db_url):
        log.error("forget me: no tracker store at %s", sqlite_path(tracker_db_url))
        return False
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, _erase_logging_failures, tracker_db_url, sender_id, action_name)
    return True
