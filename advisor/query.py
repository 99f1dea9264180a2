"""The search query is the goal's topic, not the learner's whole message.

"I'm a receptionist and I want free courses on payroll" is a question about payroll:
"free" is a budget, "receptionist" is where the learner is now, "I want courses on" is
how people talk. Searching the whole sentence matched "free" as a topic ("Free Cash Flow
Analysis") and "receptionist" as one. So the query is built from the goal with the
current role, constraint words (price, format, hours, weeks, amounts), level words and
politeness removed; level words become a soft level preference. The learner's current
role and background are kept aside, so ranking can push down what they already know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from advisor.profile import MAX_QUERY_CHARS, LearnerProfile
from index.occupations.matcher import OccupationMatch, OccupationMatcher, split_current_role
from index.occupations.model import TechnologySkill
from index.schema import Level
from index.text import STOPWORDS, tokenize

OCCUPATION_SKILLS = 6  # as many as the advisor names to the learner

_NUMBER = r"\d+(?:[.,]\d+)?"
_AMOUNT = rf"(?:[$£€]\s?{_NUMBER}k?|{_NUMBER}k?\s*(?:dollars?|usd|bucks|euros?|eur|pounds?|gbp))"
_DURATION_UNIT = (
    r"(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?|wks?|months?|years?|evenings?)(?![\w])"
)
_PER = r"(?:\s*(?:a|per|each|every|/)\s*(?:day|week|wk|month|evening|night))?"
# Constraint phrases: they say what the learner can afford, not what they want to learn.
_LIMIT = r"(?:under|below|less than|up to|at most|max(?:imum)?|no more than|within|around|about)"
_CONSTRAINTS = [
    rf"\b{_LIMIT}?\s*{_AMOUNT}",
    rf"\b(?:{_LIMIT}|for|in)?\s*"
    rf"(?:{_NUMBER}|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of)"
    rf"(?:\s*(?:-|to)\s*{_NUMBER})?\s*{_DURATION_UNIT}{_PER}",
    r"\b(?:on|with)? ?a (?:tight |small |limited )?budget\b",
    r"\bbudget\b",
    r"\b(?:for )?free(?: of charge)?\b",
    r"\b(?:cheap|cheaper|cheapest|affordable|inexpensive|low[- ]cost|no[- ]cost|"
    r"budget[- ]friendly)\b",
    r"\b(?:online|remote(?:ly)?|virtual(?:ly)?|in[- ]person|on[- ]site|face[- ]to[- ]face|"
    r"classroom|blended|hybrid|distance)\b",
    r"\b(?:self[- ]paced|at my own pace|on my own schedule|flexible|scheduled|part[- ]time|"
    r"full[- ]time|evenings?|weekends?|nights?|mornings?)\b",
    r"\b(?:short|quick(?:ly)?|fast|intensive|crash)\b",
    r"\b(?:near me|nearby|close to home|local(?:ly)?)\b",
    # Purpose, not topic: "for my office job", "for work".
    r"\bfor (?:my |our |the |a )?(?:current |new |office |day )?(?:job|work|role|career|team|"
    r"company|business|employer)\b",
]
# Words that carry no topic at the edges of what is left ("on payroll and" -> "payroll").
# Deliberately not index.text.STOPWORDS, which holds "it" and "learning" ("IT support",
# "deep learning" are topics).
_EDGE_WORDS = frozenset(
    """a an the and or to for on in about of with my our me i i'm i'd im id into at by from
    how use using learn become becoming get getting be being do some any more better so also
    want wants wanted wanna would like love need needs needed hope hoping plan planning try
    trying am is are was move moving switch switching transition transitioning go going
    start starting break into improve improving understand understanding work working
    job role career interested keen""".split()
)
# At the end only function words go: "how children learn" keeps its verb.
_TRAILING_WORDS = frozenset(
    "a an the and or to for on in about of with my our at by from so".split()
)

_LEVELS = {
    Level.BEGINNER: r"\b(?:beginners?|beginning|basics?|basic|introduct(?:ion|ory)|intro|"
    r"fundamentals?|from scratch|entry[- ]level|novice|starter)\b",
    Level.INTERMEDIATE: r"\b(?:intermediate)\b",
    Level.ADVANCED: r"\b(?:advanced|expert|master ?class)\b",
}
_POLITENESS = (
    r"\b(?:please|pls|thanks?(?: you)?|thank you|kindly|hi|hello|hey|good (?:morning|afternoon|"
    r"evening)|could you|can you|would you|help me(?: to)?|i'?d love to|i would love to|"
    r"recommend(?:ations)?|suggest(?:ions)?|some|any|something|anything)\b"
)
# How people ask, not what about: "I want to find courses on", "looking for a class in".
_ASKING = (
    r"\b(?:i'?m|i am|i'?d|i would|i)?\s*(?:want(?:ing)?|wanna|need|like|looking|hoping|"
    r"trying|planning|interested|keen)?\s*(?:to|for|in)?\s*(?:find|get|take|do|start|"
    r"learn(?:ing)?(?: about| how to)?|study(?:ing)?)?\s*(?:an?|some|the)?\s*"
    r"(?:(?:online )?(?:courses?|classes?|programs?|programmes?|trainings?|lessons?|"
    r"tutorials?|certificates?|certifications?)\s*(?:on|in|about|for|of|to)?)\b"
)
# "software developer who wants to learn deep learning": the role before "who wants".
_ROLE_WHO = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?P<role>[\w\s/&-]{2,40}?)\s+who\s+(?:wants?|would like|needs?|"
    r"is looking|hopes?|plans?)\b",
    flags=re.IGNORECASE,
)
_LANGUAGE = re.compile(
    r"\b(?:taught |delivered )?in (?P<language>spanish|english|french|german|portuguese|"
    r"italian|arabic|chinese|japanese|korean|russian|hindi)\b",
    flags=re.IGNORECASE,
)


@dataclass(frozen=True)
class Query:
    """What the advisor searches for, and what it set aside from the goal."""

    text: str  # the goal as a sentence, without role or constraints: for meaning (dense)
    topic: str = ""  # the bare topic ("payroll"): for words (BM25F) and the explanation
    goal: str = ""  # the goal as given
    current_role: str | None = None  # where the learner is now ("receptionist")
    level: Level | None = None  # a level the goal asked for ("beginner Excel")
    language: str | None = None  # "in Spanish"
    occupation: OccupationMatch | None = None
    occupation_skills: list[TechnologySkill] = field(default_factory=list)

    @property
    def lexical_text(self) -> str:
        """The words BM25F matches: the topic itself."""
        return self.topic or self.text


def _strip(pattern: str, text: str) -> str:
    return re.sub(pattern, " ", text, flags=re.IGNORECASE)


def split_role(goal: str) -> tuple[str, str | None]:
    """The goal without the learner's current role, and that role (if stated)."""
    target, role = split_current_role(goal)
    if role is None:
        match = _ROLE_WHO.search(goal)
        if match is not None:
            role = match.group("role").strip()
            target = goal[match.end() :].strip()
    return target, role


def _edge(word: str, words: frozenset[str] = _EDGE_WORDS) -> bool:
    """A function word at the edge of the topic; an all-capitals word ('IT') never is."""
    bare = word.strip(".,;:!?")
    return (bare == "I" or not bare.isupper()) and bare.lower() in words


def sentence_of(goal: str) -> str:
    """The goal as the learner put it, minus constraint and politeness words.

    The sentence encoder matches "I want to learn SQL and databases" to course
    descriptions ("you will learn …") better than the bare "SQL and databases"
    (dev nDCG@10 0.861 vs 0.787), so meaning is searched with the sentence and words
    with the bare topic.
    """
    text = goal[:MAX_QUERY_CHARS]
    for pattern in [*_CONSTRAINTS, *_LEVELS.values(), _LANGUAGE.pattern, _POLITENESS]:
        text = _strip(pattern, text)
    return " ".join(text.split()).strip(" ,;:-")


def topic_of(goal: str) -> tuple[str, Level | None, str | None]:
    """The goal's topic with constraint, level and politeness words removed.

    Returns (topic, level asked for, language asked for). If removing words would leave
    nothing searchable, the goal's own content words are kept: a goal of only
    "free courses" is better searched as said than not at all.
    """
    text = goal[:MAX_QUERY_CHARS]
    language = None
    found = _LANGUAGE.search(text)
    if found is not None:
        language = found.group("language").capitalize()
        text = text[: found.start()] + " " + text[found.end() :]
    level = None
    for candidate, pattern in _LEVELS.items():
        if re.search(pattern, text, flags=re.IGNORECASE):
            level = candidate
            text = _strip(pattern, text)
    for pattern in _CONSTRAINTS:
        text = _strip(pattern, text)
    text = _strip(_ASKING, text)
    text = _strip(_POLITENESS, text)
    words = re.findall(r"[\w+#&'/.-]+", text)
    # Drop dangling function words left at the edges ("on payroll and" -> "payroll").
    while words and _edge(words[0]):
        words.pop(0)
    while words and _edge(words[-1], _TRAILING_WORDS):
        words.pop()
    topic = " ".join(words).strip(" .,;:!?-")
    if not [t for t in tokenize(topic) if t not in STOPWORDS]:
        fallback = [t for t in tokenize(goal) if t not in STOPWORDS]
        return " ".join(fallback), level, language
    return topic, level, language


def build_query(profile: LearnerProfile, matcher: OccupationMatcher | None) -> Query:
    """The query for a profile: the goal's topic, else the background's."""
    goal = (profile.goal or "").strip()
    source = goal or (profile.background or "").strip()
    if not source:
        return Query(text="")
    target, role = split_role(source)
    topic, level, language = topic_of(target)
    occupation = None
    skills: list[TechnologySkill] = []
    if matcher is not None and topic:
        matches = matcher.match(target, limit=1)
        if matches:
            occupation = matches[0]
            skills = matcher.key_skills(occupation.occupation, OCCUPATION_SKILLS)
    sentence = sentence_of(target)
    return Query(
        text=sentence if [t for t in tokenize(sentence) if t not in STOPWORDS] else topic,
        topic=topic,
        goal=source,
        current_role=role,
        level=level,
        language=language,
        occupation=occupation,
        occupation_skills=skills,
    )
