"""Score every course against the goal's topic, and decide which ones serve it at all.

The whole catalog is scored (a matrix product and one BM25F pass, a few ms), rather than
a top-k under the filters: relevance must not depend on the constraints, so the advisor
can count relevant courses under each possible relaxation and say which one binds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from advisor.profile import LearnerProfile
from advisor.query import Query
from advisor.weights import AdvisorWeights
from index.schema import Level
from index.text import numbered_names

if TYPE_CHECKING:
    from index.search import CourseSearch

Floats = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Relevance:
    """Per course: the fused score (rank order), its parts, and the relevance verdict."""

    score: Floats
    dense: Floats  # cosine of the goal sentence (ranking)
    lexical: Floats  # BM25F scaled to [0, 1] by the catalog's best
    relevant: npt.NDArray[np.bool_]
    # Below the floor but above the browsing floor, with the same agreement: shown only
    # after every relevant course, and never on a first page (see service._order).
    related: npt.NDArray[np.bool_] | None = None
    # Relevant courses whose title names the topic (most of its IDF mass): shown before
    # relevant courses that only mention it, within the same constraint standing.
    on_topic: npt.NDArray[np.bool_] | None = None
    # Courses taught in another language than the learner's: shown after all others.
    foreign: npt.NDArray[np.bool_] | None = None


def score(
    search: CourseSearch, query: Query, profile: LearnerProfile, weights: AdvisorWeights
) -> Relevance:
    """Fused score of every course for ``query``, and the relevance floor applied."""
    dense, topical = _cosines(search, query, weights.task_expansion, weights.task_count)
    lexical = _best_of(search.lexical_all, query.lexical_variants, scale=True)
    fused = weights.dense * dense + weights.lexical * lexical
    fused = fused + weights.popularity * search.popularity()
    fused = fused - weights.other_language_penalty * search.other_language(query.text)
    fused = fused - weights.place_unknown_penalty * _place_unknown(search, profile)
    fused = fused + _level_preference(search, query, profile, weights)
    known: Floats | None = None
    if (weights.known_push_down or weights.already_held_margin) and query.known:
        known = _known_cosine(search, query)
    if weights.known_push_down and known is not None:
        fused = fused - weights.known_push_down * np.maximum(known - topical, 0.0)
    # Relevant: the topic's meaning is close, and the course names the topic's words (an
    # agreement test: "payroll" is near "accounting" in meaning, but an accounting course
    # that never says payroll does not serve the goal); or the meaning alone is very close.
    agrees = lexical >= weights.agreement_share
    if weights.coverage_share > 0:
        coverage = _best_of(search.lexical_coverage, query.lexical_variants)
        agrees = agrees & (coverage >= weights.coverage_share)
    relevant = ((topical >= weights.relevance_floor) & agrees) | (
        topical >= weights.meaning_alone_floor
    )
    # Each subject the goal joins, in each wording ("Linux", "shell scripting").
    subjects = [part for variant in query.lexical_variants for part in conjuncts(variant)]
    if weights.unnamed_lexical_floor > 0:
        # A course that does not name the goal's rarest word serves it only when it names
        # the rest strongly: "Phlebotomy Technician" shares "technician" with "pharmacy
        # technician", "Truck Model" shares "truck" with "truck dispatching". Its meaning
        # must then be near the closest course's, not only above the meaning-alone floor:
        # its closeness may come from the common word it shares. A course naming none of
        # the topic's words and close in meaning is a paraphrase, and keeps the floor.
        names_rarest = _best_of(search.names_rarest, subjects) > 0
        relevant &= (
            names_rarest
            | (lexical >= weights.unnamed_lexical_floor)
            | (topical >= _near_the_closest(topical, weights))
            | ((lexical <= 0) & (topical >= weights.meaning_alone_floor))
        )
    if weights.partial_meaning_floor > 0:
        # A course naming only part of the goal ("macro" of "excel macros") must be
        # close to it in meaning: "Case Studies in Macro Economics" is not.
        names_all = _best_of(search.lexical_coverage, subjects) >= FULL_COVERAGE
        relevant &= names_all | (topical >= weights.partial_meaning_floor)
    holds_it = bool(weights.already_held_margin) and known is not None
    titles: Floats | None = None
    if holds_it or weights.on_topic_title_share > 0 or weights.title:
        titles = _best_of(search.title_coverage, query.lexical_variants)
    if holds_it and known is not None and titles is not None:
        # "i wanna go from cna to lpn": a nurse-aide programme teaches what they hold.
        relevant &= (titles >= FULL_COVERAGE) | (known - topical < weights.already_held_margin)
    if weights.teaching_audience:
        relevant &= _for_the_right_side_of_the_desk(search, query, profile)
    relevant &= ~_another_number(search, query.lexical_variants)
    relevant &= ~_without_the_topic(search, subjects)
    relevant &= ~_another_language_taught(search, query.lexical_variants)
    relevant &= _names_the_numbered_credential(search, query.lexical_variants)
    on_topic = None
    if titles is not None and (weights.on_topic_title_share > 0 or weights.title):
        fused = fused + weights.title * titles
        if weights.on_topic_title_share > 0:
            # A course with a real description earned its relevance from it; one described
            # by its title alone must name the topic there ("Rock-Solid Brands" is not a
            # SolidWorks course; "Child Care Development Certificate", whose one-line
            # description names "assistant", is not a dental-assistant programme).
            named = titles >= weights.on_topic_title_share
            thin = search.thin_records()
            if weights.thin_must_name:
                # Naming the goal's rarest word counts too: "Dental Radiography" is part
                # of dental assisting; "Physical Therapy Aide" is not massage therapy.
                names_word = _best_of(search.names_rarest, query.lexical_variants) > 0
                relevant = relevant & (
                    named | names_word | ~thin | (topical >= weights.thin_meaning_floor)
                )
            on_topic = relevant & (named | (~thin & (topical >= weights.on_topic_meaning)))
    return Relevance(
        score=fused.astype(np.float32),
        dense=dense,
        lexical=lexical.astype(np.float32),
        relevant=relevant,
        related=((topical >= weights.browse_floor) & agrees & ~relevant)
        if 0 < weights.browse_floor < weights.relevance_floor
        else None,
        on_topic=on_topic,
        foreign=search.in_other_language(learner_language(query)) if weights.foreign_last else None,
    )


def _near_the_closest(topical: Floats, weights: AdvisorWeights) -> float:
    """The topic cosine a course naming only the topic's common words must reach.

    The meaning-alone floor, raised to within ``meaning_alone_gap`` of the catalog's
    closest course: when programmes named for the goal sit at 0.88 ("HVAC Technician"
    for an HVAC learner), a course at 0.52 that shares only "technician" ("Patient Care
    Technician") is about something else, though it would pass the floor where nothing
    is close.
    """
    if weights.meaning_alone_gap <= 0 or topical.size == 0:
        return weights.meaning_alone_floor
    return max(weights.meaning_alone_floor, float(topical.max()) - weights.meaning_alone_gap)


FULL_COVERAGE = 0.999  # every word of the topic (float sums of IDF shares)
_CONJUNCTION = re.compile(r"\s*(?:,|;|&|/|\band\b|\bor\b|\bplus\b)\s*", re.IGNORECASE)


def conjuncts(topic: str) -> list[str]:
    """The subjects a topic joins ("Linux and shell scripting" -> "Linux", "shell
    scripting"): a course on one of them serves it, so each has its own rarest word."""
    return [part for part in _CONJUNCTION.split(topic) if part.strip()] or [topic]


def _best_of(
    scores: Callable[[str], Floats], variants: list[str], *, scale: bool = False
) -> Floats:
    """Per course, the best of ``scores`` over the topic's variants (acronym, spelled out).

    With ``scale``, each variant's scores are first divided by its best in the catalog
    (BM25F of different words is not on one scale).
    """
    best: Floats | None = None
    for variant in variants:
        values = scores(variant).astype(np.float32)
        if scale:
            top = float(values.max()) if values.size else 0.0
            values = values / top if top > 0 else values
        best = values if best is None else np.maximum(best, values)
    assert best is not None
    return best


def _another_number(search: CourseSearch, variants: list[str]) -> npt.NDArray[np.bool_]:
    """Courses whose title names a numbered name of the topic with another number.

    "OSHA 10 Construction" is a different card from the OSHA 30 a learner asked for
    (often one they already hold), though it names every other word of the topic; the
    same holds for "Level 1" against "Level 2". A title naming the word without a
    number is not affected.
    """
    other = np.zeros(len(search.courses), dtype=bool)
    wanted = {found for variant in variants for found in numbered_names(variant)}
    if not wanted:
        return other
    table = search.titled_numbers()
    for name in {name for name, _ in wanted}:
        for position, number in table.get(name, []):
            if (name, number) not in wanted:
                other[position] = True
    return other


# A title that offers the topic's opposite: "Build a Web Application Without Coding".
_WITHOUT = re.compile(
    r"\bwithout\s+(?:any\s+)?(?:[\w-]+\s+){0,2}?(?P<word>[\w+#/]+)|"
    r"\bno[- ](?P<code>code|coding|programming)\b",
    re.IGNORECASE,
)


def _without_the_topic(search: CourseSearch, subjects: list[str]) -> npt.NDArray[np.bool_]:
    """Courses whose title says they spare the learner the topic ("… Without Coding",
    "No-Code Apps" for a coding goal): they do not teach it."""
    spared = search.per_course(
        "spared_words",
        lambda: [
            " ".join(
                (m.group("word") or m.group("code")).lower().replace("/", " ")
                for m in _WITHOUT.finditer(c.title)
            )
            for c in search.courses
        ],
        object,
    )
    wanted = {word for subject in subjects for word in re.findall(r"[\w+#]+", subject.lower())}
    wanted -= _FUNCTION_WORDS
    found = np.zeros(len(search.courses), dtype=bool)
    if not wanted:
        return found
    for position in np.flatnonzero(spared != ""):
        words = set(str(spared[position]).split())
        if words & _WRITING_CODE:
            words |= _WRITING_CODE
        if words & wanted:
            found[position] = True
    return found


# One thing said three ways: "No-Code Apps" spares a coding or programming learner too.
_WRITING_CODE = frozenset({"code", "coding", "programming"})


_FUNCTION_WORDS = frozenset("a an the of for and or to in on with my your".split())
# Languages a course may teach, by the name its title uses.
_LANGUAGES = frozenset(
    "english spanish french german italian portuguese chinese mandarin cantonese japanese "
    "korean arabic russian hindi".split()
)
# Names of one language: a Mandarin learner is served by "Chinese for Beginners".
_SAME_LANGUAGE = {"mandarin": "chinese", "cantonese": "chinese"}


def _languages_in(text: str) -> set[str]:
    found = set(re.findall(r"[a-z]+", text.lower())) & _LANGUAGES
    return {_SAME_LANGUAGE.get(language, language) for language in found}


def _another_language_taught(search: CourseSearch, variants: list[str]) -> npt.NDArray[np.bool_]:
    """For a goal to learn a language, courses whose title names only other languages
    ("Basic Spanish 3" for a Spanish speaker learning English): they teach another one.
    None for any other goal, and a title naming the wanted language is kept ("English for
    Spanish Speakers")."""
    asked = {language for variant in variants for language in _languages_in(variant)}
    other = np.zeros(len(search.courses), dtype=bool)
    if not asked:
        return other
    named = search.per_course(
        "title_languages",
        lambda: [" ".join(sorted(_languages_in(c.title))) for c in search.courses],
        object,
    )
    for position in np.flatnonzero(named != ""):
        languages = set(str(named[position]).split())
        if not languages & asked:
            other[position] = True
    return other


def _names_the_numbered_credential(
    search: CourseSearch, variants: list[str]
) -> npt.NDArray[np.bool_]:
    """Courses that name the numbered credential the topic asks for, when the catalog's
    titles know it by that number ("OSHA 10": a course on OSHA recordkeeping does not
    get the learner the card). All courses when the topic names no such credential.

    Only names some title numbers count: "Python 3" for a catalog whose titles never say
    it asks for Python, not for a separate credential.
    """
    keep = np.ones(len(search.courses), dtype=bool)
    titled = search.titled_numbers()
    for variant in variants:
        for name, number in numbered_names(variant):
            if any(found == number for _, found in titled.get(name, [])):
                keep &= search.naming(name, number)
    return keep


def learner_language(query: Query) -> str:
    """The language the learner wants courses in: the one asked for, else English.

    The conversation is in English, so an English course is what the learner can follow;
    "Excel taught in Spanish" asks for Spanish. (The goal's own words are too few to
    detect a language reliably: "get good at excel" is not recognisably English.)
    """
    return query.language or "English"


# Who a course is for, by its title: one about teaching a subject ("Teaching Digital
# Literacy", "Music Education for Teachers"), or one a learner of it takes.
_TEACHING_TITLE = re.compile(
    r"^\s*(?:teach(?:ing)?|how to teach|learning to teach)\b|"
    r"\bteach(?:ing)? (?:\w+ ){0,3}(?:online|"
    r"in the classroom|in schools?)\b|\bfor (?:teachers|educators|instructors)\b|"
    r"\bin (?:the )?(?:classroom|education)\b|\bpedagog",
    re.IGNORECASE,
)
# A course that says it is about teaching ("teachers", "TESOL", "lesson plans"; not "this
# course teaches you").
_ABOUT_TEACHING = re.compile(
    r"\bteach(?:ing|ers?)\b|\btefl\b|\btesol\b|\bcelta\b|\beducators?\b|\bpedagog|"
    r"\blesson plan",
    re.IGNORECASE,
)
# A goal, or a background, on the teacher's side of the desk.
_TEACHING_WORDS = re.compile(
    r"\bteach\w*|\btefl\b|\btesol\b|\btutor\w*|\binstructor|\beducat(?:or|ion)\w*|"
    r"\bparaprofessional|\bpara ?educator|\bpedagog",
    re.IGNORECASE,
)


def _for_the_right_side_of_the_desk(
    search: CourseSearch, query: Query, profile: LearnerProfile
) -> npt.NDArray[np.bool_]:
    """Courses that serve the learner's side of the desk.

    A goal to teach a subject ("a 120 hour TEFL so i can teach english in korea") is not
    served by a course for learners of it ("Upper-Intermediate English"): the course
    must say it is about teaching. A goal to learn a subject ("learn the computer so i
    can video call my grandbabies") is not served by one on teaching it ("Teaching
    Digital Literacy: Videogames in Education"), unless the learner teaches.
    """
    titled = search.per_course(
        "teaching_title",
        lambda: [bool(_TEACHING_TITLE.search(c.title)) for c in search.courses],
        bool,
    )
    named = search.per_course(
        "about_teaching",
        lambda: [
            bool(_ABOUT_TEACHING.search(f"{c.title} {c.description or ''} {' '.join(c.skills)}"))
            for c in search.courses
        ],
        bool,
    )
    if any(_TEACHING_WORDS.search(variant) for variant in query.lexical_variants):
        return named
    if profile.background and _TEACHING_WORDS.search(profile.background):
        return np.ones(len(search.courses), dtype=bool)
    return ~titled


def _place_unknown(search: CourseSearch, profile: LearnerProfile) -> Floats:
    """1 for a course taught on site when the learner has not said where they are."""
    if profile.location or profile.mode in {"in_person", "blended"}:
        return np.zeros(len(search.courses), dtype=np.float32)
    columns = search.columns
    on_site: Floats = (~columns.online & ~columns.missing(columns.mode)).astype(np.float32)
    return on_site


_LEVEL_STEP = {Level.BEGINNER: 0, Level.INTERMEDIATE: 1, Level.ADVANCED: 2}


def _level_preference(
    search: CourseSearch, query: Query, profile: LearnerProfile, weights: AdvisorWeights
) -> Floats | float:
    """Bonus for the level asked for, penalties by distance; unstated levels get nothing."""
    wanted = Level(profile.level) if profile.level else query.level
    if wanted not in _LEVEL_STEP:
        return 0.0
    steps = _level_steps(search)
    distance = np.where(steps < 0, -1, np.abs(steps - _LEVEL_STEP[wanted]))
    preference: Floats = (
        weights.level_match_bonus * (distance == 0)
        - weights.level_near_penalty * (distance == 1)
        - weights.level_mismatch_penalty * (distance == 2)
    ).astype(np.float32)
    return preference


def _level_steps(search: CourseSearch) -> npt.NDArray[np.int8]:
    """Per course: 0 beginner, 1 intermediate, 2 advanced, -1 unstated or all levels."""
    return search.per_course(
        "level_steps",
        lambda: [_LEVEL_STEP.get(v, -1) for v in search.columns.level],
        np.int8,
    )


def _known_cosine(search: CourseSearch, query: Query) -> Floats:
    """Cosine of what the learner already knows to every course (embedded only when used)."""
    known: Floats = search.dense_for(search.encode_queries([query.known]))[0]
    return known


def _cosines(
    search: CourseSearch, query: Query, expansion: float = 0.0, task_count: int = 0
) -> tuple[Floats, Floats]:
    """Cosine of the goal sentence and of the bare topic to every course, in one product.

    The sentence ranks well but its filler ("I want courses on") lifts every course's
    cosine, so relevance is judged on the bare topic's cosine instead.
    """
    if query.text_vector is not None:
        text_vector = query.text_vector
        topic_vector = query.topic_vector if query.topic_vector is not None else text_vector
    else:
        text_vector, topic_vector = search.encode_queries([query.text, query.topic or query.text])
    if expansion > 0 and query.occupation is not None and query.occupation.occupation.tasks:
        tasks = "; ".join(query.occupation.occupation.tasks[:task_count])
        mixed = (1 - expansion) * text_vector + expansion * search.encode_queries([tasks])[0]
        text_vector = (mixed / np.linalg.norm(mixed)).astype(np.float32)
    both = search.dense_for(np.stack([text_vector, topic_vector]))
    return both[0], both[1]


def nearest_topics(search: CourseSearch, relevance: Relevance, limit: int) -> list[str]:
    """Subjects or skills of the courses nearest the goal: what the catalog does cover."""
    nearest = np.argsort(-relevance.dense, kind="stable")[:50]
    topics: Counter[str] = Counter()
    for position in nearest:
        course = search.courses[int(position)]
        for topic in [course.subject, *course.skills[:3]]:
            if topic:
                topics[topic.strip()] += 1
    return [topic for topic, _ in topics.most_common(limit)]
