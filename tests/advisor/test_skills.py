"""O*NET tool names <-> the words courses use for them."""

from __future__ import annotations

import pytest

from advisor.skills import aliases, covers, is_known, skill, skills_you_lack
from tests.advisor.conftest import MakeCourse


@pytest.mark.parametrize(
    ("name", "display", "alias"),
    [
        ("Structured query language SQL", "SQL", "Structured query language"),
        ("The MathWorks MATLAB", "MATLAB", "MATLAB"),
        ("Amazon Web Services AWS software", "AWS", "Amazon Web Services"),
        ("Oracle Java", "Java", "Java"),
        ("Microsoft Excel", "Excel", "Microsoft Excel"),
        ("Hypertext markup language HTML", "HTML", "Hypertext markup language"),
        ("Splunk Enterprise", "Splunk Enterprise", "Splunk Enterprise"),
        ("C++", "C++", "C++"),
    ],
)
def test_aliases(name: str, display: str, alias: str) -> None:
    assert skill(name).display == display
    assert alias in aliases(name)


def test_known_skill_under_another_name() -> None:
    assert is_known(skill("Structured query language SQL"), ["sql "])
    assert not is_known(skill("Structured query language SQL"), ["Python"])


@pytest.mark.parametrize(
    ("fields", "name", "covered"),
    [
        ({"skills": ["SQL"]}, "Structured query language SQL", True),
        ({"title": "Intro to structured query language"}, "Structured query language SQL", True),
        ({"description": "Query data with SQL."}, "Structured query language SQL", True),
        ({"description": "Build dashboards in Tableau."}, "Tableau", True),
        ({"title": "R Programming"}, "R", True),
        ({"description": "Use R for statistics."}, "R", False),  # too short for prose
        ({"title": "C# Fundamentals"}, "C", False),
        ({"title": "C++ for beginners"}, "C++", True),
        ({"description": "Skills to excel in any career."}, "Microsoft Excel", False),
        ({"description": "Formulas in Microsoft Excel."}, "Microsoft Excel", True),
        ({"description": "Configure firewalls and routers."}, "Firewall software", False),
        ({"skills": ["firewalls"]}, "Firewall software", True),
        ({"description": "A course about Javascript."}, "Oracle Java", False),
    ],
)
def test_covers(
    make_course: MakeCourse, fields: dict[str, object], name: str, covered: bool
) -> None:
    assert covers(make_course(**fields), skill(name)) is covered


def test_skills_you_lack_keeps_occupation_order_without_repeats(make_course: MakeCourse) -> None:
    course = make_course(skills=["Python", "SQL", "Tableau"])
    names = ["Tableau", "Python", "Structured query language SQL", "Tableau"]
    assert skills_you_lack(course, names, ["python"]) == ["Tableau", "SQL"]
