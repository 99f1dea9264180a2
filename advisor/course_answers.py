"""Answers to a learner's questions about the courses on screen, from their listings.

"Is the first one at night?", "are the classes in English or Spanish?", "can I do it on
my phone?", "how much Python do I need before #1?", "is 850 normal for a CDA class?",
"does that count toward my plumbing licence?", "will I come out with portfolio
projects?", "is there a lot of anatomy?". Each is answered from the fields the catalog
holds for the course and from its own words (description, skills, outcomes), quoted
where they say it. What a listing does not say is said to be unknown, and where to ask
(the provider's page). Figures computed here (a fee per hour of instruction, weeks at
the learner's pace) are labelled as derived. Pure functions of the courses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import get_args

from advisor.cards import (
    cost_text,
    credential_text,
    distance_text,
    fit,
    fit_text,
    mode_text,
    pace_text,
    timing,
    weeks_text,
)
from advisor.formatting import NOT_STATED, join_words, money, number, number_range
from advisor.profile import LearnerProfile
from advisor.questions import NO_OUTCOME_DATA, Shown, duration_answer
from advisor.requests import CourseAspect
from index.places import gazetteer, town_named
from index.schema import Course, Level, Mode, Pace
from index.text import title_terms

QUOTE_CHARS = 220  # a sentence quoted from a listing, cut at a word boundary
LEVELS = {
    Level.BEGINNER: "beginner level: no prior knowledge expected",
    Level.INTERMEDIATE: "intermediate level: it expects some grounding first",
    Level.ADVANCED: "advanced level: it expects solid experience",
    Level.ALL_LEVELS: "for all levels",
}
# Words of the question that ask, rather than name what is asked about.
_QUESTION_WORDS = frozenset(
    """is are was were do does did can could will would should how what which when where who
    it its this that these those they them the a an one ones first second third last number
    course courses class classes program programs programme programmes training lot lots any
    much many really actually just only or and i me my you your there have has get come out
    with teach teaches cover covers show shows go goes into about for of in on to be need
    include includes use uses learn""".split()
)
_PRACTICE_WORDS = (
    "project",
    "portfolio",
    "lab",
    "hands-on",
    "hands on",
    "practical",
    "exercise",
    "real-world",
    "real world",
    "clinical",
    "externship",
    "internship",
    "simulation",
    "capstone",
    "assignment",
)
_PREREQUISITE = re.compile(
    r"\b(?:prerequisites?|prior (?:knowledge|experience)|(?:basic|some) (?:knowledge|"
    r"understanding|familiarity|experience)|(?:is|are) (?:required|recommended|assumed)|"
    r"should (?:have|know|be familiar)|no (?:prior |previous )?(?:experience|knowledge))\b",
    re.IGNORECASE,
)
_REFERENCE = re.compile(r"#\s?\d+|\b(?:number|no\.?|option|course) \d+\b|\b\d(?:st|nd|rd|th)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|\s+[•·]\s+")
_SALARY = re.compile(r"\b(?:make|earn|salary|salaries|pay(?:s|ing)?|wages?|income)\b", re.I)
_SUPERLATIVE = re.compile(r"\b(?:cheapest|cheaper|least expensive|lowest)\b", re.IGNORECASE)


def _label(item: Shown) -> str:
    return f"#{item.position} {item.course.title}"


def _listing_sentences(course: Course) -> list[str]:
    """The course's own words, a sentence at a time: outcomes, skills, description."""
    sentences = [*course.learning_outcomes]
    if course.skills:
        sentences.append("Skills: " + ", ".join(course.skills))
    sentences += [part for part in _SENTENCE.split(course.description or "") if part.strip()]
    return [s.strip() for s in sentences if s.strip()]


def _quote(sentence: str) -> str:
    sentence = sentence.strip().rstrip(".")
    if len(sentence) > QUOTE_CHARS:
        sentence = sentence[:QUOTE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"“{sentence}”"


def asked_terms(text: str) -> list[str]:
    """What the question names (stemmed), without the words that only ask."""
    unreferenced = _REFERENCE.sub(" ", text.lower())
    words = re.findall(r"[a-z0-9][a-z0-9+#.-]*", unreferenced)
    kept = " ".join(w for w in words if w not in _QUESTION_WORDS)
    return list(dict.fromkeys(title_terms(kept)))


def best_sentence(course: Course, terms: Sequence[str]) -> tuple[str, list[str]] | None:
    """The listing sentence naming most of ``terms``, and which ones it names."""
    if not terms:
        return None
    best: tuple[str, list[str]] | None = None
    for sentence in _listing_sentences(course):
        stems = set(title_terms(sentence))
        named = [term for term in terms if term in stems]
        if named and (best is None or len(named) > len(best[1])):
            best = (sentence, named)
    return best


def _where_to_ask(course: Course) -> str:
    who = course.provider or "the provider"
    return f"{who} ({course.url})" if course.url else who


def listing_answer(items: Sequence[Shown], text: str) -> str:
    """Where each listing says what the question names, quoted; or that it says nothing."""
    terms = asked_terms(text)
    if not terms:
        return ""
    lines = []
    for item in items:
        found = best_sentence(item.course, terms)
        if found:
            lines.append(f"{_label(item)}: its listing says {_quote(found[0])}.")
        else:
            lines.append(
                f"{_label(item)}: its listing doesn't mention that; ask "
                f"{_where_to_ask(item.course)}."
            )
    return "\n".join(lines)


def schedule_line(item: Shown, profile: LearnerProfile) -> str:
    """When the learning happens: self-paced online fits any hour; a class's times."""
    course = item.course
    label = _label(item)
    if course.pace is Pace.SELF_PACED or (course.mode is Mode.ONLINE and course.pace is None):
        paced = "self-paced" if course.pace is Pace.SELF_PACED else "online"
        return (
            f"{label}: {paced}, with no class times as listed, so you study when you can "
            "(nights and weekends included)."
        )
    pace = pace_text(course)
    if course.hours_per_week_derived and course.hours_per_week_max is not None:
        pace += " (derived: total hours ÷ weeks)"
    parts = [f"{label}: {mode_text(course, profile.location)}; {pace}"]
    if course.evening_or_weekend:
        parts.append("the provider says it offers evening or weekend classes")
    elif course.evening_or_weekend is False:
        parts.append("the provider does not list evening classes")
    parts.append(f"the class days and times are {NOT_STATED}: ask {_where_to_ask(course)}")
    return "; ".join(parts) + "."


def _self_paced(course: Course) -> bool:
    return course.pace is Pace.SELF_PACED or (course.mode is Mode.ONLINE and course.pace is None)


def _weekly_load(course: Course, profile: LearnerProfile) -> str:
    """What a week of the course asks, against the hours the learner gave."""
    weekly = number_range(course.hours_per_week_min, course.hours_per_week_max)
    if _self_paced(course):
        return f"the provider suggests {weekly} h/week, but you set the pace" if weekly else ""
    if not weekly or course.hours_per_week_max is None:
        return f"the hours a week its classes take are {NOT_STATED}"
    source = "derived: total hours ÷ weeks" if course.hours_per_week_derived else "as listed"
    load = f"classes of {weekly} h/week ({source})"
    if profile.hours_per_week is None:
        return load
    verdict = "within" if course.hours_per_week_max <= profile.hours_per_week else "more than"
    return f"{load}, {verdict} your {number(profile.hours_per_week)} h/week"


def fit_line(item: Shown, profile: LearnerProfile) -> str:
    """Does it fit the learner's life: where and when it happens, what a week asks
    against the hours they gave, and how many weeks at their pace against their deadline.
    Built from the listing's fields; derived figures say so."""
    course = item.course
    if _self_paced(course):
        parts = [schedule_line(item, profile).removesuffix(".")]
    else:
        parts = [f"{_label(item)}: {mode_text(course, profile.location)}"]
    if load := _weekly_load(course, profile):
        parts.append(load)
    timing_ = timing(course, profile.hours_per_week)
    weeks = weeks_text(course, timing_)
    if weeks != NOT_STATED:
        derived = " (derived: total hours ÷ your hours a week)" if timing_.basis == "pace" else ""
        parts.append(f"it {weeks}{derived}" if weeks.startswith("runs") else f"{weeks}{derived}")
    else:
        parts.append(f"its length is {NOT_STATED}")
    if profile.deadline_weeks is not None:
        parts.append(fit_text(fit(timing_, profile.deadline_weeks), profile, course))
    if not _self_paced(course):
        parts.append(f"the class days and times are {NOT_STATED}: ask {_where_to_ask(course)}")
    return "; ".join(parts) + "."


# Words that name no town even where a town bears the name ("is", "enough", "drive").
def distance_line(item: Shown, place: str | None) -> str:
    """How far an on-site course is from the learner's place, in a straight line."""
    course = item.course
    label = _label(item)
    if course.mode is Mode.ONLINE:
        return f"{label}: online, so there is no journey."
    if not course.location:
        return f"{label}: where its classes are held is {NOT_STATED}; ask {_where_to_ask(course)}."
    if not place:
        return f"{label}: held in {course.location}. Tell me your town and I'll say how far it is."
    away = distance_text(course, place)
    if not away:
        places = gazetteer()
        here, there = places.resolve(place.lower()), places.resolve(course.location.lower())
        if here is not None and here == there:
            return f"{label}: held in {course.location}, in {here.name} itself."
        return f"{label}: held in {course.location}; I can't place {place} to measure the distance."
    return f"{label}: held in {course.location}, {away}; driving distance will be longer."


_CAPTIONS = re.compile(
    r"\b(?:subtitle[sd]?|captions?|captioned|captioning|transcripts?|subt[ií]tulos)\b",
    re.IGNORECASE,
)
_LIVE = re.compile(r"\blive\b|\bset times?\b|\bzoom\b|\bcalls?\b", re.IGNORECASE)


def _captions_part(course: Course) -> str:
    """Whether the listing's own words mention captions, subtitles or transcripts."""
    said = next((s for s in _listing_sentences(course) if _CAPTIONS.search(s)), None)
    if said:
        return f"its listing says: “{_quote(said)}”"
    return f"captions or subtitles are {NOT_STATED}: ask {_where_to_ask(course)}"


def language_line(item: Shown, text: str = "") -> str:
    """The language of teaching; captions and live sessions too when the question asks."""
    course = item.course
    if not course.language:
        line = f"{_label(item)}: the language of teaching is {NOT_STATED}"
    else:
        how = " (read from the listing's text)" if course.language_detected else " (as listed)"
        line = f"{_label(item)}: taught in {course.language}{how}"
    if _CAPTIONS.search(text):
        line += f"; {_captions_part(course)}"
    if _LIVE.search(text):
        if _self_paced(course):
            line += "; self-paced, with no class times as listed"
        elif course.pace is Pace.SCHEDULED:
            line += f"; {pace_text(course).lower()}, so expect sessions at set times"
        else:
            line += f"; whether there are live sessions is {NOT_STATED}"
    return line + "."


def device_line(item: Shown) -> str:
    course = item.course
    if course.mode is not Mode.ONLINE:
        return f"{_label(item)}: {mode_text(course).lower()}, so not a phone course."
    return (
        f"{_label(item)}: online; whether it works on a phone is {NOT_STATED} "
        f"(video lessons usually do; quizzes and software exercises may need a computer)."
    )


def level_line(item: Shown, terms: Sequence[str]) -> str:
    course = item.course
    level = LEVELS.get(course.level) if course.level else None
    parts = [f"{_label(item)}: " + (level or f"its level is {NOT_STATED}")]
    requirement = next((s for s in _listing_sentences(course) if _PREREQUISITE.search(s)), None)
    if requirement:
        parts.append(f"the listing says {_quote(requirement)}")
    named = best_sentence(course, terms)
    if named and named[0] != requirement:
        parts.append(f"on {join_words(sorted(set(named[1])))} it says {_quote(named[0])}")
    return "; ".join(parts) + "."


def cost_lines(items: Sequence[Shown], text: str) -> list[str]:
    """Each fee as listed, with a fee per listed hour (derived) where both are known."""
    lines = []
    for item in items:
        course = item.course
        line = f"{_label(item)}: {cost_text(course)}"
        amount, hours = course.cost.amount, course.total_hours_max
        if amount and hours:
            per_hour = money(amount / hours, course.cost.currency)
            line += f", about {per_hour} per hour of instruction (derived: fee ÷ {number(hours)} h)"
        lines.append(line + ".")
    if _SUPERLATIVE.search(text):
        priced = [i for i in items if i.course.cost.amount is not None]
        if priced:
            cheapest = min(priced, key=lambda i: i.course.cost.amount or 0.0)
            lines.insert(0, f"The cheapest shown is #{cheapest.position}.")
    if _SALARY.search(text):
        lines.append(NO_OUTCOME_DATA)
    return lines


def licence_line(item: Shown) -> str:
    course = item.course
    credential = credential_text(course)
    parts = [
        f"{_label(item)}: "
        + (
            f"as listed, {credential}"
            if credential != NOT_STATED
            else f"what it leads to is {NOT_STATED}"
        )
    ]
    if course.accreditation:
        parts.append(f"accreditation as listed: {course.accreditation}")
    parts.append(
        "whether its hours count toward a licence is decided by the licensing board and is "
        f"{NOT_STATED}: ask {_where_to_ask(course)}"
    )
    return "; ".join(parts) + "."


def practice_line(item: Shown, terms: Sequence[str]) -> str:
    course = item.course
    for sentence in _listing_sentences(course):
        lowered = sentence.lower()
        if any(word in lowered for word in _PRACTICE_WORDS):
            return f"{_label(item)}: its listing says {_quote(sentence)}."
    named = best_sentence(course, terms)
    if named:
        return f"{_label(item)}: its listing says {_quote(named[0])}."
    return (
        f"{_label(item)}: its listing doesn't mention projects, labs or hands-on work; ask "
        f"{_where_to_ask(course)}."
    )


def aspect_named(value: object) -> CourseAspect:
    """The aspect a stored request names ("listing" when it names none this module knows)."""
    known: tuple[CourseAspect, ...] = get_args(CourseAspect)
    return next((aspect for aspect in known if aspect == value), "listing")


def course_answer(
    aspect: CourseAspect, items: Sequence[Shown], text: str, profile: LearnerProfile
) -> str:
    """The answer to a question about ``items`` (the courses it names, else all shown)."""
    terms = asked_terms(text)
    if aspect == "distance":
        place = town_named(text) or profile.location
        lines = [distance_line(item, place) for item in items]
    elif aspect == "schedule":
        lines = [schedule_line(item, profile) for item in items]
    elif aspect == "fit":
        lines = [fit_line(item, profile) for item in items]
    elif aspect == "language":
        lines = [language_line(item, text) for item in items]
    elif aspect == "device":
        lines = [device_line(item) for item in items]
    elif aspect == "level":
        lines = [level_line(item, terms) for item in items]
    elif aspect == "length":
        lines = [duration_answer(item, profile) for item in items]
    elif aspect == "cost":
        lines = cost_lines(items, text)
    elif aspect == "licence":
        lines = [licence_line(item) for item in items]
    elif aspect == "practice":
        lines = [practice_line(item, terms) for item in items]
    else:
        return listing_answer(items, text) or (
            "Ask me about a course by its number: its schedule, language, level, cost, "
            'what it teaches ("does #1 cover X?") or whether it is worth it.'
        )
    return "\n".join(lines)
