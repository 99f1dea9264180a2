"""Which of an occupation's key tools a course teaches, named the way learners say them.

O*NET names tools formally ("Structured query language SQL", "The MathWorks MATLAB",
"Amazon Web Services AWS software") while course pages say "SQL", "MATLAB", "AWS".
Each O*NET name is expanded into the short forms people use, and a course covers a
skill when one of those forms appears in its skill tags, title or description as a
whole word. Matching is deliberately strict where a loose match would lie: one- and
two-letter names ("R", "C") only count in tags and titles, and single-word names are
matched in descriptions with their capitalisation ("Excel", not "excel in your career").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.schema import Course

SHORT_NAME_CHARS = 2  # 'R', 'C', 'Go': too ambiguous to look for in running text
MIN_ACRONYM_CHARS = 2
MAX_ACRONYM_CHARS = 8
# Vendors whose product is known by its own name: "Microsoft Excel" is "Excel".
KNOWN_VENDORS = (
    "the mathworks",
    "microsoft",
    "oracle",
    "adobe",
    "google",
    "ibm",
    "sap",
    "apache",
    "atlassian",
    "amazon",
    "autodesk",
    "salesforce",
    "tableau software",
    "intuit",
    "cisco",
    "red hat",
)
_GENERIC_SUFFIX = re.compile(r"\s+(?:software|programming language|language)$", re.IGNORECASE)
_EDGE_BEFORE = r"(?<![\w+#])"
_EDGE_AFTER = r"(?![\w+#])"


@dataclass(frozen=True)
class Skill:
    """An occupation skill with the forms it is matched by; ``display`` is the shortest."""

    name: str
    aliases: tuple[str, ...]
    display: str


def aliases(name: str) -> tuple[str, ...]:
    """'Structured query language SQL' -> ('Structured query language SQL', 'Structured
    query language', 'SQL'); 'Oracle Java' -> ('Oracle Java', 'Java')."""
    forms = [name.strip()]
    base = _GENERIC_SUFFIX.sub("", forms[0]).strip()
    forms.append(base)
    tokens = base.split()
    if (
        len(tokens) > 1
        and tokens[-1].isupper()
        and (MIN_ACRONYM_CHARS <= len(tokens[-1]) <= MAX_ACRONYM_CHARS)
    ):
        forms.append(" ".join(tokens[:-1]))  # the spelled-out name
        forms.append(tokens[-1])  # the acronym people actually type
    lowered = base.lower()
    for vendor in KNOWN_VENDORS:
        if lowered.startswith(vendor + " ") and len(base) > len(vendor) + 1:
            forms.append(base[len(vendor) + 1 :].strip())
            break
    unique = dict.fromkeys(form for form in forms if form)
    return tuple(unique)


def skill(name: str) -> Skill:
    """The matchable form of one O*NET skill name."""
    forms = aliases(name)
    return Skill(name=name, aliases=forms, display=min(forms, key=len))


def _pattern(alias: str, *, case_sensitive: bool) -> re.Pattern[str]:
    plural = "s?" if alias[-1:].isalpha() and not alias.isupper() else ""
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"{_EDGE_BEFORE}{re.escape(alias)}{plural}{_EDGE_AFTER}", flags)


def _in_tags_or_title(alias: str, course: Course) -> bool:
    short = len(alias) <= SHORT_NAME_CHARS
    tag_match = _pattern(alias, case_sensitive=short)
    return any(tag_match.search(tag) for tag in course.skills) or bool(
        tag_match.search(course.title)
    )


def _in_text(alias: str, text: str) -> bool:
    if len(alias) <= SHORT_NAME_CHARS or not text:
        return False
    single_word = " " not in alias
    return _pattern(alias, case_sensitive=single_word).search(text) is not None


def _course_text(course: Course) -> str:
    return " ".join([course.description or "", *course.learning_outcomes])


def covers(course: Course, target: Skill) -> bool:
    """Whether the course names one of the skill's forms in its tags, title or text."""
    text = _course_text(course)
    return any(
        _in_tags_or_title(alias, course) or _in_text(alias, text) for alias in target.aliases
    )


def is_known(target: Skill, known: Iterable[str]) -> bool:
    """Whether the learner already has the skill under any of its names ('sql' ~ 'SQL')."""
    names = {form.lower() for form in target.aliases}
    return any(item.strip().lower() in names for item in known)


def skills_you_lack(
    course: Course, occupation_skills: Sequence[str], known: Sequence[str]
) -> list[str]:
    """Display names of the occupation's skills the course covers, minus known ones."""
    lacking: list[str] = []
    for name in occupation_skills:
        target = skill(name)
        if target.display in lacking or is_known(target, known):
            continue
        if covers(course, target):
            lacking.append(target.display)
    return lacking
