"""Inline catalog records for the advisor's unit tests: every field is visible in the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from index.schema import Course, Mode, Pace, Source

MakeCourse = Callable[..., Course]


def build_course(**fields: Any) -> Course:
    """A minimal valid course; tests pass only the fields they are about."""
    record: dict[str, Any] = {
        "id": "test:course",
        "source": Source.EDX,
        "url": "https://www.edx.org/course/test",
        "title": "Test Course",
        "provider": "Test University",
        "mode": Mode.ONLINE,
        "pace": Pace.SELF_PACED,
    }
    record.update(fields)
    return Course.model_validate(record)


@pytest.fixture
def make_course() -> MakeCourse:
    return build_course
