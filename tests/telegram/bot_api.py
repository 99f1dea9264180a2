"""A local stand-in for Telegram's Bot API, so the real bot can be tested without Telegram.

It answers the methods the bot calls, over real HTTP, the way the Bot API documents
them, serves queued updates to ``getUpdates`` (long polling included), and records every
call for the tests to inspect. It runs in a thread, independent of the test's event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from telegram import Update
from telegram.ext import Application

TOKEN = "123456:TEST-token"
BOT_USER = {
    "id": 123456,
    "is_bot": True,
    "first_name": "Credwise",
    "username": "credwise_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
JSON_PARAMETERS = {"reply_markup", "allowed_updates", "commands", "link_preview_options"}
INT_PARAMETERS = {"chat_id", "message_id", "offset", "limit", "timeout"}
MAX_LONG_POLL_SECONDS = 1.0  # keeps shutdown quick; the bot simply polls again

_update_ids = itertools.count(1)
_message_ids = itertools.count(1000)


@dataclass(frozen=True)
class Call:
    """One Bot API call the bot made: the method and its decoded parameters."""

    method: str
    params: dict[str, Any]

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """The inline keyboard's buttons, row after row (empty without a keyboard)."""
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


class BotApiStandIn:
    """The Bot API on ``http://127.0.0.1:<port>``: pass ``url`` as the bot's base URL root."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self._calls: list[Call] = []
        self._updates: list[dict[str, Any]] = []
        self._failures: dict[str, int] = {}
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.closed = False

    @property
    def url(self) -> str:
        """The server's root, the value of ``CREDWISE_TELEGRAM_BASE_URL``."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> BotApiStandIn:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and wake any long poll."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()
        self._server.shutdown()
        self._server.server_close()

    def push(self, update: dict[str, Any]) -> None:
        """Queue an update for ``getUpdates``, as Telegram does when a user writes."""
        with self._changed:
            self._updates.append(update)
            self._changed.notify_all()

    def fail_next(self, method: str, times: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` with a Bad Request error."""
        with self._changed:
            self._failures[method] = times

    def calls(self, method: str | None = None) -> list[Call]:
        """Every recorded call (of ``method`` only, when given), in order."""
        with self._changed:
            return [c for c in self._calls if method is None or c.method == method]

    def sent_texts(self) -> list[str]:
        """The text of every sendMessage, in order."""
        return [str(call.params["text"]) for call in self.calls("sendMessage")]

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        where: Callable[[Call], bool] = lambda call: True,
        timeout: float = 30.0,
    ) -> list[Call]:
        """Wait until at least ``count`` matching calls were made; return them all."""
        deadline = time.monotonic() + timeout
        while True:
            found = [call for call in self.calls(method) if where(call)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"{count} {method} call(s) expected, got {self.calls()}")
            await asyncio.sleep(0.05)

    # The HTTP side, run by the server's threads.

    def _answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._changed:
            self._calls.append(Call(method, params))
            if self._failures.get(method):
                self._failures[method] -= 1
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: test"}
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._updates_after(params)}
        result = self._result(method, params)
        if result is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        return 200, {"ok": True, "result": result}

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in {"sendMessage", "editMessageReplyMarkup"}:
            message: dict[str, Any] = {
                "message_id": params.get("message_id") or next(_message_ids),
                "date": int(time.time()),
                "chat": {"id": params["chat_id"], "type": "private"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            return message
        if method in {
            "sendChatAction",
            "answerCallbackQuery",
            "deleteWebhook",
            "setWebhook",
            "setMyCommands",
        }:
            return True
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return None

    def _updates_after(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Confirm updates below ``offset``, then long-poll for newer ones."""
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), MAX_LONG_POLL_SECONDS)
        deadline = time.monotonic() + wait
        with self._changed:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self.closed:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
            return list(self._updates[: int(params.get("limit") or 100)])

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                prefix = f"/bot{stand_in.token}/"
                if not self.path.startswith(prefix):
                    self._reply(
                        401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
                    )
                    return
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                status, answer = stand_in._answer(self.path[len(prefix) :], _decode(body))
                self._reply(status, answer)

            def _reply(self, status: int, answer: dict[str, Any]) -> None:
                data = json.dumps(answer).encode()
                # A long poll the bot gave up on while stopping has nobody left to read it.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the recorded calls are the log."""

        return Handler


def _decode(body: str) -> dict[str, Any]:
    """The bot's form-encoded parameters; objects arrive JSON-encoded, as the Bot API allows."""
    params: dict[str, Any] = {}
    for name, value in parse_qsl(body, keep_blank_values=True):
        if name in JSON_PARAMETERS:
            params[name] = json.loads(value)
        elif name in INT_PARAMETERS and value.lstrip("-").isdigit():
            params[name] = int(value)
        else:
            params[name] = value
    return params


# Updates as Telegram sends them.


def user(chat_id: int) -> dict[str, Any]:
    """The learner: in a private chat, the chat id is the user id."""
    return {"id": chat_id, "is_bot": False, "first_name": "Ada", "language_code": "en"}


def message_update(chat_id: int, text: str) -> dict[str, Any]:
    """A text message; a leading /command is marked as a command, as Telegram does."""
    message: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private", "first_name": "Ada"},
        "from": user(chat_id),
        "text": text,
    }
    if text.startswith("/"):
        length = len(text.split()[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"update_id": next(_update_ids), "message": message}


def photo_update(chat_id: int) -> dict[str, Any]:
    """A photo without caption: something the advisor cannot read."""
    update = message_update(chat_id, "")
    del update["message"]["text"]
    update["message"]["photo"] = [
        {"file_id": "photo-1", "file_unique_id": "p1", "width": 90, "height": 90}
    ]
    return update


def callback_update(chat_id: int, data: str, message_id: int) -> dict[str, Any]:
    """A press on an inline button of the bot's message ``message_id``."""
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": f"cb-{next(_update_ids)}",
            "from": user(chat_id),
            "chat_instance": f"ci-{chat_id}",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private", "first_name": "Ada"},
                "from": BOT_USER,
                "text": "a question with buttons",
            },
        },
    }


async def deliver(application: Application, update: dict[str, Any]) -> None:
    """Hand one update to the application and wait until its handlers are done."""
    await application.process_update(Update.de_json(update, application.bot))
