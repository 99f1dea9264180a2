"""Field acronyms learners type and course titles spell out.

"ML engineer" has little meaning for the sentence model on its own (its nearest courses
were engineering simulations) and no word in common with "Machine Learning Engineering".
The goal keeps the acronym and gains its expansion, so the meaning finds both kinds of
course; for the words matched (BM25F, the agreement and title tests) the acronym and the
expansion are alternatives, the better of the two counting per course: "HVAC Level 1"
names the acronym, "Machine Learning Engineering" the expansion.

Only acronyms that are not also English words when lower-cased are read in any case;
"IT" and "PM" count only in capitals ("it", "7 pm").
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Acronym -> expansion, for fields the catalog teaches. Not "BI" ("Power BI" is a name).
EXPANSIONS: dict[str, str] = {
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "nlp": "natural language processing",
    "ux": "user experience",
    "ui": "user interface",
    "hr": "human resources",
    "qa": "quality assurance",
    "cad": "computer-aided design",
    "crm": "customer relationship management",
    "erp": "enterprise resource planning",
    "esl": "English as a second language",
    "cdl": "commercial driver's license",
    "cna": "certified nursing assistant",
    "emt": "emergency medical technician",
    "lpn": "licensed practical nurse",
    "hvac": "heating ventilation and air conditioning",
    "plc": "programmable logic controller",
    "seo": "search engine optimization",
    "ehr": "electronic health records",
    "tefl": "teaching English as a foreign language",
    "tesol": "teaching English to speakers of other languages",
    "nclex": "nursing licensure exam",
    "capm": "certified associate in project management",
    "lvn": "licensed vocational nurse",
    "asl": "American Sign Language",
    "ekg": "electrocardiogram",
    "cpa": "certified public accountant",
    "nabcep": "solar energy installer certification",
    "pv": "photovoltaic solar",
}
# A topic that is this one word alone names the subject learners mean by it: someone who
# asks for "English" ("improve my english", "aprender inglés") is learning the language,
# and the catalog calls that English as a second language. Words of a longer topic
# ("business English", "English literature") are left as they are.
WHOLE_TOPICS: dict[str, str] = {"english": "English as a second language"}
CAPITALS_ONLY: dict[str, str] = {
    "IT": "information technology",
    "PM": "project management",
}

# Acronyms whose sense depends on the goal around them: "AWS" beside welding is the
# American Welding Society's certification, not Amazon's cloud; "CDA" beside dental work
# is a certified dental assistant, not a child development associate. The acronym is
# replaced by that sense, not kept beside it, so its other sense no longer matches.
IN_CONTEXT: dict[str, tuple[tuple[str, str], ...]] = {
    "aws": (("weld", "American Welding Society"),),
    "cda": (("dental", "certified dental assistant"),),
    # "epa 608": the refrigerant-handling certification of heating and cooling work.
    "epa": (("608", "EPA refrigerant handling certification for HVAC technicians"),),
}

_WORD = re.compile(r"[A-Za-z]+")
# Each acronym of IN_CONTEXT as a whole word, and its senses' cues as word starts.
_IN_CONTEXT = [
    (
        re.compile(rf"\b{acronym}\b", re.IGNORECASE),
        [(re.compile(rf"\b{cue}"), sense) for cue, sense in senses],
    )
    for acronym, senses in IN_CONTEXT.items()
]


def _sense_in_context(topic: str) -> str:
    """The topic with each acronym of ``IN_CONTEXT`` spelled out as the sense its other
    words point to ("welding aws" -> "welding American Welding Society")."""
    lowered = topic.lower()
    for pattern, senses in _IN_CONTEXT:
        if not pattern.search(topic):
            continue
        rest = pattern.sub(" ", lowered)
        for cue, sense in senses:
            if cue.search(rest):
                topic = pattern.sub(sense, topic)
                break
    return topic


# What an acronym stands for in the catalog (index.abbreviations.Abbreviations.expansion).
Spelled = Callable[[str], str | None]


def _expansion(word: str, catalog: Spelled | None) -> str | None:
    known = CAPITALS_ONLY.get(word) or EXPANSIONS.get(word.lower())
    return known or (catalog(word) if catalog is not None else None)


def expand(topic: str, catalog: Spelled | None = None) -> tuple[str, str]:
    """(the topic with each acronym followed by its expansion, the topic spelled out).

    "ML engineer" -> ("ML (machine learning) engineer", "machine learning engineer").
    An acronym already spelled out in the topic is left as it is. ``catalog`` says what
    an acronym stands for in the catalog's own listings ("CDA": "child development
    associate", index.abbreviations), for acronyms the table above does not hold.
    """
    whole = WHOLE_TOPICS.get(topic.strip().lower())
    if whole is not None:
        return f"{topic.strip()} ({whole})", whole
    topic = _sense_in_context(topic)
    spoken: list[str] = []
    matched: list[str] = []
    position = 0
    lowered = topic.lower()
    for found in _WORD.finditer(topic):
        word = found.group()
        expansion = _expansion(word, catalog)
        spoken.append(topic[position : found.end()])
        if expansion is None or expansion.lower() in lowered:
            matched.append(topic[position : found.end()])
        else:
            spoken.append(f" ({expansion})")
            matched.append(topic[position : found.start()] + expansion)
        position = found.end()
    spoken.append(topic[position:])
    matched.append(topic[position:])
    return "".join(spoken), "".join(matched)


# Short forms of certifications that learners type and titles never use.
# Written out in place, not beside: "SAA" would otherwise match "SaaS" by its stem.
SHORT_FORMS = {
    "sec+": "Security+",
    "net+": "Network+",
    "secplus": "Security+",
    "saa": "Solutions Architect Associate",
    "p&c": "property and casualty insurance",
    "l&h": "life and health insurance",
    # Subjects as students shorten them: "online stats classes that count for credit".
    "stats": "statistics",
    "econ": "economics",
    "psych": "psychology",
    "calc": "calculus",
    "comp sci": "computer science",
    "compsci": "computer science",
}
_SHORT_FORM = re.compile(
    r"(?<![\w+])(?:" + "|".join(re.escape(form) for form in SHORT_FORMS) + r")(?![\w+])",
    flags=re.IGNORECASE,
)


def full_forms(text: str) -> str:
    """The text with certification short forms written out ("Sec+" -> "Security+")."""
    return _SHORT_FORM.sub(lambda found: SHORT_FORMS[found.group().lower()], text)
