"""Rasa's HTTP API can read and rewrite any conversation: it never answers without the token."""

from __future__ import annotations

import httpx
import pytest

from tests.stack import Stack

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

REFUSED = (401, 403)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/status", None),
        ("GET", "/conversations/{sender}/tracker", None),
        ("POST", "/conversations/{sender}/tracker/events", {"event": "pause"}),
        ("POST", "/model/parse", {"text": "hello"}),
    ],
)
def test_the_api_refuses_calls_without_the_right_token(
    stack: Stack, sender: str, method: str, path: str, body: dict[str, str] | None
) -> None:
    url = stack.rasa_url + path.format(sender=sender)
    with httpx.Client(timeout=60) as http:
        missing = http.request(method, url, json=body)
        wrong = http.request(method, url, json=body, params={"token": "guess"})
        right = http.request(method, url, json=body, params={"token": stack.rasa_token})
    assert missing.status_code in REFUSED, missing.text
    assert wrong.status_code in REFUSED, wrong.text
    assert right.status_code == 200, right.text


def test_the_rest_channel_needs_no_token_and_the_api_sees_its_turn(
    stack: Stack, sender: str
) -> None:
    assert stack.say(sender, "hello") != []  # the channel learners talk to stays open
    texts = [e.get("text") for e in stack.tracker(sender)["events"] if e["event"] == "user"]
    assert texts == ["hello"]
