"""Shared fixtures: real source rows and the real catalog, read once per session."""

from __future__ import annotations

import csv
import secrets
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot import services
from tests.stack import Stack, free_port

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = REPO_ROOT / "data" / "courses" / "sources"


@pytest.fixture(scope="session")
def source_row() -> Callable[[str, str, str], dict[str, str]]:
    """Look up one real row of a committed source file by a column's value."""
    cache: dict[str, list[dict[str, str]]] = {}

    def find(file_name: str, column: str, value: str) -> dict[str, str]:
        if file_name not in cache:
            with (SOURCES_DIR / file_name).open(encoding="utf-8", newline="") as handle:
                cache[file_name] = list(csv.DictReader(handle))
        for row in cache[file_name]:
            if row[column] == value:
                return row
        raise LookupError(f"{file_name}: no row with {column}={value!r}")

    return find


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Action server + Rasa on free ports with their own SQLite stores, shared by all suites."""
    root = tmp_path_factory.mktemp("stack")
    tracker_db = root / "tracker.db"
    handoff_db = root / "advisor.db"
    actions_port, rasa_port = free_port(), free_port()
    endpoints = root / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{tracker_db}"\n'
    )
    env = {
        "CREDWISE_TRACKER_DB_URL": f"sqlite:///{tracker_db}",
        "CREDWISE_HANDOFF_DB_PATH": str(handoff_db),
    }
    actions = services.action_server(actions_port, env=env)
    rasa_token = secrets.token_urlsafe(32)
    rasa = services.rasa_server(rasa_port, endpoints, auth_token=rasa_token)
    processes = [
        services.start(actions, root / "actions.log"),
        services.start(rasa, root / "rasa.log"),
    ]
    try:
        services.wait_healthy(actions, processes[0], services.HEALTH_TIMEOUT_SECONDS)
        services.wait_healthy(rasa, processes[1], services.HEALTH_TIMEOUT_SECONDS)
        yield Stack(
            rasa_url=f"http://127.0.0.1:{rasa_port}",
            actions_url=f"http://127.0.0.1:{actions_port}",
            tracker_db=tracker_db,
            handoff_db=handoff_db,
            rasa_token=rasa_token,
            log_dir=root,
        )
    finally:
        for process in processes:
            services.stop(process)
        print(f"server logs: {root}")


@pytest.fixture
def sender() -> str:
    """A fresh conversation id."""
    return f"test-{uuid.uuid4().hex[:12]}"
