"""Load test: 50 concurrent conversations for 60 s, embedded mode versus scaled mode.

Each simulated learner runs the whole interview over Rasa's REST channel (greeting,
goal, background, hours, deadline, budget, mode and pace, credit: the last answer
brings three course cards), asks for more results, then starts again as a new learner.
Both deployments are started here on free loopback ports with their own stores, so the
figures are reproducible with one command: ``python -m bench load``.

Reported per mode: completed turns and turns per second, p50/p95/p99 turn latency,
errors (non-200, timeouts, refused connections, or an empty reply where the script
expects one), and the CPU time each server process used per second of the run, which
is how the bottleneck is named.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.conversations import DATA_ANALYST
from bench.results_file import RESULTS_DIR, report
from bot.embedded import EmbeddedDeployment
from bot.infra import free_port
from bot.scaled import Ports, ScaledDeployment

RESULTS_FILE = RESULTS_DIR / "load.json"
CONCURRENCY = 50
DURATION_SECONDS = 60.0
TURN_TIMEOUT_SECONDS = 30.0
CONVERSATION = [*DATA_ANALYST, "show me more"]


@dataclass
class Tally:
    """What the simulated learners saw."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    conversations: int = 0


async def _learner(client: httpx.AsyncClient, url: str, stop_at: float, tally: Tally) -> None:
    """One learner after another, each through the whole conversation, until time is up."""
    while time.monotonic() < stop_at:
        sender = f"load-{uuid.uuid4().hex[:12]}"
        for text in CONVERSATION:
            if time.monotonic() >= stop_at:
                return
            started = time.perf_counter()
            try:
                response = await client.post(
                    f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}
                )
            except httpx.HTTPError as error:
                tally.errors[type(error).__name__] += 1
                break
            tally.latencies_ms.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                tally.errors[f"HTTP {response.status_code}"] += 1
                break
            if not response.json():
                tally.errors["empty reply"] += 1
                break
        else:
            tally.conversations += 1


def _cpu_seconds(root: int) -> float:
    """CPU time (user + system) of a process and all its descendants, from /proc.

    A server is a tree: nginx's master and workers, PostgreSQL's postmaster and one
    backend per connection (each in a session of its own). Children already reaped are
    in their parent's cutime/cstime, so summing all four over the live tree counts every
    tick once.
    """
    ticks: dict[int, int] = {}
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid = int(stat.parent.name)
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        parents[pid] = int(fields[1])  # ppid
        ticks[pid] = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def _percentile(ordered: list[float], fraction: float) -> float:
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * fraction))], 1)


async def drive(
    url: str,
    concurrency: int = CONCURRENCY,
    duration: float = DURATION_SECONDS,
    pids: dict[str, int] | None = None,
) -> dict[str, Any]:
    """Run ``concurrency`` learners against Rasa at ``url`` for ``duration`` seconds."""
    tally = Tally()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    timeout = httpx.Timeout(TURN_TIMEOUT_SECONDS)
    cpu_before = {name: _cpu_seconds(pid) for name, pid in (pids or {}).items()}
    started = time.monotonic()
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        stop_at = started + duration
        await asyncio.gather(*(_learner(client, url, stop_at, tally) for _ in range(concurrency)))
    elapsed = time.monotonic() - started
    ordered = sorted(tally.latencies_ms)
    result: dict[str, Any] = {
        "concurrency": concurrency,
        "duration_s": round(elapsed, 1),
        "turns": len(ordered),
        "turns_per_second": round(len(ordered) / elapsed, 1),
        "conversations_completed": tally.conversations,
        "p50_ms": round(statistics.median(ordered), 1) if ordered else None,
        "p95_ms": _percentile(ordered, 0.95) if ordered else None,
        "p99_ms": _percentile(ordered, 0.99) if ordered else None,
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors),
    }
    if pids:
        result["cpu_cores_used"] = {
            name: round((_cpu_seconds(pid) - cpu_before[name]) / elapsed, 2)
            for name, pid in pids.items()
        }
    return result


def _private_dir(prefix: str) -> Path:
    root = Path(tempfile.mkdtemp(prefix=prefix))
    root.chmod(0o711)  # PostgreSQL, run as its own account, must reach its folder
    return root


def run_embedded(concurrency: int, duration: float) -> dict[str, Any]:
    """One Rasa process and one action server on SQLite and the in-memory lock store."""
    deployment = EmbeddedDeployment(_private_dir("credwise-load-embedded-"))
    try:
        deployment.start("actions", "rasa")
        pids = {name: process.pid for name, process in deployment.processes.items()}
        return asyncio.run(drive(deployment.rasa_url, concurrency, duration, pids))
    finally:
        deployment.stop()


def run_scaled(concurrency: int, duration: float) -> dict[str, Any]:
    """Two Rasa replicas and two action servers behind nginx, PostgreSQL and Redis."""
    ports = Ports(
        rasa=free_port(), actions=free_port(), web=free_port(), postgres=free_port(),
        redis=free_port(), rasa_replicas=(free_port(), free_port()),
        actions_replicas=(free_port(), free_port()),
    )  # fmt: skip
    deployment = ScaledDeployment(_private_dir("credwise-load-scaled-"), ports, with_web=False)
    try:
        deployment.start()
        pids = {name: process.pid for name, process in deployment.processes.items()}
        for name, process in [
            ("redis", deployment.redis.process),
            ("nginx", deployment.nginx.process),
        ]:
            if process is not None:
                pids[name] = process.pid
        if deployment.postgres.process is not None:
            pids["postgres"] = deployment.postgres.process.pid
        return asyncio.run(drive(deployment.rasa_url, concurrency, duration, pids))
    finally:
        deployment.stop()


def main(*, quick: bool = False) -> dict[str, Any]:
    """Measure both modes, print the figures and write them to the results file."""
    duration = 10.0 if quick else DURATION_SECONDS
    results = {
        "machine": {"cpu_cores": os.cpu_count()},
        "conversation_turns": len(CONVERSATION),
        "embedded": run_embedded(CONCURRENCY, duration),
        "scaled": run_scaled(CONCURRENCY, duration),
    }
    return report(results, RESULTS_FILE, quick=quick)
