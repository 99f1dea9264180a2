"""How well a first message's several answers are read (eval/openings_blind.yml).

Each opening was written with the answers a careful reader takes from it. The reader
here is the one the interview uses: ``advisor.extract.find_statements`` cuts the message
into the words that state each answer, and the interview's parsers in
``advisor.answers`` read their values. An answer counts as read when its value matches
(hours and budgets to the dollar or hour, a deadline within a week or a tenth, the goal's
topic sharing most of its words with the expected one); one read where the opening
states none (a job's 12-hour shifts taken as study time) is *spurious*.

``python -m bench openings [--file …] [--id …]`` prints the misses and writes
``bench/results/openings.json``. Pure logic: no Rasa, no index, a second or two.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # PyYAML ships no stubs; none installed

from advisor import answers
from advisor.extract import find_statements
from advisor.query import topic_of
from bench.results_file import RESULTS_DIR, report
from index.places import gazetteer
from index.text import STOPWORDS

OPENINGS_FILE = Path(__file__).resolve().parent.parent / "eval" / "openings_blind.yml"
RESULTS_FILE = RESULTS_DIR / "openings.json"
SLOTS = (
    "goal_topic",
    "background",
    "hours_per_week",
    "budget",
    "mode",
    "pace",
    "deadline_weeks",
    "location",
)
# The slot names the interview uses for what find_statements returns.
_STATED_AS = {"goal_topic": "goal"}
TOPIC_WORD_SHARE = 0.5  # of the expected topic's words named, and of the read topic's


@dataclass(frozen=True)
class Opening:
    """One first message and the answers it states."""

    id: str
    text: str
    expected: dict[str, Any]


@dataclass
class Reading:
    """What was read from one opening, slot by slot."""

    opening: Opening
    read: dict[str, Any] = field(default_factory=dict)
    right: dict[str, bool] = field(default_factory=dict)
    spurious: list[str] = field(default_factory=list)


def load_openings(path: Path = OPENINGS_FILE) -> list[Opening]:
    """The openings of ``path``, each with its expected answers."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Opening(id=str(item["id"]), text=str(item["text"]), expected=dict(item["expected"]))
        for item in raw["openings"]
    ]


def _value(slot: str, words: str) -> Any:
    """The value the interview reads from the words stating ``slot``."""
    if slot == "goal_topic":
        return topic_of(words)[0]
    if slot == "background":
        return words
    if slot == "hours_per_week":
        hours = answers.parse_hours_per_week(words)
        return "no_limit" if hours is None and answers.no_time_limit(words) else hours
    if slot == "budget":
        budget = answers.parse_budget(words)
        if budget is None:
            return None
        if budget.free_only:
            return "free"
        return "no_limit" if budget.unlimited else budget.max_amount
    if slot == "mode":
        return answers.parse_mode(words)
    if slot == "pace":
        return answers.parse_pace(words)
    if slot == "deadline_weeks":
        return answers.parse_deadline_weeks(words)
    return words  # location: the place as written


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9+#]+", text.lower()) if w not in STOPWORDS]


def _same_word(one: str, other: str) -> bool:
    """'phlebotomist' ~ 'phlebotomy', 'admin' ~ 'administrator', 'tech' ~ 'technician'."""
    short, long = sorted((one, other), key=len)
    return len(short) >= 3 and long.startswith(short[: max(3, min(len(short), 7))])


def _covered(words: list[str], by: list[str]) -> float:
    """Share of ``words`` another list names, a word or an acronym ('asl') at a time."""
    if not words:
        return 0.0
    initials = "".join(w[0] for w in by)
    hits = sum(any(_same_word(w, b) for b in by) or (len(w) > 1 and w in initials) for w in words)
    return hits / len(words)


def _same_topic(read: str, expected: str) -> bool:
    """Most of the expected topic's words named, and most of what was read on topic."""
    wanted, got = _words(expected), _words(read)
    if not wanted or not got:
        return False
    acronym = "".join(w[0] for w in wanted)
    if any(w == acronym for w in got) and len(got) <= 2:
        return True  # "ASL" for "american sign language"
    return _covered(wanted, got) >= TOPIC_WORD_SHARE and _covered(got, wanted) >= TOPIC_WORD_SHARE


def _same_place(read: str, expected: str) -> bool:
    places = gazetteer()
    here, there = places.resolve(read.lower()), places.resolve(expected.lower())
    if here is not None and there is not None:
        return bool(here == there)
    return expected.split(",")[0].strip().lower() in read.lower()


def matches(slot: str, read: Any, expected: Any) -> bool:
    """Whether the value read is the expected one."""
    if read is None:
        return False
    if slot == "goal_topic":
        return _same_topic(str(read), str(expected))
    if slot == "background":
        return bool(str(read).strip())
    if slot == "location":
        return _same_place(str(read), str(expected))
    if isinstance(expected, (int, float)) and isinstance(read, (int, float)):
        if slot == "deadline_weeks":
            return abs(read - expected) <= max(1.0, 0.1 * expected)
        return abs(read - expected) <= max(0.5, 0.01 * expected)
    return str(read) == str(expected)


def read_opening(opening: Opening, places: frozenset[str]) -> Reading:
    """Every answer the reader takes from the opening, compared with the expected ones."""
    stated = find_statements(opening.text, places).answers
    reading = Reading(opening)
    for slot in SLOTS:
        words = stated.get(_STATED_AS.get(slot, slot))
        value = _value(slot, words) if words else None
        if value is not None:
            reading.read[slot] = value
        if slot in opening.expected:
            reading.right[slot] = matches(slot, value, opening.expected[slot])
        elif value is not None:
            reading.spurious.append(slot)
    return reading


def summarise(readings: list[Reading]) -> dict[str, Any]:
    """Share of stated answers read right, by slot; spurious ones; whole openings right."""
    stated: Counter[str] = Counter()
    right: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for reading in readings:
        for slot, ok in reading.right.items():
            stated[slot] += 1
            right[slot] += ok
        spurious.update(reading.spurious)
    total = sum(stated.values())
    return {
        "openings": len(readings),
        "answers_stated": total,
        "answers_read_right": round(sum(right.values()) / total, 3) if total else 0.0,
        "openings_all_right": round(
            sum(all(r.right.values()) and not r.spurious for r in readings) / len(readings), 3
        )
        if readings
        else 0.0,
        "spurious_answers": sum(spurious.values()),
        "by_slot": {slot: f"{right[slot]}/{stated[slot]}" for slot in SLOTS if stated[slot]},
        "spurious_by_slot": dict(spurious),
        "misses": [
            {
                "id": r.opening.id,
                "text": r.opening.text,
                "wrong": {
                    slot: {"expected": r.opening.expected[slot], "read": r.read.get(slot)}
                    for slot, ok in r.right.items()
                    if not ok
                },
                "spurious": {slot: r.read[slot] for slot in r.spurious},
            }
            for r in readings
            if not all(r.right.values()) or r.spurious
        ],
    }


def main(*, quick: bool = False, argv: list[str] | None = None) -> dict[str, Any]:
    """Read every opening of ``--file`` and report how many answers were read right."""
    from actions.goal import known_places  # the interview's own list of covered places

    parser = argparse.ArgumentParser(prog="python -m bench openings")
    parser.add_argument("--file", type=Path, default=OPENINGS_FILE)
    parser.add_argument("--id", action="append", help="only these opening ids")
    args = parser.parse_args(argv or [])
    openings = load_openings(args.file)
    if args.id:
        openings = [o for o in openings if o.id in set(args.id)]
    if quick:
        openings = openings[::5]
    places = known_places()
    summary = summarise([read_opening(opening, places) for opening in openings])
    for miss in summary["misses"]:
        print(f"  {miss['id']}: wrong {miss['wrong']} spurious {miss['spurious']}")
    partial = quick or bool(args.id) or args.file != OPENINGS_FILE
    return report(summary, RESULTS_FILE, quick=partial)
