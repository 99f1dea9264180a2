"""The action server's shared, lazily loaded resources.

rasa_sdk imports every module in this package at start-up, so nothing heavy may
happen at import time: the search index and the embedding model load on the first
call to :func:`course_search` (the deployment warms it: actions/health.py).
"""

from __future__ import annotations

from functools import lru_cache

from actions.settings import ActionSettings
from index.search import CourseSearch


@lru_cache(maxsize=1)
def settings() -> ActionSettings:
    """The action server's settings (read once)."""
    return ActionSettings()


def course_search() -> CourseSearch:
    """The catalog search, loaded on first use and then shared by every action."""
    from index.loader import get_search

    return get_search()
