"""One learner profile -> the ranking the advisor would show, with the evidence behind it.

The ranking is the advisor service's (advisor.service), the one the bot shows; this adds
what the bot hides: the fused score and its dense and lexical parts, whether each course
is known to fit or has an unknown value, the occupation recognised, and how many courses
survive the filters.
"""

from __future__ import annotations

import threading
import time
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from advisor.cards import CourseCard, card_payload
from advisor.messages import nothing_on_topic_text, shortfall_text
from advisor.profile import LearnerProfile, budget_note, search_query, summary_lines, to_filters
from advisor.service import Advisor, RankedCourse, Recommendation
from bot.console.describe import describe_filters, without
from bot.console.queries import canonical_filters, query_id
from index.schema import Course

if TYPE_CHECKING:  # importing index.search at run time would load FAISS for a type name
    from index.search import CourseSearch

SKILLS_SHOWN = 6  # as many as the bot names to the learner
MAX_K = 50

# One search at a time: the web app shares two cores with Rasa and the action server,
# and a queue of advisors is better served in turn than all slowly at once.
_search_lock = threading.Lock()


class EmptyQueryError(ValueError):
    """The profile has neither a goal nor a background to search for."""


def _summary(found: Recommendation) -> str | None:
    """The sentence the chat shows when the catalog has nothing on the goal, or when
    fewer than a page of relevant courses fit; None when a full page fits."""
    if found.nothing_on_topic:
        return nothing_on_topic_text(found)
    if found.short:
        return shortfall_text(found)
    return None


def label_key(course: Course) -> str:
    """The key a label is stored under: the course URL, as ``python -m index eval`` ranks by.

    Some NJ training-provider records have no URL or share their provider's home page;
    a URL would merge their labels, so they are keyed ``course:<id>`` instead (the
    evaluation CLI ranks Coursera, edX and Udemy by default, whose URLs are unique).
    """
    if course.url and not course.url_is_provider_site:
        return course.url
    return f"course:{course.id}"


def _search() -> CourseSearch:
    from index.loader import get_search

    return get_search()


def _advisor(search: CourseSearch) -> Advisor:
    global _ADVISOR
    if _ADVISOR is None or _ADVISOR.search is not search:
        _ADVISOR = Advisor(search)
    return _ADVISOR


_ADVISOR: Advisor | None = None


def _entry(position: int, entry: RankedCourse, card: CourseCard) -> dict[str, Any]:
    course = entry.result.course
    return {
        "rank": position,
        "course_id": course.id,
        "label_key": label_key(course),
        "source": str(course.source),
        "score": round(entry.result.score, 4),
        "dense": round(entry.result.dense, 4),
        "lexical": round(entry.result.lexical, 4),
        "standing": entry.standing,
        "unknown": list(entry.unknown),
        "card": card_payload(card),
    }


def rank_profile(
    profile: LearnerProfile,
    disabled: set[str] | None = None,
    k: int = 10,
    search: CourseSearch | None = None,
) -> dict[str, Any]:
    """The console's view of a ranking (the advisor service's), as JSON-ready data."""
    query = search_query(profile)
    if not query.strip():
        raise EmptyQueryError("Give a goal or a background to search for.")
    applied = to_filters(profile)
    filters = without(applied, disabled or set())
    with _search_lock:  # also makes the first, loading call happen once
        search = search or _search()
        advisor = _advisor(search)
        started = time.perf_counter()
        found = advisor.recommend(profile, per_page=min(k, MAX_K), constraints=filters)
        took_ms = (time.perf_counter() - started) * 1000
        passing = search.count(filters)
    match = found.occupation
    skills = (
        search.matcher.key_skills(match.occupation, SKILLS_SHOWN)
        if match is not None and search.matcher is not None
        else []
    )
    binding = found.binding
    return {
        "query": {
            "id": query_id(found.query or query, filters),
            "text": found.query or query,
            "filters": canonical_filters(filters),
        },
        "profile_summary": summary_lines(profile),
        "budget_note": budget_note(profile),
        "occupation": None
        if match is None
        else {
            "code": match.occupation.code,
            "title": match.occupation.title,
            "score": round(match.score, 4),
            "matched_title": match.matched_title,
        },
        "skills": [skill.model_dump() for skill in skills],
        "filters": [
            {**asdict(line), "active": line.name not in (disabled or set())}
            for line in describe_filters(applied, profile)
        ],
        "passing": passing,
        "fitting": found.fitting,
        "known_fit": found.known_fit,
        "relevant": found.relevant,
        "catalog_size": len(search),
        "results": [
            _entry(position, entry, card)
            for position, (entry, card) in enumerate(
                zip(found.ranked, found.cards, strict=True), start=1
            )
        ],
        "binding": None
        if binding is None
        else {"field": binding.field, "label": binding.label, "adds": binding.adds},
        "binding_pair": None
        if found.binding_pair is None
        else {"fields": list(found.binding_pair), "adds": found.pair_adds},
        # What the chat says above a short page, worded once in advisor.messages.
        "summary": _summary(found),
        "offers": [
            _entry(position, entry, card)
            for position, (entry, card) in enumerate(
                zip(found.offered, found.offers, strict=True), start=1
            )
        ],
        "nothing_on_topic": found.nothing_on_topic,
        "nearest_topics": found.nearest_topics,
        "instead_of": found.instead_of,
        "took_ms": round(took_ms, 1),
    }
