"""The widget's HTTP contract, over HTTP against the running web app.

Whatever a browser sends, the answer is JSON and never a 5xx of the app's own: 4xx with
``{"error": …}`` for a bad request, 503 with the same shape when Rasa cannot answer.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

if TYPE_CHECKING:
    from tests.browser.conftest import Servers

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

UNAVAILABLE = {"error": "The advisor is unavailable, please try again."}
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def client(servers: Servers) -> Iterator[httpx.Client]:
    """An HTTP client on the web app in front of the real Rasa."""
    with httpx.Client(base_url=servers.web_url, timeout=90) as http:
        yield http


@pytest.fixture
def sender() -> str:
    """A fresh conversation id."""
    return f"api-{uuid.uuid4().hex[:12]}"


def error_of(response: httpx.Response) -> str:
    """The JSON error message of a refused request."""
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) == {"error"} and isinstance(body["error"], str) and body["error"]
    return str(body["error"])


def test_a_message_gets_the_bots_reply_and_lands_in_the_history(
    client: httpx.Client, sender: str
) -> None:
    reply = client.post("/api/chat", json={"sender": sender, "message": "hello"})
    assert reply.status_code == 200
    messages = reply.json()
    assert messages and all(message["from"] == "bot" for message in messages)
    assert reply.headers["x-conversation-paused"] == "false"

    client.post(
        "/api/chat",
        json={"sender": sender, "message": "I want to become a data analyst", "shown": "Data"},
    ).raise_for_status()
    history = client.get("/api/history", params={"sender": sender})
    assert history.status_code == 200
    said = [message["text"] for message in history.json() if message["from"] == "user"]
    assert said == ["hello", "Data"]  # a pressed button reads as its title


def test_an_unknown_conversation_has_an_empty_history(client: httpx.Client, sender: str) -> None:
    assert client.get("/api/history", params={"sender": sender}).json() == []


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b'{"sender": "a", "message": ', 400),  # malformed JSON
        (b"\xff\xfe not utf-8", 400),
        (b"[1, 2]", 400),  # JSON, but not an object
        (b"[" * 50_000, 400),  # nesting deep enough to break a recursive parser
        (b"", 400),
    ],
    ids=["truncated", "not-utf8", "array", "deep-nesting", "empty"],
)
def test_a_body_that_is_not_a_json_object_is_400(
    client: httpx.Client, body: bytes, status: int
) -> None:
    response = client.post("/api/chat", content=body, headers=JSON)
    assert response.status_code == status
    error_of(response)


def test_a_message_over_5000_characters_is_413(client: httpx.Client, sender: str) -> None:
    response = client.post("/api/chat", json={"sender": sender, "message": "é" * 5_001})
    assert response.status_code == 413
    assert "5,000" in error_of(response)


def test_a_message_of_exactly_5000_characters_is_accepted(
    client: httpx.Client, sender: str
) -> None:
    response = client.post("/api/chat", json={"sender": sender, "message": "word " * 1_000})
    assert response.status_code == 200


def test_a_huge_body_is_413_without_being_read(client: httpx.Client, sender: str) -> None:
    body = b'{"sender": "%s", "message": "%s"}' % (sender.encode(), b"x" * 2_000_000)
    response = client.post("/api/chat", content=body, headers=JSON)
    assert response.status_code == 413
    error_of(response)


@pytest.mark.parametrize(
    "bad_sender",
    ["", "x" * 129, "../../etc/passwd", "a b", "ü", "<script>", None, 42, ["a"]],
    ids=["empty", "too-long", "path", "space", "non-ascii", "markup", "null", "number", "list"],
)
def test_a_bad_sender_is_422(client: httpx.Client, bad_sender: object) -> None:
    response = client.post("/api/chat", json={"sender": bad_sender, "message": "hi"})
    assert response.status_code == 422
    assert "sender" in error_of(response)
    history = client.get("/api/history", params={"sender": str(bad_sender)})
    if bad_sender not in (None, 42):  # "None" and "42" are valid ids as strings
        assert history.status_code == 422
        error_of(history)


def test_a_missing_sender_in_the_history_is_422(client: httpx.Client) -> None:
    response = client.get("/api/history")
    assert response.status_code == 422
    error_of(response)


@pytest.mark.parametrize(
    "body",
    [{"sender": "ok"}, {"sender": "ok", "message": ""}, {"sender": "ok", "message": "  "},
     {"sender": "ok", "message": 7}, {"sender": "ok", "message": "hi", "shown": ["x"]}],
    ids=["missing", "empty", "blank", "number", "bad-shown"],
)  # fmt: skip
def test_a_bad_message_is_422(client: httpx.Client, body: dict[str, Any]) -> None:
    response = client.post("/api/chat", json=body)
    assert response.status_code == 422
    error_of(response)


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None],
    ids=["text", "form", "multipart", "none"],
)
def test_a_body_that_is_not_json_is_415(client: httpx.Client, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post(
        "/api/chat", content=b'{"sender": "a", "message": "hi"}', headers=headers
    )
    assert response.status_code == 415
    error_of(response)


def test_json_with_a_charset_is_accepted(client: httpx.Client, sender: str) -> None:
    response = client.post(
        "/api/chat",
        content=f'{{"sender": "{sender}", "message": "hello"}}'.encode(),
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert response.status_code == 200


def test_rasa_down_is_503_with_a_json_error(servers: Servers, sender: str) -> None:
    with httpx.Client(base_url=servers.dead_web_url, timeout=30) as dead:
        chat = dead.post("/api/chat", json={"sender": sender, "message": "hi"})
        history = dead.get("/api/history", params={"sender": sender})
    assert (chat.status_code, chat.json()) == (503, UNAVAILABLE)
    assert (history.status_code, history.json()) == (503, UNAVAILABLE)


def test_the_demo_page_embeds_the_widget_with_one_script_tag(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    scripts = re.findall(r"<script\b[^>]*>", page.text)
    assert scripts == [
        '<script src="/widget/credwise-widget.js" data-server="" data-title="Course advisor" '
        'data-color="#1a5fb4" defer>'
    ]
    assert "script-src 'self'" in page.headers["content-security-policy"]


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/widget/credwise-widget.js", "text/javascript"),
        ("/widget/credwise-widget.css", "text/css"),
    ],
)
def test_the_widget_files_are_served(client: httpx.Client, path: str, content_type: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(content_type)


@pytest.mark.parametrize(
    "path",
    ["/widget/missing.js", "/widget/..%2Fmessages.py", "/widget/routes.py", "/widget/.hidden.js"],
)
def test_only_the_widget_files_are_served(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404


def test_only_allowed_origins_may_call_the_api_from_a_browser(
    client: httpx.Client, servers: Servers
) -> None:
    def preflight(origin: str) -> httpx.Response:
        return client.options(
            "/api/chat",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )

    allowed = preflight(servers.web_url)
    assert allowed.headers.get("access-control-allow-origin") == servers.web_url
    refused = preflight("https://elsewhere.example")
    assert "access-control-allow-origin" not in refused.headers
