"""Browsers may call the web app and Rasa only from the origins they were configured with."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import httpx
import pytest

from deploy.health import wait_healthy
from deploy.processes import start_process, stop
from deploy.servers import web_app
from tests.stack import Stack, free_port

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

PROVIDER = "https://courses.provider.example"
EVIL = "https://evil.example"
WEB_HEALTH_TIMEOUT_SECONDS = 60.0


@pytest.fixture(scope="module")
def web_url(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``python -m bot.web`` in front of the shared Rasa, allowing one provider's origin."""
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("CREDWISE_")},
        "CREDWISE_CORS_ORIGINS": json.dumps([PROVIDER]),
        "CREDWISE_RASA_AUTH_TOKEN": stack.rasa_token,
        "CREDWISE_CONSOLE_PASSWORD": "a password nobody in this test sends",
    }
    service = web_app(port, stack.rasa_url, env=env)
    log = tmp_path_factory.mktemp("web") / "web.log"
    process = start_process(service, log)
    try:
        wait_healthy(service, process, WEB_HEALTH_TIMEOUT_SECONDS, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def _preflight(url: str, origin: str) -> httpx.Response:
    return httpx.options(
        url,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
        timeout=30,
    )


def test_the_web_app_allows_only_its_configured_origins(web_url: str) -> None:
    allowed = _preflight(f"{web_url}/api/chat", PROVIDER)
    assert allowed.headers.get("access-control-allow-origin") == PROVIDER
    refused = _preflight(f"{web_url}/api/chat", EVIL)
    assert "access-control-allow-origin" not in refused.headers
    get = httpx.get(f"{web_url}/health", headers={"Origin": PROVIDER}, timeout=30)
    assert get.headers.get("access-control-allow-origin") == PROVIDER
    get = httpx.get(f"{web_url}/health", headers={"Origin": EVIL}, timeout=30)
    assert "access-control-allow-origin" not in get.headers


@pytest.mark.parametrize("origin", ["http://localhost:8000", "http://127.0.0.1:3000"])
def test_rasa_allows_pages_served_on_this_machine(stack: Stack, origin: str) -> None:
    preflight = _preflight(f"{stack.rasa_url}/webhooks/rest/webhook", origin)
    assert preflight.headers.get("access-control-allow-origin") == origin
    get = httpx.get(f"{stack.rasa_url}/", headers={"Origin": origin}, timeout=30)
    assert get.headers.get("access-control-allow-origin") == origin


@pytest.mark.parametrize("origin", [EVIL, "http://localhost.evil.example", "null"])
def test_rasa_refuses_other_origins(stack: Stack, origin: str) -> None:
    preflight = _preflight(f"{stack.rasa_url}/webhooks/rest/webhook", origin)
    assert "access-control-allow-origin" not in preflight.headers
    get = httpx.get(f"{stack.rasa_url}/", headers={"Origin": origin}, timeout=30)
    assert "access-control-allow-origin" not in get.headers


def test_every_console_api_refuses_a_caller_without_a_session(web_url: str) -> None:
    """Over real HTTP, for every route the app itself declares under /console/api."""
    from bot.settings import BotSettings
    from bot.web.app import create_app

    app = create_app(BotSettings(_env_file=None))  # type: ignore[call-arg]
    routes = [
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method in operations
        if path.startswith("/console/api/")
    ]
    assert len(routes) >= 10  # personas, rank, labels…, hand-overs…
    with httpx.Client(base_url=web_url, timeout=30) as http:
        for method, path in routes:
            concrete = path.replace("{handoff_id}", "1")
            assert "{" not in concrete, f"unknown path parameter in {path}"
            response = http.request(method, concrete, json={}, headers={"Origin": PROVIDER})
            assert response.status_code == 401, (method, path, response.text)
