"""Turn latency over Rasa's REST channel: a recommendation turn and a plain turn, in one run.

Starts the real action server and Rasa (trained model) on free ports, then measures:
- serial: one conversation at a time, p50/p95 of each kind of turn;
- concurrent: 20 conversations at once, throughput (turns/s) and p50/p95.
A *recommendation turn* is "show me more" after an interview (a search under the
learner's filters, cards built, payload sent). A *plain turn* is a greeting (NLU,
policies, a templated reply, no custom action). Both go through the whole server.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.conversations import DATA_ANALYST
from bench.results_file import RESULTS_DIR, report
from bot.gateway import RasaGateway
from bot.gateway_sync import BlockingGateway
from deploy.embedded import EmbeddedDeployment

RESULTS_FILE = RESULTS_DIR / "turns.json"
INTERVIEW = DATA_ANALYST[1:]  # the greeting aside
SERIAL_TURNS = 60
CONCURRENCY = 20
CONCURRENT_TURNS_EACH = 10


def _say(rasa: BlockingGateway, sender: str, text: str) -> float:
    """One turn through the channels' own gateway; its wall time in ms."""
    started = time.perf_counter()
    rasa.turn(sender, text)
    return (time.perf_counter() - started) * 1000


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1),
        "turns": len(ordered),
    }


def _ready_conversation(rasa: BlockingGateway) -> str:
    sender = f"bench-{uuid.uuid4().hex[:10]}"
    for text in INTERVIEW:
        _say(rasa, sender, text)
    return sender


def _mixed_turns(rasa: BlockingGateway, sender: str, count: int) -> tuple[list[float], list[float]]:
    recommend, plain = [], []
    for number in range(count):
        if number % 2 == 0:
            recommend.append(_say(rasa, sender, "show me more"))
        else:
            plain.append(_say(rasa, sender, "hello"))
    return recommend, plain


def run(url: str) -> dict[str, Any]:
    """Measure against a running Rasa at ``url``."""
    with BlockingGateway(RasaGateway(url)) as rasa:
        sender = _ready_conversation(rasa)
        _mixed_turns(rasa, sender, 6)  # warm-up
        recommend, plain = _mixed_turns(rasa, _ready_conversation(rasa), SERIAL_TURNS)
        senders = [_ready_conversation(rasa) for _ in range(CONCURRENCY)]
        started = time.perf_counter()
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            outcomes = list(
                pool.map(lambda s: _mixed_turns(rasa, s, CONCURRENT_TURNS_EACH), senders)
            )
        elapsed = time.perf_counter() - started
    c_recommend = [x for r, _ in outcomes for x in r]
    c_plain = [x for _, p in outcomes for x in p]
    serial: dict[str, Any] = {"recommendation_turn": _stats(recommend), "plain_turn": _stats(plain)}
    serial["recommendation_over_plain_p95"] = round(
        serial["recommendation_turn"]["p95_ms"] / serial["plain_turn"]["p95_ms"], 2
    )
    return {
        "serial": serial,
        f"concurrent_{CONCURRENCY}": {
            "recommendation_turn": _stats(c_recommend),
            "plain_turn": _stats(c_plain),
            "turns_per_second": round((len(c_recommend) + len(c_plain)) / elapsed, 1),
        },
    }


def main(*, quick: bool = False) -> dict[str, Any]:
    """Start the servers, measure, print and write the results."""
    deployment = EmbeddedDeployment(Path(tempfile.mkdtemp(prefix="credwise-bench-")))
    try:
        deployment.start("actions", "rasa")
        results = run(deployment.rasa_url)
    finally:
        deployment.stop()
    return report(results, RESULTS_FILE, quick=quick)
