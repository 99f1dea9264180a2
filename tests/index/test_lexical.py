"""The lexical index's relevance evidence on a hand-made set of course texts."""

from __future__ import annotations

from index.lexical import LexicalIndex


def _index(*titles: str) -> LexicalIndex:
    return LexicalIndex([{"title": title} for title in titles])


def test_a_course_names_the_rarest_word_in_any_of_its_forms() -> None:
    """'dental assistant': the rarest word here is 'assistant'; 'Dental Assisting' names
    it (same Porter2 stem), 'Dental Office' does not."""
    lexical = _index(
        "Dental Assisting Program",
        "Dental Office Basics",
        "Dental Hygiene",
        "Dental Radiography",
        "Medical Assistant",
    )
    assert lexical.names_rarest("dental assistant").tolist() == [1, 0, 0, 0, 1]


def test_coverage_is_the_share_of_the_topics_rarity_a_course_names() -> None:
    lexical = _index("Pharmacy Technician", "Phlebotomy Technician", "Computer Repair")
    coverage = lexical.coverage("pharmacy technician")
    assert coverage[0] == 1.0
    assert 0 < coverage[1] < 0.5  # only the common word
    assert coverage[2] == 0.0
