"""Servers for the bad-input suite: web apps in front of the session's shared Rasa stack.

Two real web apps (``python -m bot.web``) relay to the shared ``stack``:

- ``web``: production rate limits, for the corpus (a learner's normal pace is never
  limited, so the corpus itself must pass under them);
- ``flood_web``: small limits set through ``CREDWISE_CHAT_LIMIT_*``, so a flood is
  refused after a few turns and the test does not push a thousand turns through Rasa.

Loopback is a whole /8, so clients bound to 127.0.0.2, 127.0.0.3… are different client
IPs to the web app: a flood from one address and a learner on another are told apart.

The log checks run last (see ``pytest_collection_modifyitems``): they read what every
server wrote while this suite ran.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from deploy.health import wait_healthy
from deploy.processes import start_process, stop
from deploy.servers import web_app
from tests.browser.conftest import (  # noqa: F401  (fixtures, shared with the widget suite)
    browser,
    new_context,
    page,
    playwright_session,
    shot,
)
from tests.stack import Stack, free_port
from tests.telegram.conftest import make_bot  # noqa: F401  (fixture)

WEB_HEALTH_TIMEOUT_SECONDS = 30.0
TURN_TIMEOUT_SECONDS = 90.0
FLOOD_PER_SENDER = 5
FLOOD_PER_CLIENT = 15
FLOOD_PERIOD_SECONDS = 60.0
LOG_CHECK_MODULE = "test_logs.py"


@dataclass(frozen=True)
class WebApp:
    """A running web app and its log."""

    url: str
    log: Path


def client(
    url: str, source: str = "127.0.0.1", timeout: float = TURN_TIMEOUT_SECONDS
) -> httpx.Client:
    """An HTTP client whose requests come from the loopback address ``source``."""
    transport = httpx.HTTPTransport(local_address=source)
    return httpx.Client(base_url=url, transport=transport, timeout=timeout)


def api_token(stack: Stack) -> dict[str, str]:
    """The query parameter Rasa's HTTP API wants, when the stack runs it with a token."""
    token = getattr(stack, "rasa_token", None)
    return {"token": token} if token else {}


def _start_web(
    stack: Stack, log: Path, env: dict[str, str]
) -> tuple[WebApp, subprocess.Popen[bytes]]:
    port = free_port()
    token = api_token(stack).get("token", "")
    service = web_app(port, stack.rasa_url, env={"CREDWISE_RASA_AUTH_TOKEN": token, **env})
    process = start_process(service, log)
    wait_healthy(service, process, WEB_HEALTH_TIMEOUT_SECONDS, log)
    return WebApp(url=f"http://127.0.0.1:{port}", log=log), process


@pytest.fixture(scope="session")
def web_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where this suite's web apps write their logs."""
    return tmp_path_factory.mktemp("badinput-web")


@pytest.fixture(scope="session")
def stack_log_offsets(stack: Stack) -> dict[str, int]:
    """How much of the shared stack's logs existed before this suite used the stack, so
    the log checks judge only what this suite caused."""
    assert stack.log_dir is not None, "the stack fixture must set log_dir"
    return {
        name: (stack.log_dir / name).stat().st_size
        for name in ("rasa.log", "actions.log")
        if (stack.log_dir / name).exists()
    }


@pytest.fixture(scope="session")
def web(stack: Stack, web_logs: Path, stack_log_offsets: dict[str, int]) -> Iterator[WebApp]:
    """The web app with its default (production) rate limits."""
    app, process = _start_web(stack, web_logs / "web.log", {})
    try:
        yield app
    finally:
        stop(process)


@pytest.fixture(scope="session")
def flood_web(stack: Stack, web_logs: Path, stack_log_offsets: dict[str, int]) -> Iterator[WebApp]:
    """A web app with small rate limits, configured through the environment."""
    app, process = _start_web(
        stack,
        web_logs / "flood-web.log",
        {
            "CREDWISE_CHAT_LIMIT_PER_SENDER": str(FLOOD_PER_SENDER),
            "CREDWISE_CHAT_LIMIT_PER_CLIENT": str(FLOOD_PER_CLIENT),
            "CREDWISE_CHAT_LIMIT_PERIOD_SECONDS": str(FLOOD_PERIOD_SECONDS),
        },
    )
    try:
        yield app
    finally:
        stop(process)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the log checks after every other bad-input test, whatever the file order."""
    here = Path(__file__).parent
    last = [item for item in items if item.path == here / LOG_CHECK_MODULE]
    if last:
        items[:] = [item for item in items if item not in last] + last
