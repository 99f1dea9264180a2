"""Ready-made learner profiles for trying the ranking, one per kind of constraint.

Each stresses a different hard filter: a price cap with online delivery, free only,
and in-person delivery at a place. They mirror learners the bot is tested with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from advisor.profile import LearnerProfile


@dataclass(frozen=True)
class Persona:
    """A named profile the console offers as a starting point."""

    id: str
    label: str
    profile: LearnerProfile

    def payload(self) -> dict[str, Any]:
        """JSON for the persona picker (only the fields the persona sets)."""
        return {
            "id": self.id,
            "label": self.label,
            "profile": self.profile.model_dump(mode="json", exclude_defaults=True),
        }


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "accountant",
        "Accountant → data analytics (5 h/week, ≤ $300, online)",
        LearnerProfile(
            goal="get into data analytics",
            background="accountant",
            hours_per_week=5,
            budget_max=300,
            mode="online",
        ),
    ),
    Persona(
        "retail",
        "Retail worker → IT support (free only)",
        LearnerProfile(
            goal="move into IT support",
            background="retail sales associate",
            free_only=True,
        ),
    ),
    Persona(
        "nurse",
        "Nurse → nutrition (in person, Newark)",
        LearnerProfile(
            goal="learn about nutrition and diet",
            background="registered nurse",
            mode="in_person",
            location="Newark",
        ),
    ),
    Persona(
        "designer",
        "Graphic designer → UX design (6 h/week, 8 weeks, self-paced)",
        LearnerProfile(
            goal="become a UX designer",
            background="graphic designer",
            hours_per_week=6,
            deadline_weeks=8,
            pace="self_paced",
            credit="industry",
        ),
    ),
)


def persona(persona_id: str) -> Persona | None:
    """The persona with this id, if any."""
    return next((p for p in PERSONAS if p.id == persona_id), None)
