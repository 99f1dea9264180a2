"""What the advisor console writes into a learner's conversation (through bot.gateway).

The advisor's words become ``bot`` events in the learner's tracker, so every channel
that shows the tracker's history shows them, and Rasa's policies see them as context
once the bot resumes.
"""

from __future__ import annotations

import time
from typing import Any

ADVISOR_SOURCE = "advisor_console"  # in the event's metadata, so channels can style it
RESUME_MESSAGE = (
    "You're back with Credwise, the course advisor. Ask me about courses whenever you "
    "like, or say “restart” to begin again."
)


def advisor_text(advisor: str, text: str) -> str:
    """The advisor's message as the learner reads it: who is writing, then the words."""
    return f"{advisor}: {text.strip()}"


def advisor_event(advisor: str, text: str, now: float | None = None) -> dict[str, Any]:
    """A ``bot`` event carrying an advisor's reply."""
    return {
        "event": "bot",
        "text": advisor_text(advisor, text),
        "timestamp": time.time() if now is None else now,
        "metadata": {"source": ADVISOR_SOURCE, "advisor": advisor},
    }
