"""Tokenisation shared by the lexical ranker and the occupation matcher."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_TOKEN = re.compile(r"[^\W_]+(?:[+#][+#]?)?", flags=re.UNICODE)

# Words that say nothing about the subject of a goal ("I want to learn …").
STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further get getting got had has have having he her here hers him his how i i'd
    i'm if in into is it its itself just like me more most my myself no nor not now of
    off on once only or other our ours out over own same she should so some such than
    that the their theirs them then there these they this those through to too under
    until up very want wants wanted was we were what when where which while who whom why
    will with would you your yours learn learning course courses class classes become
    better understand know interested job work move need needs would like d m s ll
    re ve""".split()
)


# A name followed by its number ("OSHA 30", "Level 2", "Excel 2019"; not a course number
# such as "101"): courses giving the learner's name another number are another
# credential (advisor/ranking.py).
NUMBERED_NAME = re.compile(r"\b([A-Za-z][A-Za-z+#]*)[\s-]*(\d{1,2}|\d{4})\b")
# A licence class by its letter ("Class A CDL", "class b"): another class is another licence.
_LICENCE_CLASS = re.compile(r"\b(class)\s+([abc])\b", re.IGNORECASE)


def numbered_names(text: str) -> list[tuple[str, str]]:
    """The names given a number or a class letter in ``text``, lower-cased: "OSHA 30
    and a Class B CDL" -> [("osha", "30"), ("class", "b")]."""
    found = [(name.lower(), number) for name, number in NUMBERED_NAME.findall(text)]
    found += [(name.lower(), letter.lower()) for name, letter in _LICENCE_CLASS.findall(text)]
    return found


# "e-learning", "e-commerce": one word however it is written ("elearning"), and not the
# stop word "learning" after a stray "e".
_E_COMPOUND = re.compile(r"\be-(?=(?:learning|commerce|mail|book|business|marketing)\b)", re.I)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens, keeping 'c++' and 'c#' whole and 'e-learning' one word."""
    return [token.lower() for token in _TOKEN.findall(_E_COMPOUND.sub("e", text))]


def stem(token: str) -> str:
    """A light suffix stripper: plurals and -ing/-ed, enough to join 'analysts'/'analyst'."""
    for suffix, minimum in (("ies", 5), ("ing", 6), ("ed", 5), ("es", 5), ("s", 4)):
        if token.endswith(suffix) and len(token) >= minimum and not token.endswith("ss"):
            return token[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return token


def content_terms(text: str) -> list[str]:
    """Stemmed tokens without stop words: what a lexical match should count."""
    return [stem(token) for token in tokenize(text) if token not in STOPWORDS]


def porter_stems(words: list[str]) -> list[str]:
    """Each word reduced by the Porter2 stemmer ('assisting', 'assistant' -> 'assist')."""
    stems: list[str] = _porter().stemWords(words)
    return stems


def title_terms(text: str) -> list[str]:
    """Content words reduced by the Porter2 stemmer: 'Dental Assisting' and 'dental
    assistant' share 'dental assist', 'nursing' and 'nurse' share 'nurs'.

    Used where a title must *name* the topic (index.search.title_coverage); the light
    ``stem`` above stays for BM25F, whose tuning was measured with it.
    """
    return porter_stems([token for token in tokenize(text) if token not in STOPWORDS])


@lru_cache(maxsize=1)
def _porter() -> Any:
    import snowballstemmer  # small, pure Python; loaded on first use

    return snowballstemmer.stemmer("english")
