"""The corpus over HTTP: the web app's ``POST /api/chat`` and Rasa's own REST channel.

The web app is the public surface: every well-formed message gets a friendly reply and
every malformed request a 4xx with a JSON error, never a 5xx. Rasa's REST channel, behind
it on localhost, is Rasa's own with its input checked first (addons/rest_channel.py):
the same outcome, where Rasa 3.6.21's channel alone would answer some bodies with a 500
and a blank message with silence.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from bot.widget.validation import EMPTY_MESSAGE
from tests.badinput.conftest import WebApp, client
from tests.badinput.corpus import BLANK, MALFORMED, MESSAGES, OVERSIZED, Message, Request
from tests.stack import Stack

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

RASA_WEBHOOK = "/webhooks/rest/webhook"


def new_sender(prefix: str) -> str:
    """A fresh conversation id."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def error_of(response: httpx.Response) -> str:
    """The JSON error of a refused request: one non-empty ``error`` string."""
    assert response.headers["content-type"].startswith("application/json"), response.text[:200]
    body: dict[str, Any] = response.json()
    assert set(body) == {"error"} and isinstance(body["error"], str) and body["error"].strip()
    return str(body["error"])


def friendly_texts(messages: list[dict[str, Any]]) -> list[str]:
    """The bot's texts; a friendly reply has at least one, and none is an error dump."""
    texts = [str(message["text"]) for message in messages if message.get("text")]
    assert texts, f"no text in the reply: {messages}"
    for text in texts:
        assert "Traceback" not in text and "Exception" not in text
    return texts


@pytest.fixture(scope="module")
def http(web: WebApp) -> Iterator[httpx.Client]:
    """A client of the web app (from 127.0.0.1, under the production rate limits)."""
    with client(web.url) as session:
        yield session


@pytest.fixture(scope="module")
def rasa(stack: Stack, stack_log_offsets: dict[str, int]) -> Iterator[httpx.Client]:
    """A client of Rasa's HTTP API on the shared stack."""
    with httpx.Client(base_url=stack.rasa_url, timeout=90) as session:
        yield session


# The web app: POST /api/chat.


@pytest.mark.parametrize("message", MESSAGES, ids=[m.id for m in MESSAGES])
def test_web_every_well_formed_message_gets_a_friendly_reply(
    http: httpx.Client, message: Message
) -> None:
    response = http.post("/api/chat", json={"sender": new_sender("web"), "message": message.text})
    assert response.status_code == 200, response.text[:300]
    replies = response.json()
    assert all(reply["from"] == "bot" for reply in replies)
    friendly_texts(replies)


@pytest.mark.parametrize("message", BLANK, ids=[m.id for m in BLANK])
def test_web_a_blank_message_is_asked_to_be_typed(http: httpx.Client, message: Message) -> None:
    response = http.post("/api/chat", json={"sender": new_sender("web"), "message": message.text})
    assert response.status_code == 422
    assert error_of(response) == EMPTY_MESSAGE  # the widget shows it: never silence


def test_web_a_10000_character_message_is_413_naming_the_limit(http: httpx.Client) -> None:
    response = http.post("/api/chat", json={"sender": new_sender("web"), "message": OVERSIZED.text})
    assert response.status_code == 413
    assert "5,000 characters" in error_of(response)


@pytest.mark.parametrize("request_", MALFORMED, ids=[r.id for r in MALFORMED])
def test_web_a_malformed_request_is_a_4xx_with_a_clear_json_error(
    http: httpx.Client, request_: Request
) -> None:
    headers = {"Content-Type": request_.content_type} if request_.content_type else {}
    response = http.post("/api/chat", content=request_.body, headers=headers)
    assert response.status_code == request_.web_status, response.text[:300]
    error_of(response)


def test_web_a_5000_character_sender_is_refused_in_the_history_too(http: httpx.Client) -> None:
    response = http.get("/api/history", params={"sender": "s" * 5_000})
    assert response.status_code == 422
    assert "sender" in error_of(response)


def test_web_a_malformed_request_leaves_the_next_one_unharmed(http: httpx.Client) -> None:
    for request_ in MALFORMED[:5]:
        http.post("/api/chat", content=request_.body, headers={"Content-Type": "application/json"})
    response = http.post("/api/chat", json={"sender": new_sender("web"), "message": "hello"})
    assert response.status_code == 200
    friendly_texts(response.json())


# Rasa's own REST channel, behind the web app.


@pytest.mark.parametrize("message", [*MESSAGES, OVERSIZED], ids=[m.id for m in MESSAGES] + ["10k"])
def test_rasa_answers_every_well_formed_message(rasa: httpx.Client, message: Message) -> None:
    body = {"sender": new_sender("rasa"), "message": message.text}
    response = rasa.post(RASA_WEBHOOK, json=body)
    assert response.status_code == 200
    friendly_texts(response.json())


def test_rasa_refuses_a_5000_character_sender(rasa: httpx.Client) -> None:
    # The tracker store keeps sender ids in 255 characters; longer ones are refused.
    response = rasa.post(RASA_WEBHOOK, json={"sender": "s" * 5_000, "message": "hello"})
    assert response.status_code == 422
    assert "sender" in error_of(response)


@pytest.mark.parametrize("text", ["", "   ", "\u200b"], ids=["empty", "whitespace", "zero-width"])
def test_rasa_asks_for_a_message_when_it_is_blank(rasa: httpx.Client, text: str) -> None:
    # Rasa 3.6.21's LogisticRegressionClassifier raises on a message without tokens, so
    # the checked channel answers a blank message itself instead of relaying it.
    response = rasa.post(RASA_WEBHOOK, json={"sender": new_sender("rasa-blank"), "message": text})
    assert response.status_code == 200
    assert friendly_texts(response.json()) == [EMPTY_MESSAGE]


# (id, body, content type, status)
RASA_MALFORMED: list[tuple[str, bytes, str | None, int]] = [
    ("truncated-json", b'{"sender": "a", "message": ', "application/json", 400),
    ("invalid-utf8", b'{"sender": "a", "message": "\xff\xfe"}', "application/json", 400),
    ("form", b"sender=a&message=hi", "application/x-www-form-urlencoded", 400),
    ("empty-body", b"", "application/json", 400),
    ("null", b"null", "application/json", 400),
    ("array", b"[1]", "application/json", 400),
    ("message-not-text", b'{"sender": "a", "message": 5}', "application/json", 422),
    ("metadata-not-object", b'{"sender": "a", "message": "hi", "metadata": 1}', None, 422),
    ("too-long", b'{"sender": "a", "message": "' + b"x" * 20_001 + b'"}', None, 413),
    ("oversized-body", b'{"sender": "a", "message": "' + b"x" * 110_000_000 + b'"}', None, 413),
]


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [case[1:] for case in RASA_MALFORMED],
    ids=[case[0] for case in RASA_MALFORMED],
)
def test_rasa_refuses_a_malformed_body_with_a_4xx(
    rasa: httpx.Client, body: bytes, content_type: str | None, status: int
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = rasa.post(RASA_WEBHOOK, content=body, headers=headers)
    assert response.status_code == status
    if len(body) < 1_000_000:  # Sanic itself refuses bodies over 100 MB, before the channel
        error_of(response)


def test_rasa_reads_json_whatever_the_content_type(rasa: httpx.Client) -> None:
    body = b'{"sender": "%s", "message": "hello"}' % new_sender("rasa").encode()
    response = rasa.post(RASA_WEBHOOK, content=body, headers={"Content-Type": "text/plain"})
    assert response.status_code == 200
    friendly_texts(response.json())
