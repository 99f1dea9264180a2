"""What a message after the results asks for, in words the intent classifier may not know.

Learners follow up in their own words: "can you message me about this again in 3
days?", "is there anything the state pays for?", "are any of these actually about
funeral service?", "so do you actually have anything for tattooing?", "anything
closer to Houston?". The classifier, trained on typical phrasings, is often unsure of
these and the learner would be told the question is out of scope. Each kind here is
recognised by its own marked wording (a contact verb with a time, a payer with a pay
verb, "any of these about", "do you have anything on", "closer to"), so a match is a
request of that kind whatever the classifier guessed. Pure functions of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from advisor.extract import is_goal_statement
from advisor.normalise import tidy
from advisor.reminders import reminder_time

RequestKind = Literal[
    "set_reminder",
    "ask_funding",
    "ask_topic",
    "ask_coverage",
    "ask_nearer",
    "ask_skills",
    "ask_course",
]
# What a question about the courses on screen asks (see ``course_question``).
CourseAspect = Literal[
    "schedule", "language", "device", "level", "length", "cost", "licence", "practice", "listing"
]

_CONTACT = re.compile(
    r"\b(?:remind|message|text|ping|contact|email|e-mail|write|get back to|check (?:in|back) "
    r"(?:on|with)|follow up with|reach out to|nudge|bring (?:this|it|these) (?:back|up))\b",
    re.IGNORECASE,
)
_PAYER = (
    r"(?:the )?(?:state|government|gov(?:'t)?|unemployment|workforce(?: board)?|wioa|"
    r"one[- ]stop|job cent(?:er|re)|career ?one ?stop|my employer|employer|my job|work|"
    r"someone else|a program(?:me)?|(?:a )?grant|(?:a )?voucher)"
)
_FUNDING = re.compile(
    rf"\b(?:financial aid|fafsa|pell(?: grant)?|wioa|scholarships?|grants?|vouchers?|"
    rf"tuition (?:assistance|reimbursement)|funding|funded|subsidi[sz]\w*|"
    rf"{_PAYER}\b[^.?!]{{0,40}}\b(?:pays?|paid|paying|covers?|covered|funds?|sponsors?\w*|"
    rf"reimburses?\w*)|(?:pay|paid|cover\w*|fund\w*)\s+(?:for\s+)?(?:by|through|with|from)\s+"
    rf"{_PAYER})\b",
    re.IGNORECASE,
)
_ABOUT = r"(?:actually |really |even |at all |specifically )?"
_TOPIC_VERBS = (
    r"(?:about|on|for|in|related to|covering|teaching|to do with|cover|teach|include|"
    r"deal with|talk about|go into|touch on|mention)"
)
_THESE = (
    r"(?:any|some|one|none|either|all|each|both) of (?:these|those|them|the (?:courses?|ones?|"
    r"results?|classes|programs?))|these|those|they|the (?:courses?|ones?|results?)|"
    r"(?:course |number |no\.? )?#?\s?\d|it|this one|that one|the (?:first|second|third|last) one"
)
_TOPIC_CHECK = re.compile(
    rf"\b(?:are|is|do|does)\s+(?:{_THESE})\s+{_ABOUT}{_TOPIC_VERBS}\s+(?P<topic>[^?!.]{{2,80}})",
    re.IGNORECASE,
)
_COVERAGE = re.compile(
    rf"\b(?:do|does|did|can|could)?\s*(?:you|u|ya|this|the catalog|your catalog)\s+{_ABOUT}"
    rf"(?:have|got|offer|carry|know (?:of|about)|find|show me)\s+(?:anything|any(?:thing)?"
    rf"(?: \w+)?|something|courses?|classes|programs?|programmes?|training)\s+{_ABOUT}"
    rf"(?:for|on|about|in|related to|with|covering|to do with)\s+(?P<topic>[^?!.]{{2,80}})|"
    rf"^(?:so |ok |and |hey )?(?:got|any)\s+(?:anything|courses?|classes|programs?)\s+"
    rf"(?:for|on|about|in)\s+(?P<topic3>[^?!.]{{2,80}})|"
    rf"^(?:(?:so|ok|okay|and|hmm+|wait)[, ]+)*(?:nothing|no courses?|no classes|no programs?|"
    rf"none)\s+(?:at all\s+)?(?:for|on|about|in)\s+(?P<topic4>[^?!.]{{2,80}})|"
    rf"\b(?:is there|are there)\s+(?:anything|any(?: \w+)?|something)\s+{_ABOUT}"
    rf"(?:for|on|about|related to|covering|to do with)\s+(?P<topic2>[^?!.]{{2,80}})",
    re.IGNORECASE,
)
_NEARER = re.compile(
    r"\b(?:(?:closer|nearer|close|less far)(?:\s+(?:to|from|by)\s+|\b)|near\s+(?:to\s+)?)"
    r"(?P<place>[A-Za-z][A-Za-z .'-]{1,40})?",
    re.IGNORECASE,
)
_NEARER_CUE = re.compile(
    r"\b(?:anything|something|any(?:one| ones?| courses?| schools?| programs?)?|one|ones|"
    r"courses?|classes|schools?|programs?|programmes?|options?)\b[^?!.]{0,20}\b"
    r"(?:closer|nearer|near(?:by)?|close (?:to|by)|less far)\b|\b(?:too far|far away|long drive|"
    r"long commute)\b",
    re.IGNORECASE,
)
# "What else do I need to learn?" after the results asks about the goal already given;
# "what do I need to become a nurse?" names a new one and is left to the classifier.
_SKILLS_LEFT = re.compile(
    r"\bwhat (?:(?:else|more|other skills|skills)\s+)?(?:do|would|should|will|must) i "
    r"(?:still |also )?(?:need|have) to (?:learn|know|study|pick up)|"
    r"\bwhat (?:am i|i'?m|else am i) (?:still )?missing|"
    r"\bwhat (?:else|skills|other skills) (?:do|would|will) i (?:still |also )?need\b|"
    r"\bwhat should i (?:learn|study) (?:after|next)|\bwhat(?:'s| is) (?:still )?missing\b",
    re.IGNORECASE,
)
_NEW_ROLE = re.compile(r"\b(?:become|switch to|instead|rather)\b", re.IGNORECASE)
_NEARER_ALONE = re.compile(r"^\s*(?:any(?:thing)?\s+)?(?:closer|nearer)\b", re.IGNORECASE)
_TRAILING = re.compile(
    r"\s+(?:at all|actually|really|then|though|tho|please|pls|instead|or not|maybe|"
    r"in (?:the )?catalog|in there|here)$",
    re.IGNORECASE,
)
# Words that name a level or a constraint, not a subject ("anything for beginners?",
# "anything online?"): such a question is a refinement, left to its own reader.
_NOT_SUBJECTS = frozenset(
    """beginner beginners newbies starters advanced intermediate experts pros free cheap
    cheaper online remote in person evenings evening weekends weekend nights self paced
    me us people someone like that this it them those these less more shorter quick""".split()
)
_LEADING = re.compile(r"^(?:the topic of |the subject of |a |an |the |some |any )", re.IGNORECASE)
# An alternative question ("does it teach figma or just theory?") asks about its first part.
_ALTERNATIVE = re.compile(
    r"\s+or\s+(?:just|only|is it|is this|do|does|are|will|would)\b.*$", re.IGNORECASE
)

# A question: a question mark, or a question word first (after "so", "ok", "and", …).
_QUESTION = re.compile(
    r"\?|^(?:(?:so|ok|okay|and|but|also|hmm+|um+|wait|sorry|quick question)[,.!:]?\s+)*"
    r"(?:is|are|was|were|does|do|did|can|could|will|would|should|how|what|which|when|where|"
    r"who|whats|what's|hows|how's|isn'?t|aren'?t|doesn'?t|don'?t|any)\b",
    re.IGNORECASE,
)
# Words that point at the courses on screen.
_RESULTS = re.compile(
    # A question with its subject left out, as in Spanish: "is for speaking or reading?"
    r"^(?:is|are|does|do|can|will)\s+(?:for|in|on|about|good|ok|okay|online|free|hard|easy|"
    r"worth|live|taught|recorded|available)\b|"
    r"#\s?\d|\b(?:(?:number|no\.?|option|course) \d|(?:the )?(?:first|second|third|last|top|"
    r"1st|2nd|3rd) one|this one|that one|these|those|they|them|it|its|this|that|either|"
    r"the (?:course|class|classes|program|programme|programs|programmes|one|ones|training|"
    r"school|lessons?|instructor|teacher)s?)\b",
    re.IGNORECASE,
)
# A question asking for other courses: a refinement of the search, not about these.
_ASKS_FOR_OTHERS = re.compile(
    r"^(?:(?:so|ok|okay|and|but|hmm+|um+)[,.!]?\s+)*(?:what about|how about|anything|"
    r"something|any (?:courses?|classes|programs?|ones?|options?)|(?:is|are) there (?:any|"
    r"anything|something|some|other|more)|(?:do|does|can|could) (?:you|u|ya) (?:have|find|"
    r"show|get)|(?:got|have you got) any|(?:i|we) (?:need|want|prefer|only))\b",
    re.IGNORECASE,
)
# What a question about the shown courses asks, first match wins: the order puts the
# narrow wordings ("how much python do I need before #1") before the broad ones ("how much").
_ASPECT_PATTERNS: tuple[tuple[CourseAspect, str], ...] = (
    (
        "level",
        r"\b(?:for (?:total |complete |absolute )?(?:beginners?|newbies?|starters|"
        r"dummies)|prereq\w*|pre-req\w*|need to know|have to know|should i know|"
        r"(?:need|have) (?:any )?(?:experience|background)|(?:experience|background) "
        r"(?:needed|required)|from scratch|too (?:hard|advanced|basic|easy)|how hard|"
        r"difficult|(?:need|know) (?:\w+ ){0,3}before|how much \w+ (?:do|would|will) i need|"
        r"(?:do|would|will) i need (?:to (?:know|have|own|buy) )?(?!to\b)\w+ (?:for|to take|"
        r"to do))\b",
    ),
    (
        "length",
        r"\bhow many (?:hours|weeks|months|days)\b|\bhow long\b|\b\d+\s*(?:training "
        r"|clock |contact |class )?(?:hours|hrs)\b(?! ?(?:a|per|each|every) ?w)",
    ),
    (
        "schedule",
        r"\b(?:nights?|evenings?|mornings?|afternoons?|weekends?|weekdays?|"
        r"saturdays?|sundays?|during the (?:week|day)|class (?:times?|hours|schedule)|"
        r"what times?|what days?|which days?|schedule|after work|around (?:a |my )?"
        r"(?:job|work|shifts?)|(?:full|part)[- ]time|daytime)\b",
    ),
    (
        "language",
        r"\b(?:english|spanish|espa[ñn]ol|ingl[eé]s|french|portuguese|chinese|"
        r"arabic|language|subtitles?|captions?|translated)\b",
    ),
    (
        "device",
        r"\b(?:(?:on|in|from|with) (?:my |a )?(?:phone|cell|mobile|tablet|ipad|"
        r"iphone|android|chromebook)|app)\b",
    ),
    (
        "licence",
        r"\b(?:licen[cs]e\w*|licensure|count(?:s)? (?:toward|towards|for)|state "
        r"(?:exam|board)|board exam|approved|accredit\w*|recogni[sz]ed)\b",
    ),
    (
        "cost",
        r"\b(?:cheapest|cheaper|how much (?:is|does|do|are|would|will)|cost\w*|"
        r"price\w*|pricey|expensive|fees?|tuition|normal (?:for|price)|a lot (?:for|of money)|"
        r"overpa\w+|rip[- ]?off|too much|afford\w*)\b",
    ),
    (
        "practice",
        r"\b(?:projects?|portfolio|labs?|hands[- ]on|practical|exercises?|"
        r"real[- ]world|clinicals?|externships?|internships?|simulat\w+)\b",
    ),
)
_ASPECTS = tuple(
    (aspect, re.compile(pattern, re.IGNORECASE)) for aspect, pattern in _ASPECT_PATTERNS
)


@dataclass(frozen=True)
class FollowUpRequest:
    """One request read from the words: its kind and what it names."""

    kind: RequestKind
    topic: str | None = None  # for ask_topic / ask_coverage: the subject asked about
    place: str | None = None  # for ask_nearer: the town named, if any
    aspect: CourseAspect | None = None  # for ask_course: what is asked about the courses


def _topic(words: str) -> str | None:
    """The subject as the learner named it, without trailing fillers."""
    topic = _ALTERNATIVE.sub("", words.strip(" ,;:'\""))
    previous = None
    while previous != topic:
        previous = topic
        topic = _LEADING.sub("", _TRAILING.sub("", topic)).strip(" ,;:'\"")
    if not topic or set(re.findall(r"[a-z]+", topic.lower())) <= _NOT_SUBJECTS:
        return None
    return topic


def names_a_time(text: str) -> bool:
    """Whether the words say when ("in 3 days", "next week", "on Friday")."""
    return reminder_time(text, datetime(2000, 1, 3, 12, tzinfo=UTC)) is not None


def follow_up_request(text: str) -> FollowUpRequest | None:
    """The request a follow-up message makes, or None when it makes none of these."""
    said = tidy(text)
    if not said:
        return None
    if _CONTACT.search(said) and names_a_time(said):
        return FollowUpRequest("set_reminder")
    if _SKILLS_LEFT.search(said) and not _NEW_ROLE.search(said):
        return FollowUpRequest("ask_skills")
    if _FUNDING.search(said):
        return FollowUpRequest("ask_funding")
    if aspect := course_question(said):
        return FollowUpRequest("ask_course", aspect=aspect)
    checked = _TOPIC_CHECK.search(said)
    if checked and (topic := _topic(checked.group("topic"))):
        return FollowUpRequest("ask_topic", topic=topic)
    covered = _COVERAGE.search(said)
    if covered and (topic := _topic(next(filter(None, covered.groups()), ""))):
        return FollowUpRequest("ask_coverage", topic=topic)
    if _NEARER_CUE.search(said) or _NEARER_ALONE.match(said):
        match = _NEARER.search(said)
        place = _topic(match.group("place") or "") if match else None
        return FollowUpRequest("ask_nearer", place=place)
    return None


def asks_about_results(text: str) -> bool:
    """A question that points at the courses on screen ("is the first one at night?",
    "will i come out with portfolio projects?"): answered about them, never read as a new
    goal or a change of answer."""
    said = tidy(text)
    return bool(
        said
        and _QUESTION.search(said)
        and _RESULTS.search(said)
        and not _ASKS_FOR_OTHERS.match(said)
    )


def course_question(text: str) -> CourseAspect | None:
    """What a question about the courses on screen asks: when classes are, their
    language, a phone, the level needed, the fee, a licence, hands-on work, how long.
    None when the message is not a question, asks for other courses ("anything
    cheaper?", "what about weekends?": refinements, read elsewhere), or asks something
    else ("listing" is the caller's call: it knows whether the classifier recognised it).
    """
    said = tidy(text)
    if not said or not _QUESTION.search(said) or _ASKS_FOR_OTHERS.match(said):
        return None
    if not _RESULTS.search(said) and is_goal_statement(said):
        return None  # "how do I get a Texas locksmith licence?" names a new goal
    for aspect, pattern in _ASPECTS:
        if pattern.search(said):
            return aspect
    return None
