"""Shared fixtures: real source rows and the real catalog, read once per session."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from deploy.embedded import EmbeddedDeployment
from tests.stack import Stack
from tests.telegram.bot_api import BotApiStandIn

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
    deployment = EmbeddedDeployment(tmp_path_factory.mktemp("stack"))
    try:
        deployment.start("actions", "rasa")
        stack = Stack(
            rasa_url=deployment.rasa_url,
            actions_url=deployment.actions_url,
            tracker_db=deployment.tracker_db,
            handoff_db=deployment.handoff_db,
            rasa_token=deployment.token,
            log_dir=deployment.root,
        )
        yield stack
        stack.close()
    finally:
        deployment.stop()
        print(f"server logs: {deployment.root}")


@pytest.fixture
def bot_api() -> Iterator[BotApiStandIn]:
    """A fresh Telegram Bot API stand-in per test, so recorded calls belong to that test."""
    server = BotApiStandIn().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sender() -> str:
    """A fresh conversation id."""
    return f"test-{uuid.uuid4().hex[:12]}"
