"""The load driver of ``bench/load.py`` against the scaled mode, briefly: no errors."""

from __future__ import annotations

import asyncio

import pytest

from bench.load import drive
from deploy.scaled import ScaledDeployment

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def test_ten_concurrent_learners_through_nginx_get_every_answer(scaled: ScaledDeployment) -> None:
    result = asyncio.run(drive(scaled.rasa_url, concurrency=10, duration=8.0))

    assert result["errors"] == 0, result["error_kinds"]
    assert result["turns"] >= 10
    assert result["p95_ms"] is not None
