"""Capacity under realistic traffic, through the running Rasa and action server.

Learners who read and type between messages (5–20 s, ``bench.load.THINK_SECONDS``) are
what one machine serves; the benchmark (``python -m bench load``) ramps them up until
the 95th percentile passes 1 s and records the figure in docs/benchmarks.md. This test
holds a floor well below that figure, so a change that makes turns several times
slower fails here, not in production.
"""

from __future__ import annotations

import asyncio

import pytest

from bench.load import LATENCY_BUDGET_MS, drive, drive_pausing
from tests.stack import Stack

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

PAUSING_LEARNERS = 60


def test_sixty_pausing_learners_are_answered_within_a_second(stack: Stack) -> None:
    result = asyncio.run(drive_pausing(stack.rasa_url, PAUSING_LEARNERS, measured=20.0))
    assert result["errors"] == 0, result["error_kinds"]
    assert result["turns"] >= PAUSING_LEARNERS  # every learner spoke at least once
    assert result["p95_ms"] <= LATENCY_BUDGET_MS, result


def test_learners_who_do_not_pause_get_every_answer(stack: Stack) -> None:
    result = asyncio.run(drive(stack.rasa_url, concurrency=20, duration=10.0))
    assert result["errors"] == 0, result["error_kinds"]
    assert result["turns_per_second"] >= 5, result  # today ~15 on two shared cores
