"""Load tests of both deployments (embedded, scaled): closed loop and pausing learners.

Each simulated learner runs the whole interview over Rasa's REST channel (greeting,
goal, background, hours, deadline, budget, mode and pace, credit: the last answer
brings three course cards), asks for more results, then starts again as a new learner.
Both deployments are started here on free loopback ports with their own stores, so the
figures are reproducible with one command: ``python -m bench load``.

Two kinds of traffic:

- **closed loop**: ``CLOSED_LOOP_LEARNERS`` learners who send the next message as soon
  as the reply comes: the most turns per second the deployment can answer;
- **pausing learners**: each reads and types for 5–20 s (uniform) between messages, as
  people do. The number of learners is ramped up in steps until the 95th percentile of
  turn latency passes 1 s; the capacity is the most learners served within it.

Reported per mode: completed turns and turns per second, p50/p95/p99 turn latency,
errors (non-200, timeouts, refused connections, or an empty reply where the script
expects one), and the CPU time each server process used per second of the run, which
is how the bottleneck is named.
"""

from __future__ import annotations

import asyncio
import os
import random
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
from bot.gateway import RasaGateway, RasaUnavailableError
from deploy.embedded import EmbeddedDeployment
from deploy.infra import free_port
from deploy.scaled import Ports, ScaledDeployment

RESULTS_FILE = RESULTS_DIR / "load.json"
CONCURRENCY = 50  # the closed-loop figure measured before pausing learners were
CLOSED_LOOP_LEARNERS = 20
DURATION_SECONDS = 60.0
TURN_TIMEOUT_SECONDS = 30.0
THINK_SECONDS = (5.0, 20.0)  # reading the reply and typing the next message
LATENCY_BUDGET_MS = 1000.0  # the p95 a pausing learner should see
RAMP_START, RAMP_STEP, RAMP_MAX = 50, 50, 600
STAGE_SECONDS = 45.0  # measured per ramp step, after the learners' staggered start
CONVERSATION = [*DATA_ANALYST, "show me more"]


@dataclass
class Tally:
    """What the simulated learners saw."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    conversations: int = 0
    recording: bool = True  # False while pausing learners are still arriving


async def _turn(gateway: RasaGateway, sender: str, text: str, tally: Tally) -> bool:
    """Send one message and record its latency; False when the conversation broke."""
    started = time.perf_counter()
    try:
        reply = await gateway.turn(sender, text)
    except RasaUnavailableError as error:
        tally.errors[f"HTTP {error.status}" if error.status else "unavailable"] += 1
        return False
    if tally.recording:
        tally.latencies_ms.append((time.perf_counter() - started) * 1000)
    if not reply:
        tally.errors["empty reply"] += 1
        return False
    return True


async def _learner(gateway: RasaGateway, stop_at: float, tally: Tally) -> None:
    """One learner after another, each through the whole conversation, until time is up."""
    while time.monotonic() < stop_at:
        sender = f"load-{uuid.uuid4().hex[:12]}"
        for text in CONVERSATION:
            if time.monotonic() >= stop_at:
                return
            if not await _turn(gateway, sender, text, tally):
                break
        else:
            tally.conversations += 1


async def _pausing_learner(
    gateway: RasaGateway, stop_at: float, tally: Tally, rng: random.Random
) -> None:
    """A learner who reads and types between messages (``THINK_SECONDS``), starting at a
    random moment of the first pause so that learners do not all speak at once."""
    await asyncio.sleep(rng.uniform(0, THINK_SECONDS[1]))
    while time.monotonic() < stop_at:
        sender = f"load-{uuid.uuid4().hex[:12]}"
        for text in CONVERSATION:
            if time.monotonic() >= stop_at:
                return
            if not await _turn(gateway, sender, text, tally):
                break
            await asyncio.sleep(rng.uniform(*THINK_SECONDS))
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


def _cores_used(
    pids: dict[str, int], cpu_before: dict[str, float], elapsed: float
) -> dict[str, float]:
    """Cores each server kept busy since ``cpu_before`` was read, over ``elapsed`` s."""
    return {
        name: round((_cpu_seconds(pid) - cpu_before[name]) / elapsed, 2)
        for name, pid in pids.items()
    }


def _percentile(ordered: list[float], fraction: float) -> float:
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * fraction))], 1)


def _latency_figures(tally: Tally, elapsed: float) -> dict[str, Any]:
    ordered = sorted(tally.latencies_ms)
    return {
        "turns": len(ordered),
        "turns_per_second": round(len(ordered) / elapsed, 1) if elapsed > 0 else None,
        "conversations_completed": tally.conversations,
        "p50_ms": round(statistics.median(ordered), 1) if ordered else None,
        "p95_ms": _percentile(ordered, 0.95) if ordered else None,
        "p99_ms": _percentile(ordered, 0.99) if ordered else None,
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors),
    }


def _gateway(url: str, learners: int) -> RasaGateway:
    """The channels' own Rasa client, with a connection per learner and no retries (a
    retried turn would hide the failure being counted)."""
    limits = httpx.Limits(max_connections=learners, max_keepalive_connections=learners)
    return RasaGateway(
        url,
        turn_timeout=TURN_TIMEOUT_SECONDS,
        attempts=1,
        transport=httpx.AsyncHTTPTransport(limits=limits),
    )


async def drive(
    url: str,
    concurrency: int = CONCURRENCY,
    duration: float = DURATION_SECONDS,
    pids: dict[str, int] | None = None,
) -> dict[str, Any]:
    """Run ``concurrency`` learners who never pause against Rasa at ``url``."""
    tally = Tally()
    cpu_before = {name: _cpu_seconds(pid) for name, pid in (pids or {}).items()}
    started = time.monotonic()
    gateway = _gateway(url, concurrency)
    try:
        stop_at = started + duration
        await asyncio.gather(*(_learner(gateway, stop_at, tally) for _ in range(concurrency)))
    finally:
        await gateway.aclose()
    elapsed = time.monotonic() - started
    result: dict[str, Any] = {
        "concurrency": concurrency,
        "duration_s": round(elapsed, 1),
        **_latency_figures(tally, elapsed),
    }
    if pids:
        result["cpu_cores_used"] = _cores_used(pids, cpu_before, elapsed)
    return result


async def drive_pausing(
    url: str,
    learners: int,
    measured: float = STAGE_SECONDS,
    pids: dict[str, int] | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """``learners`` pausing learners against Rasa at ``url``: they arrive during the first
    pause (not measured), then their turns are measured for ``measured`` seconds."""
    tally = Tally(recording=False)
    rng = random.Random(seed)
    arrival = THINK_SECONDS[1]
    gateway = _gateway(url, learners)
    try:
        started = time.monotonic()
        stop_at = started + arrival + measured
        runs = asyncio.gather(
            *(_pausing_learner(gateway, stop_at, tally, rng) for _ in range(learners))
        )
        await asyncio.sleep(arrival)
        tally.recording = True
        cpu_before = {name: _cpu_seconds(pid) for name, pid in (pids or {}).items()}
        window = time.monotonic()
        await runs
        elapsed = time.monotonic() - window
    finally:
        await gateway.aclose()
    result: dict[str, Any] = {"learners": learners, **_latency_figures(tally, elapsed)}
    if pids:
        result["cpu_cores_used"] = _cores_used(pids, cpu_before, elapsed)
    return result


async def ramp(
    url: str,
    *,
    start: int = RAMP_START,
    step: int = RAMP_STEP,
    most: int = RAMP_MAX,
    measured: float = STAGE_SECONDS,
    pids: dict[str, int] | None = None,
) -> dict[str, Any]:
    """More pausing learners each step until p95 passes ``LATENCY_BUDGET_MS`` (or errors
    appear); the capacity is the largest step that stayed within it."""
    stages: list[dict[str, Any]] = []
    capacity = 0
    for learners in range(start, most + 1, step):
        stage = await drive_pausing(url, learners, measured, pids)
        stages.append(stage)
        print(
            f"  {learners:4d} pausing learners: p95 {stage['p95_ms']} ms, "
            f"{stage['turns_per_second']} turns/s, {stage['errors']} errors",
            flush=True,
        )
        within = stage["p95_ms"] is not None and stage["p95_ms"] <= LATENCY_BUDGET_MS
        if not within or stage["errors"]:
            break
        capacity = learners
    return {
        "think_seconds": list(THINK_SECONDS),
        "latency_budget_ms": LATENCY_BUDGET_MS,
        "capacity_learners": capacity,
        "stages": stages,
    }


def measure(url: str, pids: dict[str, int], *, quick: bool) -> dict[str, Any]:
    """Closed loop, then the pausing-learner ramp, against one running deployment."""
    duration = 10.0 if quick else DURATION_SECONDS
    closed = asyncio.run(drive(url, CLOSED_LOOP_LEARNERS, duration, pids))
    print(
        f"  closed loop, {CLOSED_LOOP_LEARNERS} learners: {closed['turns_per_second']} turns/s, "
        f"p95 {closed['p95_ms']} ms",
        flush=True,
    )
    pausing = asyncio.run(
        ramp(
            url,
            measured=10.0 if quick else STAGE_SECONDS,
            most=100 if quick else RAMP_MAX,
            pids=pids,
        )
    )
    return {"closed_loop": closed, "pausing": pausing}


def _private_dir(prefix: str) -> Path:
    root = Path(tempfile.mkdtemp(prefix=prefix))
    root.chmod(0o711)  # PostgreSQL, run as its own account, must reach its folder
    return root


def run_embedded(*, quick: bool = False) -> dict[str, Any]:
    """One Rasa process and one action server on SQLite and the in-memory lock store."""
    deployment = EmbeddedDeployment(_private_dir("credwise-load-embedded-"))
    try:
        deployment.start("actions", "rasa")
        pids = {name: process.pid for name, process in deployment.processes.items()}
        print("embedded mode", flush=True)
        return measure(deployment.rasa_url, pids, quick=quick)
    finally:
        deployment.stop()


def run_scaled(*, quick: bool = False) -> dict[str, Any]:
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
        print("scaled mode", flush=True)
        return measure(deployment.rasa_url, pids, quick=quick)
    finally:
        deployment.stop()


def main(*, quick: bool = False) -> dict[str, Any]:
    """Measure both modes, print the figures and write them to the results file."""
    results = {
        "machine": {"cpu_cores": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]},
        "conversation_turns": len(CONVERSATION),
        "embedded": run_embedded(quick=quick),
        "scaled": run_scaled(quick=quick),
    }
    return report(results, RESULTS_FILE, quick=quick)
