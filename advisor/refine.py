"""What a learner's comment on the results asks to change: goal, level, what they know.

"These are too basic, I already do graphic design. I want UX research and wireframing"
says three things: a higher level, a skill to leave out, and a new goal. Each is read
with its own rule; everything the learner answered before is kept by the caller.
Pure functions of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from advisor import extract
from advisor.answers import parse_course_refs
from advisor.normalise import tidy
from advisor.requests import NOT_SUBJECTS

LevelShift = Literal["up", "down"]

_UP = re.compile(
    r"\b(?:too (?:basic|easy|simple|elementary|introductory|beginner)|more advanced|advanced|"
    r"next level|harder|more in[- ]depth|deeper|past the basics|beyond the basics|"
    r"intermediate|no (?:more )?beginner|not (?:for )?beginners?|skip the (?:intro|basics)\w*|"
    r"(?:know|done|did) (?:all )?(?:of )?(?:this|that|these|those)(?: already)?)\b",
    flags=re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(?:too (?:advanced|hard|difficult|technical|complex|complicated)|easier|simpler|"
    r"beginner[- ]friendly|for beginners|more basic|something basic|gentler|from scratch)\b",
    flags=re.IGNORECASE,
)
_KNOWN = re.compile(
    r"\bi(?:'ve| have)? (?:already )?(?:know|do|use|did|done|work with|work in|have done)\s+"
    r"(?P<what>(?!(?:all|this|that|these|those|it|them)\b)[^.;!?]{2,60}?)"
    r"(?=\s*(?:[.;!?,]|\band i\b|\bbut\b|\bso\b|\bi want\b|$))",
    flags=re.IGNORECASE,
)
_ALREADY_ALL = re.compile(
    r"\b(?:(?:know|done|did|taken|seen) (?:all )?(?:of )?(?:this|that|these|those|them)|"
    r"done (?:those|these) already)\b",
    flags=re.IGNORECASE,
)
_NEW_GOAL = re.compile(
    r"\b(?:i(?:'d| would)? (?:rather|prefer to|want to|wanna|want)|(?:switch|change|make) it|"
    r"i(?:'m| am) (?:after|looking for)|actually|instead|changed my mind|rather learn|"
    r"switch to|something (?:on|about|in)|what about|how about)\b",
    flags=re.IGNORECASE,
)
# Words that only drop what was said: "scrap that", "never mind", "forget it".
_DISMISSAL = re.compile(
    r"^(?:(?:ok(?:ay)?|wait|hmm+|no|nah|sorry|actually|so)[,\s]+)*(?:scrap|scratch|forget|"
    r"ignore|disregard|drop) (?:that|it|this|all that|what i said)|^(?:never ?mind|nvm)\b",
    flags=re.IGNORECASE,
)
_LIKE = re.compile(r"\b(?:like|similar to|more like)\b", flags=re.IGNORECASE)
_CONSTRAINTS = (
    (
        "cheaper",
        re.compile(
            r"\b(?:cheaper|less expensive|lower price|free|gratis|"
            r"m[aá]s (?:barat[oa]s?|econ[oó]mic[oa]s?))\b",
            re.IGNORECASE,
        ),
    ),
    ("shorter", re.compile(r"\b(?:shorter|quicker|less time|faster)\b", re.IGNORECASE)),
    (
        "only_online",
        re.compile(r"\bonline\b|\b(?:from|at) home\b|\bdesde (?:mi )?casa\b", re.IGNORECASE),
    ),
    ("only_self_paced", re.compile(r"\bself[- ]paced|own pace\b", re.IGNORECASE)),
)
_LEVEL_OR_VAGUE = re.compile(
    r"^(?:these|those|this|that|it|they|the (?:courses?|ones?|results?))\b|"
    r"\b(?:too basic|too easy|more advanced|advanced|intermediate|easier|simpler)\b",
    flags=re.IGNORECASE,
)


# Words that announce a change without naming a topic ("I changed my mind").
_TOPIC_LEFT = re.compile(
    r"\b(?:actually|instead|i(?:'ve| have)? changed my mind|changed my mind|i|i'd|i would|"
    r"rather|prefer|want|wanna|to|something|else|please|ok(?:ay)?|hmm+|no|not|that|this)\b",
    flags=re.IGNORECASE,
)


@dataclass
class Refinement:
    """What to change; empty when the text asked for nothing this module reads."""

    level: LevelShift | None = None
    known: list[str] = field(default_factory=list)
    new_goal: str | None = None
    like_position: int | None = None
    constraint: str | None = None
    already_seen: bool = False  # "I've done those": leave the shown courses out

    def __bool__(self) -> bool:
        return bool(
            self.level or self.known or self.new_goal or self.constraint or self.already_seen
        )


# Other courses on a subject named: "any others for project management".
_OTHERS_FOR = re.compile(
    r"\b(?:others?|other (?:courses?|ones?|options?|classes))\s+(?:for|on|about)\s+"
    r"(?P<topic>[a-z][\w +#&/-]{2,40})$",
    flags=re.IGNORECASE,
)
_CARD_WORDS = frozenset("the one ones first second third last something anything".split())


def _new_goal(text: str) -> str | None:
    """The new topic in 'actually I want UX research instead' or 'I want X and Y'."""
    candidates = [
        clause
        for clause in extract.clauses(text)
        if not (_LEVEL_OR_VAGUE.search(clause) or _KNOWN.search(clause))
        and not _DISMISSAL.fullmatch(clause.strip(" ,.!?"))
    ]
    for clause in candidates:
        asked = _OTHERS_FOR.search(clause)  # "got any others for project management?"
        if asked and not set(re.findall(r"[a-z]+", asked["topic"].lower())) <= NOT_SUBJECTS:
            return asked["topic"].strip(" ,.!?")
    # A clause that names where to go beats one that only announces a change.
    for accepts in (extract.is_goal_statement, _NEW_GOAL.search):
        for clause in candidates:
            topic = _ANNOUNCEMENT.sub("", clause).strip(" ,.!?") or clause
            if not accepts(clause) or not _TOPIC_LEFT.sub("", clause).strip(" ,.!?"):
                continue
            if set(re.findall(r"[a-z]+", topic.lower())) <= NOT_SUBJECTS | _CARD_WORDS:
                continue  # "what about evenings?", "how about the second one"
            return topic
    return None


# "actually switch it to procurement", "wait actually javascript instead": the words that
# announce the change go, the topic stays.
_ANNOUNCEMENT = re.compile(
    r"^(?:(?:ok(?:ay)?|wait|hmm+|no|sorry|actually|so)[,\s]+)*"
    r"(?:(?:switch|change|make)(?: it| that)?(?: to| into)?\s+|(?:what|how) about\s+)?|"
    r"\s+instead$|\s+rather$",
    flags=re.IGNORECASE,
)


def parse_refinement(text: str, shown: int) -> Refinement:
    """Read a comment on the results ("too basic", "like #2 but cheaper", "I want Y")."""
    tidied = tidy(text) or ""
    refinement = Refinement()
    if _DOWN.search(tidied):
        refinement.level = "down"
    elif _UP.search(tidied):
        refinement.level = "up"
    refinement.known = [m.group("what").strip() for m in _KNOWN.finditer(tidied)]
    refinement.already_seen = bool(_ALREADY_ALL.search(tidied))
    if _LIKE.search(tidied):
        positions = parse_course_refs(tidied, shown)
        refinement.like_position = positions[0] if positions else None
    for name, pattern in _CONSTRAINTS:
        if pattern.search(tidied):
            refinement.constraint = name
            break
    if refinement.like_position is None or refinement.constraint is None:
        refinement.new_goal = _new_goal(tidied)
    return refinement
