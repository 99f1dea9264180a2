"""Scripted learners, shared by the benchmarks and the scaled-mode tests.

Each is a whole interview, greeting first, whose last answer brings course cards; the
two differ in every answer that becomes a filter, so a test can tell their trackers
apart.
"""

from __future__ import annotations

DATA_ANALYST = [
    "hi",
    "I want to become a data analyst",
    "Excel",
    "5 hours a week",
    "within 3 months",
    "up to 500 dollars",
    "online, at my own pace",
    "doesn't matter",
]
UX_DESIGNER = [
    "hello",
    "I want to move into UX design",
    "nothing yet",
    "10 hours a week",
    "within 6 months",
    "it has to be free",
    "online, at my own pace",
    "doesn't matter",
]
