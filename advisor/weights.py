"""Every tunable of the recommendation pipeline, in one place.

The figures were chosen on the development judgments (/work/shared/eval) and on the
personas, never on single example queries; docs/search-quality.md records what each
one was measured at.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AdvisorWeights:
    """How the advisor scores, floors and pages its recommendations."""

    dense: float = 0.85  # cosine of the goal's topic to the course text
    lexical: float = 0.15  # BM25F of the topic, scaled by its best score in the catalog
    popularity: float = 0.03  # log-scaled enrolments: a gentle prior, not a vote
    other_language_penalty: float = 0.1  # a course in another language than the goal's
    # Relevance floor on the cosine of the goal's bare topic ("payroll") to the course:
    # below it a course does not serve the goal, whatever fills the page. Calibrated on
    # the 561 judged dev pairs: at 0.35 it keeps 92% of grade >= 2 and drops 83% of
    # grade 0 (0.30: 96% / 75%; 0.40: 84% / 92%). The goal sentence's cosine is not
    # used for this: its filler words lift every course (0.40 dropped only 79%).
    relevance_floor: float = 0.35
    # The agreement test: the course's BM25F for the topic, as a share of the best in the
    # catalog, must reach this (it names the topic's words, weighted by field)...
    agreement_share: float = 0.25
    # ...unless the topic's cosine alone is this high (paraphrase: "UX" ~ "user experience").
    meaning_alone_floor: float = 0.5
    nearest_topics: int = 4  # topics offered when the catalog has nothing on the goal
    max_offers: int = 3  # relevant courses shown that break only the binding constraint
