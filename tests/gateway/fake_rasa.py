"""A real HTTP server on a free local port that answers like Rasa, or fails like it.

The gateway's policy is about what happens on the wire (connections refused, answers
too slow, error statuses), so it is tested against a real socket rather than a stand-in
for the HTTP client.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.stack import free_port


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str  # the raw path, before any decoding
    query: dict[str, list[str]]
    body: Any
    client_port: int  # the caller's port: the same one twice means a reused connection


@dataclass
class Answer:
    """What to answer: a status and a JSON body (or raw text), after a delay."""

    status: int = 200
    body: Any = field(default_factory=list)
    raw: str | None = None
    delay: float = 0.0


Plan = Callable[[Seen], Answer]


class FakeRasa:
    """Serves ``plan``'s answers in a background thread; records every request."""

    def __init__(self, plan: Plan, port: int | None = None) -> None:
        self.plan = plan
        self.port = port or free_port()
        self.seen: list[Seen] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeRasa:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, so a pool can reuse connections

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                seen = Seen(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query),
                    body=json.loads(raw) if raw else None,
                    client_port=self.client_address[1],
                )
                fake.seen.append(seen)
                answer = fake.plan(seen)
                time.sleep(answer.delay)
                data = (answer.raw if answer.raw is not None else json.dumps(answer.body)).encode()
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the caller gave up waiting: that is the point of some tests

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
