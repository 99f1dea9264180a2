"""Comments on the results, as learners write them, read as changes."""

from __future__ import annotations

import pytest

from advisor.refine import parse_refinement


def test_too_basic_with_known_skill_and_new_goal() -> None:
    wanted = parse_refinement(
        "these are too basic, I already do graphic design. I want UX research and wireframing",
        3,
    )
    assert wanted.level == "up"
    assert wanted.known == ["graphic design"]
    assert wanted.new_goal == "I want UX research and wireframing"


def test_like_number_two_but_cheaper() -> None:
    wanted = parse_refinement("something like #2 but cheaper", 3)
    assert (wanted.like_position, wanted.constraint, wanted.new_goal) == (2, "cheaper", None)


def test_change_of_mind_names_the_new_topic_not_the_announcement() -> None:
    wanted = parse_refinement("I changed my mind, I want to learn accounting", 3)
    assert wanted.new_goal == "I want to learn accounting"


def test_level_down_and_already_seen() -> None:
    assert parse_refinement("too hard for me", 3).level == "down"
    seen = parse_refinement("I've done those already", 3)
    assert seen.already_seen
    assert not seen.known


def test_nothing_to_change() -> None:
    assert not parse_refinement("hmm", 3)


def test_announcement_words_are_not_part_of_the_new_topic() -> None:
    assert parse_refinement("actually switch it to procurement", 3).new_goal == "procurement"
    assert parse_refinement("wait actually javascript instead", 3).new_goal == "javascript"


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("ok scratch that, how about dental hygiene instead", "dental hygiene"),
        ("nvm, what about carpentry", "carpentry"),
        ("what about weekends?", None),  # a time, not a subject
        ("how about the third one", None),  # a card
    ],
)
def test_a_dropped_goal_gives_way_to_the_one_named(text: str, goal: str | None) -> None:
    assert parse_refinement(text, 3).new_goal == goal


def test_other_courses_on_a_named_subject_change_the_goal() -> None:
    assert parse_refinement("none of these, got any others for graphic design?", 3).new_goal == (
        "graphic design"
    )


def test_cheaper_asked_in_spanish_is_the_cheaper_refinement() -> None:
    assert parse_refinement("algo mas barato?", 3).constraint == "cheaper"
