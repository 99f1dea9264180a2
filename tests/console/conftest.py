"""Console test fixtures: a web app on temporary databases, logged in or not.

The real Rasa stack of the end-to-end tests is reused for the hand-over test; only
tests that ask for it start it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.settings import BotSettings
from bot.web.app import create_app

PASSWORD = "correct horse battery staple"
ADVISOR = "Sam"

MakeClient = Callable[..., TestClient]


@pytest.fixture
def make_client(tmp_path: Path) -> MakeClient:
    """A client of a fresh app; settings default to temp databases and ``PASSWORD``."""

    def make(**overrides: Any) -> TestClient:
        values: dict[str, Any] = {
            "console_password": PASSWORD,
            "labels_db_path": tmp_path / "labels.db",
            "handoff_db_path": tmp_path / "advisor.db",
            "rasa_url": "http://127.0.0.1:9",  # nothing listens: Rasa is 'down' unless set
            **overrides,
        }
        settings = BotSettings(_env_file=None, **values)  # type: ignore[call-arg]
        return TestClient(create_app(settings))

    return make


def log_in(client: TestClient, name: str = ADVISOR) -> TestClient:
    """Log the client in (the session cookie stays in its jar)."""
    response = client.post("/console/login", json={"password": PASSWORD, "name": name})
    assert response.status_code == 200, response.text
    return client


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    """Not logged in."""
    return make_client()


@pytest.fixture
def advisor(make_client: MakeClient) -> TestClient:
    """Logged in as ``ADVISOR``."""
    return log_in(make_client())
