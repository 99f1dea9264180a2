"""End-to-end tests use the session-wide ``stack`` fixture of ``tests/conftest.py``."""

from tests.stack import Stack, free_port

__all__ = ["Stack", "free_port"]
