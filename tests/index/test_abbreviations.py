"""Acronyms read from the catalog's own "Full Name (ACRONYM)" pairs."""

from __future__ import annotations

from index.abbreviations import mine
from tests.advisor.conftest import build_course


def test_an_acronym_the_catalog_spells_out_is_read_in_either_case() -> None:
    courses = [
        build_course(id="t:a", title="Child Development Associate (CDA) Training"),
        build_course(id="t:b", title="CDA prep", description="Child Development Associate (CDA)."),
        build_course(id="t:c", title="Certified Dental Assistant (CDA) review"),
        build_course(id="t:d", title="Computer Aided Manufacturing (CAM)", description="a cam"),
        build_course(id="t:e", title="Computer Aided Manufacturing (CAM) refresher"),
    ]
    found = mine(courses)
    assert found.expansion("CDA") == "child development associate"  # the more frequent
    assert found.expansion("cda") == "child development associate"  # never a lower-case word
    assert found.expansion("CAM") == "computer aided manufacturing"
    assert found.expansion("cam") is None  # the catalog writes "cam" as a word
    assert found.expansion("XYZ") is None


def test_an_acronym_mostly_written_bare_is_not_expanded() -> None:
    courses = [
        build_course(id=f"sql-{n}", title=f"SQL for analysts {n}", description="SQL queries.")
        for n in range(8)
    ]
    courses += [
        build_course(id="t:x", title="Structured Query Language (SQL) basics"),
        build_course(id="t:y", title="Intro to Structured Query Language (SQL)"),
    ]
    assert mine(courses).expansion("SQL") is None


def test_initials_must_spell_the_acronym() -> None:
    courses = [build_course(id=f"t:{n}", title="Learn Python Today (LPX)") for n in range(3)]
    assert mine(courses).expansion("LPX") is None
