"""Detect the teaching language of a course from its own text, when the source is silent.

Coursera and Udemy listings carry no language field, yet learners filter on it.
A stop-word vote is enough to tell apart the few languages present in these
catalogs and it is transparent: a text with too little evidence stays ``None``.
"""

from __future__ import annotations

import re

# Frequent function words that are rare in the other candidate languages.
_STOPWORDS: dict[str, frozenset[str]] = {
    "English": frozenset(
        "the and of to in is you for with this that how your are will on from learn "
        "course an be by what as can it".split()
    ),
    "Spanish": frozenset(
        "el la los las de del y en para con por que una un es curso aprende como "
        "desde sus este al se".split()
    ),
    "French": frozenset("le les des et du pour avec dans une est vous cours sur ce qui".split()),
    "Portuguese": frozenset("o os do da das dos e para com em uma um curso você não como".split()),
    "German": frozenset("der die das und mit für ist ein eine zu den von im kurs".split()),
    "Italian": frozenset("il lo gli della delle e per con una corso di che nel sono".split()),
    "Dutch": frozenset("het van een voor met wat kunnen zijn op dat die je hoe naar".split()),
}
# Letters none of the languages above writes: a text using them is in a language the vote
# cannot name (Polish ł, Czech ř, Hungarian ő, Romanian ș, Lithuanian ų, Swedish å, č/š/ž…).
_UNLISTED_LETTERS = re.compile(r"[łśźżńąęćřěůőűșțăâîųėįūåøæđčšžďťľ]", flags=re.IGNORECASE)
# Cyrillic without Russian's ы/э but with ъ in the middle of words reads as Bulgarian.
_RUSSIAN_ONLY = re.compile(r"[ыэЫЭ]")
_WORD = re.compile(r"[^\W\d_]+", flags=re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

MIN_HITS = 2  # fewer stop words than this is too little evidence to decide
MIN_MARGIN = 2.0  # the winner needs this many times the runner-up's hits


def detect_language(text: str | None) -> str | None:
    """Return the language name used by the catalog in English ('English', 'Spanish', …) or None."""
    if not text:
        return None
    script_share = len(text) / 4  # a quarter of the characters in one script decides it
    if len(_CJK.findall(text)) >= script_share:
        return "Chinese" if not re.search(r"[\u3040-\u30ff]", text) else "Japanese"
    if len(_ARABIC.findall(text)) >= script_share:
        return "Arabic"
    if len(_CYRILLIC.findall(text)) >= script_share:
        return "Russian" if _RUSSIAN_ONLY.search(text) or "ъ" not in text else None
    if len(_UNLISTED_LETTERS.findall(text)) >= 2:
        return None
    # In mixed-case text a two-letter capitalised word is an acronym ('CE', 'IT'), not a
    # function word of any language.
    mixed_case = text != text.upper()
    words = [
        w.lower() for w in _WORD.findall(text) if not (mixed_case and len(w) == 2 and w.isupper())
    ]
    hits = {
        language: sum(1 for word in words if word in stopwords)
        for language, stopwords in _STOPWORDS.items()
    }
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, best_hits), (_, runner_up_hits) = ranked[0], ranked[1]
    if best_hits < MIN_HITS or best_hits < MIN_MARGIN * runner_up_hits:
        return None
    return best


# How edX spells the languages it states, mapped to the catalog's English names.
EDX_LANGUAGE_NAMES = {
    "English": "English",
    "Español": "Spanish",
    "Français": "French",
    "Italiano": "Italian",
    "中文": "Chinese",
    "Português": "Portuguese",
    "日本語": "Japanese",
    "اللغة العربية": "Arabic",
    "Deutsch": "German",
}
