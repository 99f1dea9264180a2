"""Acronyms the catalog spells out itself: "Child Development Associate (CDA)".

Learners type the acronym ("get my CDA"); many listings only spell it out, so neither
the words nor the meaning of "CDA" find them. The catalog's own "Full Name (ACRONYM)"
pairs say what each acronym stands for in this catalog: the expansion whose initials
spell the acronym (small words skipped), seen at least ``MIN_SEEN`` times, the most
frequent one when a catalog uses an acronym for two things ("CDA": child development
associate, certified dental assistant); not for acronyms the catalog mostly writes bare
("SQL"). Read case-sensitively unless the catalog never
writes the acronym in lower case, so "cda" counts and "aid" (a word) does not.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from index.schema import Course

MIN_SEEN = 2
# An acronym the catalog writes bare far more often than it spells it out ("SQL") is a
# name in its own right: its words find its courses, and an expansion only adds noise.
MAX_BARE_PER_SPELLED = 3
MAX_WORDS = 8  # an expansion longer than this is a sentence, not a name
_SPELLED = re.compile(r"((?:[A-Za-z][\w'&-]*\s+){1,10})\(\s*([A-Z]{2,6})s?\s*\)")
_SMALL = frozenset({"of", "and", "for", "in", "the", "&", "to", "on", "a", "an", "with"})
_TOKEN = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Abbreviations:
    """Acronym (capitals) -> expansion, and the acronyms also read in lower case."""

    spelled_out: dict[str, str]
    any_case: frozenset[str]

    def expansion(self, word: str) -> str | None:
        """What ``word`` stands for in the catalog, or None."""
        if word.isupper():
            return self.spelled_out.get(word)
        if word.upper() in self.any_case:
            return self.spelled_out.get(word.upper())
        return None


def _expansion_of(words: list[str], acronym: str) -> str | None:
    """The trailing words whose initials spell ``acronym``, small words skipped."""
    letters = list(acronym.lower())
    start = len(words)
    for index in range(len(words) - 1, -1, -1):
        if not letters:
            break
        word = words[index].lower()
        if word in _SMALL and index != len(words) - 1:
            continue
        if word[:1] != letters[-1]:
            return None
        letters.pop()
        start = index
    if letters or len(words) - start > MAX_WORDS:
        return None
    return " ".join(words[start:])


def _texts(course: Course) -> Iterable[str]:
    yield course.title
    if course.credential_raw:
        yield course.credential_raw
    if course.description:
        yield course.description
    yield from course.skills


def mine(courses: Iterable[Course]) -> Abbreviations:
    """The catalog's own acronym expansions (see the module docstring)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    lowercase: Counter[str] = Counter()
    capitals: Counter[str] = Counter()
    for course in courses:
        for text in _texts(course):
            if "(" in text:
                for found in _SPELLED.finditer(text):
                    words = found.group(1).split()
                    expansion = _expansion_of(words, found.group(2))
                    if expansion:
                        seen[found.group(2)][expansion.lower()] += 1
            tokens = _TOKEN.findall(text)
            lowercase.update(t for t in tokens if t.islower())
            capitals.update(t for t in tokens if t.isupper())
    spelled_out = {
        acronym: counts.most_common(1)[0][0]
        for acronym, counts in seen.items()
        if counts.most_common(1)[0][1] >= MIN_SEEN
        and capitals[acronym] <= MAX_BARE_PER_SPELLED * sum(counts.values())
    }
    any_case = frozenset(a for a in spelled_out if len(a) >= 3 and not lowercase[a.lower()])
    return Abbreviations(spelled_out, any_case)
