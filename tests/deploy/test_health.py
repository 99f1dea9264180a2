"""The wait for a server: health check first, then its warm-up, within one deadline."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from deploy.health import NotHealthyError, wait_healthy
from deploy.service import Service


class _Healthy(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads its own assertions, not a request log."""


@pytest.fixture
def health_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Healthy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/health"
    server.shutdown()


def _service(health_url: str, warm_up: Callable[[float], None]) -> Service:
    return Service(name="actions", command=["x"], health_url=health_url, env={}, warm_up=warm_up)


def test_the_warm_up_runs_once_healthy_with_the_seconds_left(
    health_url: str, tmp_path: Path
) -> None:
    given: list[float] = []

    wait_healthy(_service(health_url, given.append), None, 30.0, tmp_path / "actions.log")

    assert len(given) == 1
    assert 1.0 <= given[0] <= 30.0


def test_a_failed_warm_up_ends_the_wait_naming_the_server_and_its_log(
    health_url: str, tmp_path: Path
) -> None:
    log = tmp_path / "actions.log"
    log.write_text("loading the index\nFileNotFoundError: index/courses.faiss\n")

    def refuses(seconds: float) -> None:
        raise ConnectionResetError("connection reset by peer")

    with pytest.raises(NotHealthyError) as raised:
        wait_healthy(_service(health_url, refuses), None, 30.0, log)

    message = str(raised.value)
    assert message.startswith("actions is up but failed to load")
    assert str(log) in message and "FileNotFoundError: index/courses.faiss" in message
