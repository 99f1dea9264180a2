"""Real databases for the privacy tests: SQLite files and a private PostgreSQL instance."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from deploy.infra import Postgres
from tests.stack import free_port

# Rasa 3.6's ``SQLTrackerStore.SQLEvent``: the table "forget me" and the purge work on.
_METADATA = sa.MetaData()
RASA_EVENTS = sa.Table(
    "events",
    _METADATA,
    sa.Column("id", sa.Integer, sa.Sequence("events_seq"), primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)
# Every row gets every column (one executemany), like Rasa's rows.
EVENT_DEFAULTS: dict[str, object] = {
    "type_name": "action",
    "intent_name": None,
    "action_name": None,
    "data": "{}",
}


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A private PostgreSQL on a free loopback port, for the whole session.

    As root the server runs as the ``postgres`` account, which must be able to reach the
    folder: pytest's tmp_path is 0700, so the folder comes from mkdtemp and is opened up.
    """
    root = Path(tempfile.mkdtemp(prefix="credwise-privacy-pg-"))
    root.chmod(0o711)
    server = Postgres(root / "pg", free_port(), secrets.token_urlsafe(16))
    server.init()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def tracker_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty Rasa events table; yields the URL the action server would be given."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'tracker.db'}"
        engine = sa.create_engine(url)
    else:
        server: Postgres = request.getfixturevalue("postgres")
        url = server.url  # postgresql://…, as Rasa's endpoints would name it
        engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    _METADATA.drop_all(engine)
    _METADATA.create_all(engine)
    engine.dispose()
    yield url


def insert_events(url: str, rows: list[dict[str, object]]) -> None:
    """Write events the way Rasa does (one row per event), with our own connection."""
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as connection:
            connection.execute(
                RASA_EVENTS.insert(),
                [{**EVENT_DEFAULTS, "timestamp": time.time(), **row} for row in rows],
            )
    finally:
        engine.dispose()


def count_events(url: str) -> dict[str, int]:
    """Rows per conversation, read from the database itself."""
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            query = sa.select(RASA_EVENTS.c.sender_id, sa.func.count()).group_by(
                RASA_EVENTS.c.sender_id
            )
            return {str(sender): int(n) for sender, n in connection.execute(query)}
    finally:
        engine.dispose()


def env_without_secrets() -> dict[str, str]:
    """The test process's environment minus anything that would point at real data."""
    return {k: v for k, v in os.environ.items() if not k.startswith("CREDWISE_")}
