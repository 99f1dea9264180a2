"""Score every course against the goal's topic, and decide which ones serve it at all.

The whole catalog is scored (a matrix product and one BM25F pass, a few ms), rather than
a top-k under the filters: relevance must not depend on the constraints, so the advisor
can count relevant courses under each possible relaxation and say which one binds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from advisor.profile import LearnerProfile
from advisor.query import Query
from advisor.weights import AdvisorWeights

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


def score(
    search: CourseSearch, query: Query, profile: LearnerProfile, weights: AdvisorWeights
) -> Relevance:
    """Fused score of every course for ``query``, and the relevance floor applied."""
    dense = search.dense_all(query.text)
    # The sentence ranks well but its filler ("I want courses on") lifts every course's
    # cosine, so relevance is judged on the bare topic's cosine instead.
    topical = search.dense_all(query.topic) if query.topic else dense
    raw_lexical = search.lexical_all(query.lexical_text or query.text)
    top = float(raw_lexical.max()) if raw_lexical.size else 0.0
    lexical = raw_lexical / top if top > 0 else raw_lexical
    fused = weights.dense * dense + weights.lexical * lexical
    fused = fused + weights.popularity * search.popularity()
    fused = fused - weights.other_language_penalty * search.other_language(query.text)
    # Relevant: the topic's meaning is close, and the course names the topic's words (an
    # agreement test: "payroll" is near "accounting" in meaning, but an accounting course
    # that never says payroll does not serve the goal); or the meaning alone is very close.
    agrees = lexical >= weights.agreement_share
    relevant = ((topical >= weights.relevance_floor) & agrees) | (
        topical >= weights.meaning_alone_floor
    )
    return Relevance(
        score=fused.astype(np.float32),
        dense=dense,
        lexical=lexical.astype(np.float32),
        relevant=relevant,
    )


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
