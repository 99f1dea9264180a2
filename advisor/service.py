"""The advisor core: a learner profile in, the recommendations an advisor would sign off on out.

One pipeline for every caller (the Rasa actions, the advisor console, the evaluation and
the benchmarks), with no Rasa inside:

1. the goal's topic becomes the query (``advisor.query``), constraint words and the
   learner's current job left out;
2. every course is scored against it (``advisor.ranking``) and a relevance floor decides
   which courses serve the goal at all, independently of the constraints;
3. the constraints are three-valued per course (``index.filters.FilterStatus``): a known
   violation is never shown, known fits come first, then relevant courses whose value the
   provider does not state, with a note saying which;
4. when fewer relevant courses fit than a page holds, the constraint whose loosening adds
   the most relevant courses is named, with the relevant courses that break only it;
   when nothing in the catalog serves the goal, that is said, with the nearest topics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

from advisor.cards import CourseCard, build_card
from advisor.notes import constraint_notes
from advisor.profile import LearnerProfile, budget_note, to_filters
from advisor.query import Query, build_query, purpose_of
from advisor.ranking import Relevance, nearest_topics, score
from advisor.relax import (
    Relaxation,
    RelaxField,
    binding_constraints,
    binding_pair,
    relax_both,
    relaxed_filters,
)
from advisor.weights import AdvisorWeights
from index.filters import Filters, FilterStatus
from index.occupations.matcher import OccupationMatch

if TYPE_CHECKING:  # importing index.search at run time would load FAISS for a type name
    from index.search import CourseSearch, SearchResult

Standing = Literal["fits", "unknown", "offer"]
DEFAULT_PER_PAGE = 3


@dataclass(frozen=True)
class RankedCourse:
    """One course on the page with the evidence behind its place (for the console)."""

    result: SearchResult
    standing: Standing  # known fit, fit unknown on some value, or breaks the binding one
    relevance: float  # the dense cosine the relevance floor is applied to
    unknown: tuple[str, ...] = ()  # constraints whose value the provider does not state
    derived: tuple[str, ...] = ()  # constraints judged on a derived figure


@dataclass
class Recommendation:
    """What the advisor recommends for one profile, and what it says about the shortfall.

    ``fitting`` counts relevant courses that break no constraint (``known_fit`` of them
    are known to fit every one; the rest have a value the provider does not state).
    When ``fitting`` is below the page size, ``binding`` is the constraint whose loosening
    adds the most relevant courses and ``offers`` are relevant courses breaking only it.
    ``nothing_on_topic`` says the catalog has no course serving the goal at all.
    """

    query: str
    cards: list[CourseCard]
    fitting: int
    known_fit: int
    offset: int = 0
    topic: str = ""  # the goal's bare topic ("payroll"), as said back to the learner
    per_page: int = DEFAULT_PER_PAGE
    relevant: int = 0  # relevant courses in the catalog, whatever the constraints
    binding: Relaxation | None = None
    # When no single constraint binds: the two that open relevant courses together, and
    # how many they add; ``offers`` then break only those two.
    binding_pair: tuple[RelaxField, RelaxField] | None = None
    pair_adds: int = 0
    relaxations: list[Relaxation] = field(default_factory=list)
    offers: list[CourseCard] = field(default_factory=list)
    nothing_on_topic: bool = False
    nearest_topics: list[str] = field(default_factory=list)
    # The goal's own topic when the catalog had nothing on it and the courses are for
    # its purpose instead ("HubSpot", shown email marketing for "so I can run email
    # marketing"): said to the learner before the cards.
    instead_of: str = ""
    occupation: OccupationMatch | None = None
    occupation_skills: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the whole profile (currency…)
    ranked: list[RankedCourse] = field(default_factory=list)  # the page, with evidence
    offered: list[RankedCourse] = field(default_factory=list)  # the offers, with evidence

    @property
    def short(self) -> bool:
        """Fewer relevant courses fit than one page holds."""
        return self.fitting < self.per_page

    @property
    def exhausted(self) -> bool:
        """This page starts past the last relevant course that fits."""
        return self.offset >= self.fitting


class Advisor:
    """The recommendation pipeline over one catalog and its search index."""

    def __init__(self, search: CourseSearch, weights: AdvisorWeights | None = None) -> None:
        self.search = search
        self.weights = weights or AdvisorWeights()

    def query(self, profile: LearnerProfile) -> Query:
        """What would be searched for this profile (the goal's topic, without constraints)."""
        return build_query(
            profile,
            self.search.matcher,
            self.search.encode_queries,
            self.search.abbreviations().expansion,
        )

    def recommend(
        self,
        profile: LearnerProfile,
        *,
        offset: int = 0,
        per_page: int = DEFAULT_PER_PAGE,
        constraints: Filters | None = None,
    ) -> Recommendation:
        """The page of recommendations starting at ``offset`` (0-based), with the shortfall.

        ``constraints`` replaces the filters the profile implies (the advisor console
        switches single constraints off to see what they cost); normally left out.
        """
        query = self.query(profile)
        notes = [note] if (note := budget_note(profile)) else []
        if not query.text:
            return Recommendation("", [], 0, 0, offset=offset, per_page=per_page, notes=notes)
        relevance = score(self.search, query, profile, self.weights)
        filters = to_filters(profile) if constraints is None else constraints
        status = self.search.status(filters)
        relevant = relevance.relevant
        fits = relevant & status.fits
        order = _order(relevance, status, self.weights, per_page)
        page = order[offset : offset + per_page]
        skills = [s.name for s in query.occupation_skills]
        ranked = [self._ranked(relevance, status, int(p), "fits") for p in page]
        cards = self._cards(ranked, profile, skills, _title(query))
        recommendation = Recommendation(
            query=query.text,
            topic=query.topic or query.text,
            cards=cards,
            fitting=int(order.size),
            known_fit=int(fits.sum()),
            offset=offset,
            per_page=per_page,
            relevant=int(relevant.sum()),
            occupation=query.occupation,
            occupation_skills=skills,
            notes=notes,
            ranked=ranked,
        )
        if not relevant.any() and query.purpose and purpose_of(query.purpose) == "":
            for_purpose = self.recommend(
                profile.model_copy(update={"goal": query.purpose}),
                offset=offset,
                per_page=per_page,
                constraints=constraints,
            )
            if not for_purpose.nothing_on_topic:
                for_purpose.instead_of = query.topic or query.text
                return for_purpose
        if not relevant.any():
            recommendation.nothing_on_topic = True
            recommendation.nearest_topics = nearest_topics(
                self.search, relevance, self.weights.nearest_topics
            )
            return recommendation
        if recommendation.short:
            self._shortfall(recommendation, profile, relevance, status, skills, _title(query))
        return recommendation

    def rank(
        self,
        profile: LearnerProfile,
        *,
        k: int = 10,
        filters: Filters | None = None,
    ) -> list[RankedCourse]:
        """The first ``k`` courses the advisor would show, without cards (evaluation, bench).

        ``filters``, when given, is added to the profile's own constraints (e.g. sources).
        """
        query = self.query(profile)
        if not query.text:
            return []
        relevance = score(self.search, query, profile, self.weights)
        status = self.search.status(_merge(to_filters(profile), filters))
        order = _order(relevance, status, self.weights, DEFAULT_PER_PAGE)[:k]
        return [self._ranked(relevance, status, int(p), "fits") for p in order]

    def cards_for(self, profile: LearnerProfile, ids: list[str]) -> list[CourseCard]:
        """Cards for courses already chosen (on screen), numbered in the order given."""
        from index.search import SearchResult

        query = self.query(profile)
        skills = [s.name for s in query.occupation_skills]
        status = self.search.status(to_filters(profile))
        entries = []
        for course in self.search.get(ids):
            position = self.search.position(course.id)
            assert position is not None
            result = SearchResult(course, 0.0, 0.0, 0.0, position)
            entries.append(
                RankedCourse(
                    result,
                    "fits",
                    0.0,
                    tuple(status.unknown_of(position)),
                    tuple(status.derived_of(position)),
                )
            )
        return self._cards(entries, profile, skills, _title(query))

    def _shortfall(
        self,
        recommendation: Recommendation,
        profile: LearnerProfile,
        relevance: Relevance,
        status: FilterStatus,
        skills: list[str],
        occupation: str | None,
    ) -> None:
        """Name the binding constraint, counted on relevant courses the learner can reach,
        and offer its courses. A programme on site in another state is no course to offer
        someone who studies in person at home, so it makes no constraint binding either."""
        relevant = relevance.relevant
        if profile.location:
            relevant = relevant & ~self.search.columns.in_another_state(profile.location)

        def count(filters: Filters) -> int:
            return int((relevant & self.search.status(filters).admissible).sum())

        def adds_and_best(filters: Filters) -> tuple[int, float]:
            """Relevant courses these filters add, and the best score among them."""
            added = relevant & self.search.status(filters).admissible & ~status.admissible
            best = float(relevance.score[added].max()) if added.any() else float("-inf")
            return int(added.sum()), best

        relaxations = binding_constraints(count, profile, recommendation.per_page)
        recommendation.relaxations = relaxations
        loosened: Filters | None = None
        if relaxations:
            binding = relaxations[0]
            recommendation.binding = binding
            loosened = relaxed_filters(profile, binding.field)
        elif (pair := binding_pair(adds_and_best, profile)) is not None:
            recommendation.binding_pair, recommendation.pair_adds = pair
            loosened = to_filters(relax_both(profile, pair[0]))
        if loosened is None:
            return
        opened = relevant & self.search.status(loosened).admissible & ~status.admissible
        offered_positions = np.concatenate(
            [_ranked(relevance, tier) for tier in _tiers(relevance, opened)]
        )[: self.weights.max_offers]
        offered = [self._ranked(relevance, status, int(p), "offer") for p in offered_positions]
        recommendation.offered = offered
        recommendation.offers = self._cards(offered, profile, skills, occupation)

    def _ranked(
        self, relevance: Relevance, status: FilterStatus, position: int, standing: Standing
    ) -> RankedCourse:
        from index.search import SearchResult

        result = SearchResult(
            self.search.courses[position],
            float(relevance.score[position]),
            float(relevance.dense[position]),
            float(relevance.lexical[position]),
            position,
        )
        unknown = tuple(status.unknown_of(position))
        return RankedCourse(
            result,
            "unknown" if standing == "fits" and unknown else standing,
            float(relevance.dense[position]),
            unknown,
            tuple(status.derived_of(position)),
        )

    def _cards(
        self,
        entries: list[RankedCourse],
        profile: LearnerProfile,
        skills: list[str],
        occupation: str | None,
    ) -> list[CourseCard]:
        return [
            build_card(
                entry.result,
                number,
                profile,
                skills,
                constraint_notes(entry.result.course, entry.unknown, entry.derived),
                occupation,
            )
            for number, entry in enumerate(entries, start=1)
        ]


def _merge(filters: Filters, extra: Filters | None) -> Filters:
    """``filters`` with the set fields of ``extra`` added (extra wins where both set)."""
    if extra is None:
        return filters
    return filters.model_copy(update=extra.model_dump(exclude_defaults=True))


def _title(query: Query) -> str | None:
    """The goal occupation's title in the plural form a sentence uses ('Data Scientists')."""
    return query.occupation.occupation.title if query.occupation is not None else None


def _order(
    relevance: Relevance, status: FilterStatus, weights: AdvisorWeights, per_page: int
) -> npt.NDArray[np.int64]:
    """Relevant courses in the order shown; then, once they fill the first page, the
    related ones (between the browsing floor and the relevance floor) after them."""
    order = _relevant_order(relevance, relevance.relevant, status, weights)
    if relevance.related is None or order.size < per_page:
        return order
    more = _relevant_order(relevance, relevance.related, status, weights)
    return np.concatenate([order, more])


def _relevant_order(
    relevance: Relevance,
    relevant: npt.NDArray[np.bool_],
    status: FilterStatus,
    weights: AdvisorWeights,
) -> npt.NDArray[np.int64]:
    """Relevant courses breaking no constraint, in the order they are shown.

    Tiers first, so a course the learner would call marginal never sits above one they
    asked for: courses whose title names the topic, then the other relevant ones, then
    those in another language. Within a tier, courses known to fit every constraint come
    before those with a value the provider does not state (or, with
    ``weights.unknown_penalty``, each unstated value costs that much of the score).
    """
    tiers = _tiers(relevance, relevant)
    if weights.known_fits_first and weights.unknown_penalty <= 0:
        # Every known fit before any course with an unstated value, tiers within each.
        fits = [tier & status.fits for tier in tiers]
        unknown = [tier & status.admissible & ~status.fits for tier in tiers]
        return np.concatenate([_ranked(relevance, mask) for mask in [*fits, *unknown]])
    return np.concatenate([_standing_order(relevance, tier, status, weights) for tier in tiers])


def _tiers(relevance: Relevance, relevant: npt.NDArray[np.bool_]) -> list[npt.NDArray[np.bool_]]:
    """``relevant`` split into on-topic, other, and other-language courses (in that order)."""
    foreign = relevance.foreign if relevance.foreign is not None else np.zeros_like(relevant)
    own = relevant & ~foreign
    if relevance.on_topic is None:
        return [own, relevant & foreign]
    return [own & relevance.on_topic, own & ~relevance.on_topic, relevant & foreign]


def _standing_order(
    relevance: Relevance,
    relevant: npt.NDArray[np.bool_],
    status: FilterStatus,
    weights: AdvisorWeights,
) -> npt.NDArray[np.int64]:
    """Courses of one tier breaking no constraint: known fits first, then unknowns."""
    if weights.unknown_penalty <= 0:
        fits = relevant & status.fits
        unknown = relevant & status.admissible & ~status.fits
        return np.concatenate([_ranked(relevance, fits), _ranked(relevance, unknown)])
    positions = np.flatnonzero(relevant & status.admissible).astype(np.int64)
    unstated = np.zeros(positions.size, dtype=np.float32)
    for mask in status.unknown.values():
        unstated += mask[positions]
    key = relevance.score[positions] - weights.unknown_penalty * unstated
    return positions[np.argsort(-key, kind="stable")]


def _ranked(relevance: Relevance, mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
    """Positions under ``mask``, best score first (ties keep catalog order)."""
    positions = np.flatnonzero(mask).astype(np.int64)
    return positions[np.argsort(-relevance.score[positions], kind="stable")]


def default_advisor() -> Advisor:
    """The process-wide advisor over the catalog and index on disk (loaded on first use)."""
    from index.loader import get_search

    global _DEFAULT
    if _DEFAULT is None or _DEFAULT.search is not get_search():
        _DEFAULT = Advisor(get_search())
    return _DEFAULT


_DEFAULT: Advisor | None = None
