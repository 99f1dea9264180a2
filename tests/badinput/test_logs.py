"""After the corpus: no server logged an unhandled exception or answered a 5xx.

These run last (``tests/badinput/conftest.py``). They read the web apps' logs whole and
the shared stack's logs from where they stood when this suite started.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.badinput.conftest import WebApp
from tests.stack import Stack

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

SERVER_ERROR = re.compile(r'" 5\d\d ')  # uvicorn's access log: "POST /api/chat HTTP/1.1" 500


def read_from(path: Path, offset: int = 0) -> str:
    """A log's text from ``offset`` bytes on."""
    with path.open("rb") as handle:
        handle.seek(offset)
        return handle.read().decode("utf-8", errors="replace")


def test_the_web_apps_logged_no_exception_and_answered_no_5xx(
    web: WebApp, flood_web: WebApp
) -> None:
    for app in (web, flood_web):
        log = read_from(app.log)
        assert "Traceback" not in log, log[-3_000:]
        assert "Exception in ASGI application" not in log
        assert not SERVER_ERROR.findall(log), SERVER_ERROR.findall(log)[:5]


def test_the_action_server_logged_no_exception(
    stack: Stack, stack_log_offsets: dict[str, int]
) -> None:
    assert stack.log_dir is not None
    log = read_from(stack.log_dir / "actions.log", stack_log_offsets.get("actions.log", 0))
    assert "Traceback" not in log, log[-3_000:]
    assert "Exception" not in log, log[-3_000:]


def test_rasa_logged_no_exception_and_no_failed_turn(
    stack: Stack, stack_log_offsets: dict[str, int]
) -> None:
    assert stack.log_dir is not None
    log = read_from(stack.log_dir / "rasa.log", stack_log_offsets.get("rasa.log", 0))
    assert "Traceback" not in log, log[-5_000:]
    failed = [line[:300] for line in log.splitlines() if "rest.message.received" in line]
    failed += [line[:300] for line in log.splitlines() if re.search(r"turn of .* failed", line)]
    assert not failed, failed
