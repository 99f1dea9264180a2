"""Real servers and a headless Chromium, started once per session for the widget tests.

The web app runs on a free port in front of the session's action server and Rasa (the
trained model, SQLite stores; ``tests/conftest.py``), as in production but on
127.0.0.1. A second web app
whose Rasa URL is a closed port stands in for "the advisor is down", and a small
"provider site" on a third origin embeds the widget cross-origin. Chromium is
Debian's (``/usr/bin/chromium``, or ``CREDWISE_CHROMIUM``): no browser is downloaded.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from deploy.health import wait_healthy
from deploy.processes import start_process, stop
from deploy.servers import PYTHON
from deploy.service import Service
from tests.stack import Stack, free_port
from tests.utils.chromium import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS

WEB_HEALTH_TIMEOUT_SECONDS = 30.0
WARM_UP_TIMEOUT_SECONDS = 180.0
DEFAULT_TIMEOUT_MS = 30_000
DESKTOP = {"width": 1280, "height": 800}

_session_notes: list[str] = []


@dataclass
class ProviderSite:
    """Another provider's website on its own origin, serving pages a test writes.

    It is a real server on 127.0.0.1: Chromium refuses to let a page it did not fetch
    from the network (a route fulfilled by Playwright) load scripts from loopback.
    """

    url: str
    pages: dict[str, bytes] = field(default_factory=dict)

    def publish(self, path: str, html: str) -> str:
        """Serve `html` at `path`; its full URL."""
        self.pages[path] = html.encode()
        return self.url + path


def serve(site: ProviderSite, port: int) -> ThreadingHTTPServer:
    """Serve `site.pages` in a background thread until the server is shut down."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = site.pages.get(self.path.split("?")[0])
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"not found")

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test output is not the place for an access log."""

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@dataclass(frozen=True)
class Servers:
    """Where the running servers are."""

    web_url: str  # the web app in front of the real Rasa
    dead_web_url: str  # a web app whose Rasa does not exist
    rasa_url: str  # Rasa's HTTP API, to act as the advisor console does
    rasa_token: str  # which that API requires
    provider: ProviderSite  # another origin embedding the widget


def web_app(port: int, rasa_url: str, cors_origins: list[str], rasa_token: str) -> Service:
    """``python -m bot.web`` configured through the environment, as it is deployed."""
    origins = ",".join(f'"{origin}"' for origin in cors_origins)
    return Service(
        name="web",
        command=[str(PYTHON), "-m", "bot.web"],
        health_url=f"http://127.0.0.1:{port}/health",
        env={
            **os.environ,
            "CREDWISE_WEB_HOST": "127.0.0.1",
            "CREDWISE_WEB_PORT": str(port),
            "CREDWISE_RASA_URL": rasa_url,
            "CREDWISE_RASA_AUTH_TOKEN": rasa_token,
            "CREDWISE_CORS_ORIGINS": f"[{origins}]",
        },
    )


def _warm_up(web_url: str) -> None:
    """One goal through the web app, so the action server loads its index before a test
    waits on it (the first search of a fresh process takes tens of seconds)."""
    response = httpx.post(
        f"{web_url}/api/chat",
        json={"sender": "warm-up", "message": "I want to become a data analyst"},
        timeout=WARM_UP_TIMEOUT_SECONDS,
    )
    response.raise_for_status()


@pytest.fixture(scope="session")
def servers(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """Two web apps in front of the session's Rasa stack (one whose Rasa is missing), once."""
    root = tmp_path_factory.mktemp("widget-web")
    web_port, dead_port, provider_port = free_port(), free_port(), free_port()
    web_url, dead_url = f"http://127.0.0.1:{web_port}", f"http://127.0.0.1:{dead_port}"
    provider = ProviderSite(url=f"http://127.0.0.1:{provider_port}")
    closed_port = free_port()  # nothing will listen here: the dead app's "Rasa"
    apps = [
        web_app(web_port, stack.rasa_url, [web_url, provider.url], stack.rasa_token),
        web_app(
            dead_port, f"http://127.0.0.1:{closed_port}", [dead_url, provider.url], stack.rasa_token
        ),
    ]
    processes = [
        start_process(app, root / f"{app.name}-{index}.log") for index, app in enumerate(apps)
    ]
    provider_server = serve(provider, provider_port)
    try:
        for index, (app, process) in enumerate(zip(apps, processes, strict=True)):
            log = root / f"{app.name}-{index}.log"
            wait_healthy(app, process, WEB_HEALTH_TIMEOUT_SECONDS, log)
        _warm_up(web_url)
        yield Servers(
            web_url=web_url,
            dead_web_url=dead_url,
            rasa_url=stack.rasa_url,
            rasa_token=stack.rasa_token,
            provider=provider,
        )
    finally:
        provider_server.shutdown()
        for process in processes:
            stop(process)
        _session_notes.append(f"widget web app logs: {root}")


# Module scope, not session: a sync Playwright left running holds an event loop that
# breaks the asyncio tests (and the other browser suite) collected after this one.
@pytest.fixture(scope="module")
def playwright_session() -> Iterator[Playwright]:
    """The Playwright driver, started once."""
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(playwright_session: Playwright) -> Iterator[Browser]:
    """Debian's headless Chromium, launched once."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (set CREDWISE_CHROMIUM)")
    launched = playwright_session.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


NewContext = Callable[..., BrowserContext]


@pytest.fixture
def new_context(browser: Browser) -> Iterator[NewContext]:
    """Fresh browser profiles (empty storage, like a first visit), closed after the test."""
    contexts: list[BrowserContext] = []

    def make(**options: object) -> BrowserContext:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)  # type: ignore[arg-type]
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: NewContext) -> Iterator[Page]:
    """A desktop page in a fresh profile; a JavaScript exception in it fails the test."""
    page = new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"


Shot = Callable[[Page, str], Path]


@pytest.fixture
def shot(request: pytest.FixtureRequest) -> Shot:
    """Save a screenshot as artifacts/screenshots/<test>-<label>.png."""

    def save(page: Page, label: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{request.node.name}-{label}.png"
        page.screenshot(path=str(path))
        if f"screenshots: {SCREENSHOTS}" not in _session_notes:
            _session_notes.append(f"screenshots: {SCREENSHOTS}")
        return path

    return save


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say where the screenshots and server logs are, once, after the results."""
    for note in _session_notes:
        terminalreporter.write_line(note)
