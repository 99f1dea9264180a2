"""Openings with several answers (eval/openings_blind.yml), read by the interview's own
reader and parsers, held to the committed bar; and the scoring itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.conversation_report import bars, missed_bars
from bench.openings import (
    OPENINGS_FILE,
    Opening,
    load_openings,
    matches,
    read_opening,
    summarise,
)


def test_values_are_compared_as_the_interview_reads_them() -> None:
    assert matches("hours_per_week", 7.0, 7)
    assert not matches("hours_per_week", 12.0, 7)
    assert matches("deadline_weeks", 13.0, 13)
    assert matches("deadline_weeks", 26.0, 26)
    assert not matches("deadline_weeks", 4.0, 13)
    assert matches("budget", "free", "free") and not matches("budget", 500.0, "free")
    assert matches("goal_topic", "medical billing coding", "medical billing and coding")
    assert not matches("goal_topic", "medical", "medical billing and coding")
    assert matches("location", "Newark", "Newark, NJ")
    assert not matches("mode", None, "online")


def test_an_answer_the_opening_does_not_state_is_spurious() -> None:
    opening = Opening(
        id="t-1",
        text="i work 12 hour shifts at the hospital, want to learn medical coding online",
        expected={"goal_topic": "medical coding", "mode": "online", "background": "hospital"},
    )
    reading = read_opening(opening, frozenset())
    assert reading.right == {"goal_topic": True, "background": True, "mode": True}
    assert reading.spurious == []  # the shifts are the job's hours, not study time
    summary = summarise([reading])
    assert summary["answers_read_right"] == 1.0 and summary["openings_all_right"] == 1.0


SECOND_SET = OPENINGS_FILE.with_name("openings_blind2.yml")
THIRD_SET = OPENINGS_FILE.with_name("openings_blind3.yml")
FOURTH_SET = OPENINGS_FILE.with_name("openings_blind4.yml")
FIFTH_SET = OPENINGS_FILE.with_name("openings_blind5.yml")
SIXTH_SET = OPENINGS_FILE.with_name("openings_blind6.yml")
SEVENTH_SET = OPENINGS_FILE.with_name("openings_blind7.yml")
EIGHTH_SET = OPENINGS_FILE.with_name("openings_blind8.yml")
NINTH_SET = OPENINGS_FILE.with_name("openings_blind9.yml")
TENTH_SET = OPENINGS_FILE.with_name("openings_blind10.yml")
ELEVENTH_SET = OPENINGS_FILE.with_name("openings_blind11.yml")


@pytest.mark.parametrize(
    ("path", "bar"),
    [
        (OPENINGS_FILE, "openings"),
        (SECOND_SET, "openings_second_set"),
        (THIRD_SET, "openings_third_set"),
        (FOURTH_SET, "openings_fourth_set"),
        (FIFTH_SET, "openings_fifth_set"),
        (SIXTH_SET, "openings_sixth_set"),
        (SEVENTH_SET, "openings_seventh_set"),
        (EIGHTH_SET, "openings_eighth_set"),
        (NINTH_SET, "openings_ninth_set"),
        (TENTH_SET, "openings_tenth_set"),
        (ELEVENTH_SET, "openings_eleventh_set"),
    ],
)
def test_the_blind_openings_are_read_at_least_as_well_as_before(path: Path, bar: str) -> None:
    from actions.goal import known_places

    readings = [read_opening(opening, known_places()) for opening in load_openings(path)]
    figures = summarise(readings)
    missed = missed_bars(figures, bars()[bar])
    assert not missed, f"{missed}; misses: {figures['misses']}"


@pytest.mark.parametrize("slot", ["hours_per_week", "budget", "mode", "deadline_weeks"])
def test_every_kind_of_answer_is_in_the_set(slot: str) -> None:
    assert sum(slot in o.expected for o in load_openings()) >= 5
