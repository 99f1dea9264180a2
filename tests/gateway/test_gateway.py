"""The gateway's policy against a real local HTTP server: pooling, timeouts, retries, errors."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.gateway import WEBHOOK_PATH, RasaGateway, RasaUnavailableError
from bot.gateway_sync import BlockingGateway
from bot.messages import Courses, Text
from bot.settings import BotSettings
from tests.gateway.fake_rasa import Answer, FakeRasa, Plan, Seen
from tests.stack import free_port

REPLY = [
    {"recipient_id": "s", "text": "Hi!", "buttons": [{"title": "Go", "payload": "/go"}]},
    {"recipient_id": "s", "custom": {"type": "courses", "courses": [{"title": "SQL"}]}},
]


@pytest.fixture
def serve() -> Iterator[type[FakeRasa]]:
    """Start fake Rasas for a test; every one is stopped afterwards."""
    started: list[FakeRasa] = []

    class Started(FakeRasa):
        def __init__(self, plan: Plan, port: int | None = None) -> None:
            super().__init__(plan, port)
            self.start()
            started.append(self)

    yield Started
    for server in started:
        server.stop()


def answer(status: int = 200, body: object = None, **fields: object) -> Plan:
    return lambda seen: Answer(status=status, body=[] if body is None else body, **fields)  # type: ignore[arg-type]


async def test_a_turn_is_posted_and_its_reply_parsed(serve: type[FakeRasa]) -> None:
    rasa = serve(answer(body=REPLY))
    gateway = RasaGateway(rasa.url, token="s3cret")
    messages = await gateway.turn("learner-1", "hello", {"widget_shown": "Hello"})
    await gateway.aclose()
    assert isinstance(messages[0], Text) and messages[0].buttons[0].payload == "/go"
    assert isinstance(messages[1], Courses) and messages[1].cards[0].title == "SQL"
    [seen] = rasa.seen
    assert (seen.method, seen.path) == ("POST", WEBHOOK_PATH)
    assert seen.body == {
        "sender": "learner-1",
        "message": "hello",
        "metadata": {"widget_shown": "Hello"},
    }
    assert "token" not in seen.query  # the REST channel needs none; it stays out of its logs


async def test_one_pool_reuses_its_connection_and_is_made_again_after_closing(
    serve: type[FakeRasa],
) -> None:
    rasa = serve(answer(body=[]))
    gateway = RasaGateway(rasa.url)
    for _ in range(3):
        await gateway.turn("s", "hi")
    assert len({seen.client_port for seen in rasa.seen}) == 1
    await gateway.aclose()
    assert await gateway.turn("s", "hi") == []  # a closed gateway opens a new pool on use
    await gateway.aclose()
    assert len({seen.client_port for seen in rasa.seen}) == 2


async def test_a_refused_connection_is_retried_until_rasa_is_up(serve: type[FakeRasa]) -> None:
    port = free_port()
    gateway = RasaGateway(f"http://127.0.0.1:{port}", attempts=5, backoff=0.2)
    # Nothing listens yet; Rasa "comes up" while the gateway backs off.
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, lambda: serve(answer(body=[{"text": "back"}]), port))
    [message] = await gateway.turn("s", "hi")
    await gateway.aclose()
    assert message == Text("back")


async def test_rasa_staying_down_is_one_error_after_every_attempt() -> None:
    gateway = RasaGateway(f"http://127.0.0.1:{free_port()}", attempts=3, backoff=0.01)
    with pytest.raises(RasaUnavailableError, match="after 3 attempts") as raised:
        await gateway.turn("s", "hi")
    assert raised.value.status is None
    assert "not reachable" in str(raised.value)


async def test_a_turn_that_timed_out_is_not_sent_again(serve: type[FakeRasa]) -> None:
    rasa = serve(answer(body=[], delay=1.0))
    gateway = RasaGateway(rasa.url, turn_timeout=0.2, backoff=0.01)
    started = time.monotonic()
    with pytest.raises(RasaUnavailableError, match="ReadTimeout") as raised:
        await gateway.turn("s", "hi")
    assert time.monotonic() - started < 0.9
    await gateway.aclose()
    await asyncio.sleep(0.3)
    assert len(rasa.seen) == 1  # Rasa may have taken the turn: never answer it twice
    assert raised.value.status is None


async def test_an_error_status_is_not_retried_and_carries_the_status(
    serve: type[FakeRasa],
) -> None:
    rasa = serve(answer(status=503, body={"error": "overloaded"}))
    gateway = RasaGateway(rasa.url, backoff=0.01)
    with pytest.raises(RasaUnavailableError) as raised:
        await gateway.turn("s", "hi")
    await gateway.aclose()
    assert len(rasa.seen) == 1  # answered means received: it may have been processed
    assert raised.value.status == 503


async def test_a_refused_message_names_the_reason(serve: type[FakeRasa]) -> None:
    rasa = serve(answer(status=413, body={"error": "The message is longer than 20000"}))
    gateway = RasaGateway(rasa.url)
    with pytest.raises(RasaUnavailableError) as raised:
        await gateway.turn("s", "x" * 10)
    await gateway.aclose()
    assert raised.value.status == 413
    assert raised.value.detail == "The message is longer than 20000"


async def test_a_wrong_token_says_so(serve: type[FakeRasa]) -> None:
    rasa = serve(answer(status=401, body={"message": "no"}))
    gateway = RasaGateway(rasa.url, token="wrong")
    with pytest.raises(RasaUnavailableError, match="token") as raised:
        await gateway.tracker("s")
    await gateway.aclose()
    assert raised.value.status == 401


@pytest.mark.parametrize(
    "plan",
    [
        answer(raw="<html>a proxy's page</html>"),
        answer(body={"text": "not a list"}),
        answer(body=["not an object"]),
    ],
)
async def test_an_unusable_reply_is_the_same_error(serve: type[FakeRasa], plan: Plan) -> None:
    rasa = serve(plan)
    gateway = RasaGateway(rasa.url)
    with pytest.raises(RasaUnavailableError):
        await gateway.turn("s", "hi")
    await gateway.aclose()
    assert len(rasa.seen) == 1


async def test_the_tracker_is_read_with_the_token_and_without_events_when_asked(
    serve: type[FakeRasa],
) -> None:
    def tracker(seen: Seen) -> Answer:
        events = [] if seen.query.get("include_events") == ["NONE"] else [{"event": "user"}]
        return Answer(body={"paused": True, "slots": {"goal": "SQL"}, "events": events})

    rasa = serve(tracker)
    gateway = RasaGateway(rasa.url, token="s3cret")
    full = await gateway.tracker("web/a b")
    small = await gateway.tracker("web/a b", events=False)
    assert await gateway.paused("web/a b") is True
    await gateway.aclose()
    assert full.paused and full.slots == {"goal": "SQL"} and full.events == [{"event": "user"}]
    assert small.events == []
    assert rasa.seen[0].path == "/conversations/web/a%20b/tracker"
    assert all(seen.query["token"] == ["s3cret"] for seen in rasa.seen)


async def test_paused_is_unknown_rather_than_an_error_when_rasa_is_down() -> None:
    gateway = RasaGateway(f"http://127.0.0.1:{free_port()}", attempts=1)
    assert await gateway.paused("s") is None


async def test_events_are_appended_in_one_request(serve: type[FakeRasa]) -> None:
    rasa = serve(answer(body={}))
    gateway = RasaGateway(rasa.url, token="t")
    events = [{"event": "resume"}, {"event": "bot", "text": "Back"}]
    await gateway.append_events("tg-1", events)
    await gateway.aclose()
    [seen] = rasa.seen
    assert (seen.method, seen.path) == ("POST", "/conversations/tg-1/tracker/events")
    assert seen.body == events


def test_settings_give_the_url_token_and_timeouts() -> None:
    settings = BotSettings(
        rasa_url="http://rasa.example:5005/",
        rasa_auth_token="t",
        rasa_turn_timeout_seconds=12.0,
        _env_file=None,  # type: ignore[call-arg]
    )
    gateway = RasaGateway.from_settings(settings)
    assert gateway.base_url == "http://rasa.example:5005" and gateway.token == "t"
    with pytest.raises(ValueError):
        RasaGateway("http://rasa", attempts=0)


def test_the_blocking_gateway_serves_many_threads_from_one_pool(serve: type[FakeRasa]) -> None:
    rasa = serve(answer(body=[{"text": "ok"}], delay=0.05))
    callers: set[int] = set()

    def turn(number: int) -> list[object]:
        callers.add(threading.get_ident())
        return list(blocking.turn(f"s{number}", "hi"))

    with BlockingGateway(RasaGateway(rasa.url)) as blocking, ThreadPoolExecutor(4) as pool:
        replies = list(pool.map(turn, range(8)))
    assert replies == [[Text("ok")]] * 8
    assert len(rasa.seen) == 8
    assert len({seen.client_port for seen in rasa.seen}) <= 4  # connections were reused
