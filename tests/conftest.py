"""Shared fixtures: real source rows and the real catalog, read once per session."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = REPO_ROOT / "data" / "courses" / "sources"


@pytest.fixture(scope="session")
def source_row() -> Callable[[str, str, str], dict[str, str]]:
    """Look up one real row of a committed source file by a column's value."""
    cache: dict[str, list[dict[str, str]]] = {}

    def find(file_name: str, column: str, value: str) -> dict[str, str]:
        if file_name not in cache:
            with (SOURCES_DIR / file_name).open(encoding="utf-8", newline="") as handle:
                cache[file_name] = list(csv.DictReader(handle))
        for row in cache[file_name]:
            if row[column] == value:
                return row
        raise LookupError(f"{file_name}: no row with {column}={value!r}")

    return find
