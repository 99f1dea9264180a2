"""What learners ask after the first cards (eval/learner_questions.yml), against the
running assistant: each message is taken the way its label says, held to the committed
bar (eval/conversation_bars.json, "questions")."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bench.conversation_report import bars, missed_bars
from bench.learner_questions import (
    ACCEPTED,
    QUESTIONS_FILE,
    handling_of,
    load_questions,
    play,
    summarise,
)
from tests.stack import Stack


def test_the_questions_cover_the_four_questions_in_many_wordings() -> None:
    questions = load_questions()
    labels = Counter(q.asks for q in questions)
    assert set(labels) == set(ACCEPTED)
    assert min(labels[label] for label in ("skills", "worth", "provider", "fit")) >= 10
    assert len({q.id for q in questions}) == len(questions)


def test_the_handling_is_read_from_the_turns_events() -> None:
    events: list[dict[str, Any]] = [
        {"event": "user", "text": "old", "parse_data": {"intent": {"name": "greet"}}},
        {"event": "action", "name": "action_recommend"},
        {"event": "user", "text": "legit?", "parse_data": {"intent": {"name": "out_of_scope"}}},
        {"event": "slot", "name": "follow_up", "value": {"kind": "ask_provider"}},
        {"event": "action", "name": "action_answer_question"},
        {"event": "action", "name": "action_listen"},
    ]
    assert handling_of(events) == ("provider", "out_of_scope", ["action_answer_question"])
    course: list[dict[str, Any]] = [
        {"event": "user", "text": "r the classes live", "parse_data": {"intent": {}}},
        {"event": "slot", "name": "follow_up", "value": {"kind": "ask_course", "aspect": "fit"}},
        {"event": "action", "name": "action_follow_up_request"},
    ]
    assert handling_of(course)[0] == "course:fit"
    assert handling_of([{"event": "user", "text": "x"}])[0] == "nothing"


SECOND_SET = QUESTIONS_FILE.with_name("learner_questions_blind2.yml")
THIRD_SET = QUESTIONS_FILE.with_name("learner_questions_blind3.yml")
FOURTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind4.yml")
FIFTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind5.yml")
SIXTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind6.yml")
SEVENTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind7.yml")
EIGHTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind8.yml")
NINTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind9.yml")
TENTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind10.yml")
ELEVENTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind11.yml")
TWELFTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind12.yml")
THIRTEENTH_SET = QUESTIONS_FILE.with_name("learner_questions_blind13.yml")


@pytest.mark.slow
@pytest.mark.e2e
@pytest.mark.parametrize(
    ("path", "bar"),
    [
        (QUESTIONS_FILE, "questions"),
        (SECOND_SET, "questions_second_set"),
        (THIRD_SET, "questions_third_set"),
        (FOURTH_SET, "questions_fourth_set"),
        (FIFTH_SET, "questions_fifth_set"),
        (SIXTH_SET, "questions_sixth_set"),
        (SEVENTH_SET, "questions_seventh_set"),
        (EIGHTH_SET, "questions_eighth_set"),
        (NINTH_SET, "questions_ninth_set"),
        (TENTH_SET, "questions_tenth_set"),
        (ELEVENTH_SET, "questions_eleventh_set"),
        (TWELFTH_SET, "questions_twelfth_set"),
        (THIRTEENTH_SET, "questions_thirteenth_set"),
    ],
)
def test_learners_questions_are_understood_at_least_as_well_as_before(
    stack: Stack, path: Path, bar: str
) -> None:
    figures = summarise(play(stack.rasa_url, stack.rasa_token, load_questions(path)))
    missed = missed_bars(figures, bars()[bar])
    assert not missed, f"{missed}; misses: {figures['misses']}"
