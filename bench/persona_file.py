"""The learner personas of ``eval/personas.yml``, read and checked.

Both the conversation driver (which speaks each persona's script) and the relevance
evaluation (which uses each persona's structured constraints without talking) read the
same file, so a persona is one person in both measurements. Loading validates the
whole file up front: a typo in a slot name would otherwise show up as a learner who
silently says "skip" to a question, and the figures would be wrong without any error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # PyYAML ships no stubs; none installed

from index.settings import REPO_ROOT

PERSONAS_FILE = REPO_ROOT / "eval" / "personas.yml"
NLU_DIR = REPO_ROOT / "data" / "nlu"

SLOTS = (
    "goal",
    "background",
    "hours_per_week",
    "deadline_weeks",
    "budget",
    "mode",
    "pace",
    "credit",
    "location",
)
MODES = ("online", "in_person", "blended", "any")
PACES = ("self_paced", "scheduled", "any")
CREDITS = ("degree_credit", "industry", "either", "no")
OPENING_STYLES = ("several_answers", "question", "paragraph", "greeting", "goal")


@dataclass(frozen=True)
class Budget:
    """A budget as the person means it: a ceiling in US dollars, free only, or no limit."""

    max: float | None
    free_only: bool
    unlimited: bool


@dataclass(frozen=True)
class Constraints:
    """What a correct advisor must respect for this person, as data."""

    goal_topic: str
    background: str
    hours_per_week: float | None  # None: no limit on weekly hours
    deadline_weeks: float | None  # None: no deadline
    budget: Budget
    mode: str  # one of MODES
    pace: str  # one of PACES
    credit: str  # one of CREDITS
    location: str | None  # "Town, ST" when in-person learning is acceptable


@dataclass(frozen=True)
class Script:
    """How the person talks: a first message, answers per slot, follow-ups after results."""

    opening: str
    answers: dict[str, list[str]]  # slot -> first answer, then rephrasings
    after_results: list[str]


@dataclass(frozen=True)
class Persona:
    """One learner."""

    id: str
    description: str
    goal_in_own_words: str
    opening_style: str
    constraints: Constraints
    script: Script
    opening_covers: tuple[str, ...] = ()  # slots the opening message already answers
    out_of_catalog: bool = False  # no course teaches this: the right answer is "none"

    def messages(self) -> list[str]:
        """Everything the person may say, in script order."""
        said = [self.script.opening]
        for variants in self.script.answers.values():
            said.extend(variants)
        return said + self.script.after_results


# What an online learner who gave no town answers when asked where they are.
ONLINE_LEARNERS_PLACE = "doesnt matter, online"


def _require(condition: bool, persona_id: str, problem: str) -> None:
    if not condition:
        raise ValueError(f"eval/personas.yml: persona {persona_id!r}: {problem}")


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _persona(raw: dict[str, Any]) -> Persona:
    pid = str(raw.get("id", "?"))
    c = raw["constraints"]
    budget = Budget(
        max=_number(c["budget"].get("max")),
        free_only=bool(c["budget"].get("free_only", False)),
        unlimited=bool(c["budget"].get("unlimited", False)),
    )
    constraints = Constraints(
        goal_topic=str(c["goal_topic"]),
        background=str(c["background"]),
        hours_per_week=_number(c.get("hours_per_week")),
        deadline_weeks=_number(c.get("deadline_weeks")),
        budget=budget,
        mode=str(c["mode"]),
        pace=str(c["pace"]),
        credit=str(c["credit"]),
        location=c.get("location"),
    )
    _require(constraints.mode in MODES, pid, f"mode {constraints.mode!r} not in {MODES}")
    _require(constraints.pace in PACES, pid, f"pace {constraints.pace!r} not in {PACES}")
    _require(constraints.credit in CREDITS, pid, f"credit {constraints.credit!r}")
    _require(
        not (budget.free_only and budget.unlimited), pid, "budget both free_only and unlimited"
    )
    answers_raw = dict(raw["script"]["answers"])
    if constraints.location is None and constraints.mode == "online":
        # An online learner may leave out where they live; asked anyway, they say so.
        answers_raw.setdefault("location", ONLINE_LEARNERS_PLACE)
    _require(set(answers_raw) == set(SLOTS), pid, f"answers must cover exactly {SLOTS}")
    answers = {
        slot: [str(v) for v in (value if isinstance(value, list) else [value])]
        for slot, value in answers_raw.items()
    }
    after = [str(m) for m in raw["script"]["after_results"]]
    _require(1 <= len(after) <= 3, pid, "after_results needs 1-3 messages")
    covers = tuple(str(s) for s in raw.get("opening_covers") or ())
    _require(set(covers) <= set(SLOTS), pid, f"opening_covers {covers} not all in {SLOTS}")
    style = str(raw["opening_style"])
    _require(style in OPENING_STYLES, pid, f"opening_style {style!r} not in {OPENING_STYLES}")
    return Persona(
        id=pid,
        description=str(raw["description"]),
        goal_in_own_words=str(raw["goal_in_own_words"]),
        opening_style=style,
        constraints=constraints,
        script=Script(opening=str(raw["script"]["opening"]), answers=answers, after_results=after),
        opening_covers=covers,
        out_of_catalog=bool(raw.get("out_of_catalog", False)),
    )


def load_personas(path: Path = PERSONAS_FILE) -> list[Persona]:
    """Every persona in the file, validated; ids are unique."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    personas = [_persona(item) for item in raw["personas"]]
    ids = [p.id for p in personas]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"eval/personas.yml: duplicate ids {duplicates}")
    return personas


_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def nlu_examples(nlu_dir: Path = NLU_DIR) -> set[str]:
    """The bot's own training examples, lower-cased, entity annotations removed."""
    examples: set[str] = set()
    for path in sorted(nlu_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("nlu") or []:
            for line in str(item.get("examples") or "").splitlines():
                text = line.strip().removeprefix("- ").strip()
                if text:
                    examples.add(_ANNOTATION.sub(r"\1", text).lower())
    return examples


def copied_phrases(personas: list[Persona], min_words: int = 3) -> list[str]:
    """Persona messages of ``min_words`` or more that are word for word a training example.

    Terse answers ("online", "5", "forget me") are how people type and cannot help
    matching; a whole sentence that matches would test the training set, not a learner.
    """
    examples = nlu_examples()
    return sorted(
        {
            message
            for persona in personas
            for message in persona.messages()
            if len(message.split()) >= min_words and message.lower().strip() in examples
        }
    )
