"""The Rasa client's retries, on an in-process transport that plays Rasa's failures."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest

from bot.telegram.rasa_client import WEBHOOK_PATH, RasaClient, RasaUnavailableError

Answer = Callable[[int], httpx.Response]  # attempt number -> response (or raises)


def client(answer: Answer, attempts: int = 3) -> tuple[RasaClient, list[httpx.Request]]:
    """A client whose every request goes to ``answer``; the requests are recorded."""
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer(len(seen))

    transport = httpx.MockTransport(handle)
    return RasaClient("http://rasa", attempts=attempts, backoff=0, transport=transport), seen


async def test_a_turn_posts_sender_and_message_and_returns_the_messages() -> None:
    rasa, seen = client(lambda _: httpx.Response(200, json=[{"text": "Hi!"}]))
    assert await rasa.send("tg-1", "hello") == [{"text": "Hi!"}]
    assert seen[0].url.path == WEBHOOK_PATH
    assert json.loads(seen[0].content) == {"sender": "tg-1", "message": "hello"}
    await rasa.aclose()


async def test_connection_errors_and_5xx_are_retried() -> None:
    def flaky(attempt: int) -> httpx.Response:
        if attempt == 1:
            raise httpx.ConnectError("connection refused")
        if attempt == 2:
            return httpx.Response(503)
        return httpx.Response(200, json=[])

    rasa, seen = client(flaky)
    assert await rasa.send("tg-1", "hello") == []
    assert len(seen) == 3


async def test_rasa_staying_down_raises_the_typed_error_after_every_attempt() -> None:
    def down(attempt: int) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    rasa, seen = client(down)
    with pytest.raises(RasaUnavailableError, match="after 3 attempts"):
        await rasa.send("tg-1", "hello")
    assert len(seen) == 3


async def test_a_read_timeout_is_not_retried_since_rasa_may_have_taken_the_turn() -> None:
    def slow(attempt: int) -> httpx.Response:
        raise httpx.ReadTimeout("timed out")

    rasa, seen = client(slow)
    with pytest.raises(RasaUnavailableError):
        await rasa.send("tg-1", "hello")
    assert len(seen) == 1


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(404),
        httpx.Response(200, text="<html>proxy page</html>"),
        httpx.Response(200, json={"text": "not a list"}),
        httpx.Response(200, json=["not an object"]),
    ],
)
async def test_unusable_answers_raise_without_retrying(response: httpx.Response) -> None:
    rasa, seen = client(lambda _: response)
    with pytest.raises(RasaUnavailableError):
        await rasa.send("tg-1", "hello")
    assert len(seen) == 1


def test_at_least_one_attempt() -> None:
    with pytest.raises(ValueError):
        RasaClient("http://rasa", attempts=0)
