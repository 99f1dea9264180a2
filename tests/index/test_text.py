"""Tokens the lexical index and the title tests count."""

from __future__ import annotations

import pytest

from index.text import content_terms, numbered_names, tokenize


def test_code_names_stay_whole() -> None:
    assert tokenize("C++ and C# for beginners") == ["c++", "and", "c#", "for", "beginners"]


@pytest.mark.parametrize(
    ("written", "word"),
    [("e-learning", "elearning"), ("E-Learning", "elearning"), ("eLearning", "elearning"),
     ("e-commerce", "ecommerce")],
)  # fmt: skip
def test_e_compounds_are_one_word_however_written(written: str, word: str) -> None:
    assert tokenize(f"designing {written} courses") == ["designing", word, "courses"]


def test_learning_alone_is_still_a_stop_word_but_e_learning_is_not() -> None:
    assert content_terms("learning") == []
    assert content_terms("e-learning") != []


def test_numbered_names_are_credentials_not_course_numbers() -> None:
    assert numbered_names("OSHA 30 and a Class B CDL") == [("osha", "30"), ("class", "b")]
    assert numbered_names("Excel 2019, Python 101") == [("excel", "2019")]
    assert numbered_names("a class about welding") == []
