"""Hybrid course search: dense + BM25F candidates, fused, under hard filters.

Why this shape (measured on the development judgments, see docs/search-quality.md):
- dense retrieval understands paraphrase ("move into UX" ~ "user experience design");
- BM25F rewards the exact skill and tool names that professionals type;
- a goal that names an occupation is expanded with the tools O*NET says people in
  that role use, which finds courses the goal's own words miss.
Scores are fused linearly after scaling BM25F to [0, 1] per query; dense cosine is
already on a comparable scale. Filters are applied while generating candidates,
so every candidate already satisfies them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from index.abbreviations import Abbreviations
from index.abbreviations import mine as mine_abbreviations
from index.embedding import Embedder
from index.filters import FilterColumns, Filters, FilterStatus
from index.ingest.language import detect_language
from index.lexical import LexicalIndex
from index.occupations.matcher import OccupationMatch, OccupationMatcher
from index.schema import Course
from index.text import content_terms, numbered_names, title_terms
from index.vector_store import VectorIndex

QUERY_VECTOR_CACHE = 4096  # remembered query vectors (1.5 KB each)
THIN_DESCRIPTION_CHARS = 200  # a description shorter than this says little beyond the title


@dataclass(frozen=True)
class RankingWeights:
    """How the signals combine; tuned on development data, kept in one place."""

    dense: float = 0.85
    lexical: float = 0.15
    candidates: int = 100  # per retriever, before fusion
    expansion_skills: int = 6  # O*NET tools named for a goal that names an occupation
    # Expansion did not help on the development set (nDCG@10 0.853 with, 0.854 without),
    # so the tools are shown to the learner but do not move the ranking by default.
    expansion_weight: float = 0.0  # share of the query vector taken by the expansion
    expansion_lexical_weight: float = 0.0  # BM25F weight of expansion terms vs the goal's own
    other_language_penalty: float = 0.1  # a course in another language than the query's
    popularity: float = 0.03  # weight of log-scaled enrolments: a gentle prior, not a vote

    @property
    def expands(self) -> bool:
        """Whether occupation skills change the ranking (else they are only explained)."""
        return self.expansion_skills > 0 and (
            self.expansion_weight > 0 or self.expansion_lexical_weight > 0
        )


@dataclass(frozen=True)
class SearchResult:
    """A ranked course with the evidence behind its rank."""

    course: Course
    score: float
    dense: float
    lexical: float
    position: int = -1  # in the catalog (CourseSearch.get / status use it); -1 if unknown


@dataclass
class SearchExplanation:
    """What the search understood, for the advisor console and the 'why' sentences."""

    query: str
    occupation: OccupationMatch | None = None
    expansion_terms: list[str] = field(default_factory=list)
    allowed: int = 0


class CourseSearch:
    """The ranking the advisor uses, plus the two baselines it is measured against."""

    def __init__(
        self,
        courses: Sequence[Course],
        vectors: VectorIndex,
        embedder: Embedder,
        matcher: OccupationMatcher | None = None,
        weights: RankingWeights | None = None,
    ) -> None:
        self.courses = list(courses)
        self.vectors = vectors
        self.embedder = embedder
        self.matcher = matcher
        self.weights = weights or RankingWeights()
        self.columns = FilterColumns(self.courses)
        self.lexical = LexicalIndex([_fields(course) for course in self.courses])
        self._languages = np.array([(c.language or "").lower() for c in self.courses], dtype=object)
        enrolments = np.log1p(np.array([c.enrolments or 0 for c in self.courses], dtype=np.float32))
        self._popularity: npt.NDArray[np.float32] = (
            enrolments / max(float(enrolments.max()), 1.0)
        ).astype(np.float32)
        self._positions = {course.id: position for position, course in enumerate(self.courses)}
        self._matrix: npt.NDArray[np.float32] | None = None
        self._titles: LexicalIndex | None = None
        self._thin: npt.NDArray[np.bool_] | None = None
        self._per_course: dict[str, npt.NDArray[Any]] = {}
        self._numbered: dict[str, list[tuple[int, str]]] | None = None
        self._numbered_text: dict[tuple[str, str], set[int]] | None = None
        self._abbreviations: Abbreviations | None = None
        self._query_vectors: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()

    def __len__(self) -> int:
        return len(self.courses)

    def get(self, ids: Sequence[str]) -> list[Course]:
        """The courses with these ids, in the order given; unknown ids are skipped."""
        return [self.courses[self._positions[i]] for i in ids if i in self._positions]

    def abbreviations(self) -> Abbreviations:
        """The acronyms this catalog spells out itself (mined on first use, ~2 s)."""
        if self._abbreviations is None:
            self._abbreviations = mine_abbreviations(self.courses)
        return self._abbreviations

    def position(self, course_id: str) -> int | None:
        """Where a course sits in the catalog (the index into every per-course array)."""
        return self._positions.get(course_id)

    def count(self, filters: Filters | None = None, *, include_unknown: bool = False) -> int:
        """How many courses are known to satisfy ``filters`` (or at least not break them)."""
        if filters is None:
            return len(self.courses)
        status = self.columns.status(filters)
        return int((status.admissible if include_unknown else status.fits).sum())

    def status(self, filters: Filters) -> FilterStatus:
        """Per constraint and course: known fit, unknown or known violation."""
        return self.columns.status(filters)

    def encode_queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One normalised vector per text, shape (len(texts), dim), in ONE model call.

        The advisor embeds three short texts per goal (the sentence, the bare topic, the
        occupation focus); one batched forward pass costs about as much as one text, so
        this took ~110 ms off a recommendation. Vectors are remembered per text (learners
        page through and refine the same goal).
        """
        missing = list(dict.fromkeys(t for t in texts if t not in self._query_vectors))
        if missing:
            for text, vector in zip(missing, self.embedder.encode(missing), strict=True):
                vector.setflags(write=False)
                self._query_vectors[text] = vector
            while len(self._query_vectors) > QUERY_VECTOR_CACHE:
                self._query_vectors.popitem(last=False)
        for text in texts:
            self._query_vectors.move_to_end(text)
        if not texts:
            return np.zeros((0, self.dense_matrix().shape[1]), dtype=np.float32)
        return np.stack([self._query_vectors[text] for text in texts])

    def clear_query_cache(self) -> None:
        """Forget every remembered query vector (benchmarks time the encode every time)."""
        self._query_vectors.clear()
        cached = getattr(self.embedder, "_encode_cached", None)
        if cached is not None:
            cached.cache_clear()
        if self.matcher is not None:
            self.matcher.clear_cache()

    def dense_matrix(self) -> npt.NDArray[np.float32]:
        """Every course's vector, one row per catalog position (loaded once)."""
        if self._matrix is None:
            self._matrix = self.vectors.reconstruct(np.arange(len(self.courses), dtype=np.int64))
        return self._matrix

    def dense_for(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Cosine of each query vector (rows) to every course: shape (len(vectors), courses)."""
        matrix = self.dense_matrix()
        # One matrix-vector product per query: ~2x faster here than (vectors @ matrix.T),
        # whose transposed operand makes BLAS stride across rows.
        scores: npt.NDArray[np.float32] = np.stack(
            [np.asarray(matrix @ vector, dtype=np.float32) for vector in vectors]
        )
        return scores

    def dense_all(self, query: str) -> npt.NDArray[np.float32]:
        """Cosine of the query to every course (exact; a 6k x 384 product is ~1 ms)."""
        scores: npt.NDArray[np.float32] = self.dense_for(self.encode_queries([query]))[0]
        return scores

    def lexical_all(self, query: str) -> npt.NDArray[np.float32]:
        """BM25F of the query against every course."""
        return self.lexical.score(query)

    def lexical_coverage(self, query: str) -> npt.NDArray[np.float32]:
        """Share of the query's IDF mass each course names (see LexicalIndex.coverage)."""
        return self.lexical.coverage(query)

    def names_rarest(self, query: str) -> npt.NDArray[np.float32]:
        """1 per course naming the query's rarest word (see LexicalIndex.names_rarest)."""
        return self.lexical.names_rarest(query)

    def per_course(
        self, name: str, values: Callable[[], Sequence[Any]], dtype: Any
    ) -> npt.NDArray[Any]:
        """An array with one value per course that a caller derives from the catalog
        (``values``), built on first use and kept with this catalog under ``name``."""
        if name not in self._per_course:
            self._per_course[name] = np.array(values(), dtype=dtype)
        return self._per_course[name]

    def thin_records(self) -> npt.NDArray[np.bool_]:
        """Courses described by little more than their title: no listed skills or
        outcomes and under ``THIN_DESCRIPTION_CHARS`` of description (Udemy rows, and
        state programmes whose description is their field's one-line classification)."""
        if self._thin is None:
            self._thin = np.array(
                [
                    not course.skills
                    and not course.learning_outcomes
                    and len(course.description or "") < THIN_DESCRIPTION_CHARS
                    for course in self.courses
                ],
                dtype=bool,
            )
        return self._thin

    def titled_numbers(self) -> dict[str, list[tuple[int, str]]]:
        """Per lower-cased name, the courses whose title gives it a number ("OSHA 10",
        "Level 2"): (position, number)."""
        return self._numbered_names()[0]

    def naming(self, name: str, number: str) -> npt.NDArray[np.bool_]:
        """Courses whose title or description names ``name`` with ``number`` ("OSHA 10",
        "osha-10")."""
        named = self._numbered_names()[1].get((name.lower(), number), set())
        mask = np.zeros(len(self.courses), dtype=bool)
        mask[list(named)] = True
        return mask

    def _numbered_names(
        self,
    ) -> tuple[dict[str, list[tuple[int, str]]], dict[tuple[str, str], set[int]]]:
        """The numbered names of every title, and of every title and description, read in
        one pass on first use (~0.7 s; the loader does it at start-up)."""
        if self._numbered is None or self._numbered_text is None:
            titled: dict[str, list[tuple[int, str]]] = {}
            texted: dict[tuple[str, str], set[int]] = {}
            for position, course in enumerate(self.courses):
                in_title = numbered_names(course.title)
                for name, number in in_title:
                    titled.setdefault(name, []).append((position, number))
                for found in in_title + numbered_names(course.description or ""):
                    texted.setdefault(found, set()).add(position)
            self._numbered, self._numbered_text = titled, texted
        return self._numbered, self._numbered_text

    def title_coverage(self, query: str) -> npt.NDArray[np.float32]:
        """Share of the query's IDF mass each course's *title* names.

        The title says what a course is about; the description of a state programme is
        often its field's boilerplate, naming words of many neighbouring trades. Built on
        first use (titles only, well under a second).
        """
        if self._titles is None:
            self._titles = LexicalIndex(
                [{"title": course.title} for course in self.courses], {"title": 1.0}, title_terms
            )
        return self._titles.coverage(query)

    def popularity(self) -> npt.NDArray[np.float32]:
        """Log-scaled enrolments in [0, 1], per course."""
        return self._popularity

    def other_language(self, query: str) -> npt.NDArray[np.float32]:
        """1 per course whose known language differs from the query's, else 0."""
        return self._other_language(query, np.arange(len(self.courses), dtype=np.int64))

    def in_other_language(self, language: str) -> npt.NDArray[np.bool_]:
        """True per course whose stated language is not ``language`` (unstated: False)."""
        known = self._languages
        differs: npt.NDArray[np.bool_] = (known != "") & (known != language.lower())
        return differs

    def explain(self, query: str, filters: Filters | None = None) -> SearchExplanation:
        """The occupation recognised and the terms the query is expanded with."""
        explanation = SearchExplanation(query=query)
        if filters is not None:
            explanation.allowed = int(self.columns.mask(filters).sum())
        if self.matcher is None or self.weights.expansion_skills == 0:
            return explanation
        matches = self.matcher.match(query, limit=1)
        if matches:
            explanation.occupation = matches[0]
            skills = self.matcher.key_skills(matches[0].occupation, self.weights.expansion_skills)
            explanation.expansion_terms = [skill.name for skill in skills]
        return explanation

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[SearchResult]:
        """Best ``k`` courses for the query that satisfy ``filters``."""
        allowed = self.columns.mask(filters) if filters is not None else None
        explanation = self.explain(query) if self.weights.expands else SearchExplanation(query)
        query_vector = self._query_vector(query, explanation)
        lexical_scores = self.lexical.score(query)
        if explanation.expansion_terms and self.weights.expansion_lexical_weight:
            expansion_scores = self.lexical.score(" ".join(explanation.expansion_terms))
            lexical_scores = (
                lexical_scores + self.weights.expansion_lexical_weight * expansion_scores
            )
        pool = max(k, self.weights.candidates)
        dense_hits = self.vectors.search(query_vector, pool, allowed)
        lexical_positions = _top_positions(lexical_scores, pool, allowed)
        candidates = np.unique(
            np.concatenate(
                [np.array([h.position for h in dense_hits], dtype=np.int64), lexical_positions]
            )
        )
        if candidates.size == 0:
            return []
        dense = self._dense_scores(query_vector, candidates)
        lexical = lexical_scores[candidates]
        top_lexical = float(lexical.max())
        lexical_scaled = lexical / top_lexical if top_lexical > 0 else lexical
        fused = self.weights.dense * dense + self.weights.lexical * lexical_scaled
        fused -= self.weights.other_language_penalty * self._other_language(query, candidates)
        if self.weights.popularity:
            fused += self.weights.popularity * self._popularity[candidates]
        order = np.argsort(-fused, kind="stable")[:k]
        return [
            SearchResult(
                course=self.courses[int(candidates[i])],
                score=float(fused[i]),
                dense=float(dense[i]),
                lexical=float(lexical_scaled[i]),
                position=int(candidates[i]),
            )
            for i in order
        ]

    def dense_only(
        self, query: str, k: int = 10, filters: Filters | None = None
    ) -> list[SearchResult]:
        """Baseline: the query's embedding against each course's, nothing else."""
        allowed = self.columns.mask(filters) if filters is not None else None
        hits = self.vectors.search(self.embedder.encode_query(query), k, allowed)
        return [
            SearchResult(self.courses[h.position], h.score, h.score, 0.0, h.position) for h in hits
        ]

    def bm25_only(
        self, query: str, k: int = 10, filters: Filters | None = None
    ) -> list[SearchResult]:
        """Baseline: BM25F on the query's own words."""
        allowed = self.columns.mask(filters) if filters is not None else None
        scores = self.lexical.score(query)
        positions = _top_positions(scores, k, allowed)
        return [
            SearchResult(self.courses[int(p)], float(scores[p]), 0.0, float(scores[p]), int(p))
            for p in positions
        ]

    def _other_language(
        self, query: str, positions: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float32]:
        """1 where a course's known language differs from the query's, else 0.

        A Spanish course is a poor answer to an English goal (and vice versa), but it is
        not excluded: the learner may be bilingual, and a language filter exists for that.
        """
        language = detect_language(query)
        if language is None:
            return np.zeros(positions.size, dtype=np.float32)
        known = self._languages[positions]
        differs: npt.NDArray[np.float32] = ((known != "") & (known != language.lower())).astype(
            np.float32
        )
        return differs

    def _query_vector(self, query: str, explanation: SearchExplanation) -> npt.NDArray[np.float32]:
        base = self.embedder.encode_query(query)
        if not explanation.expansion_terms or self.weights.expansion_weight == 0:
            return base
        expansion = self.embedder.encode_query(", ".join(explanation.expansion_terms))
        mixed = (
            1 - self.weights.expansion_weight
        ) * base + self.weights.expansion_weight * expansion
        normalised: npt.NDArray[np.float32] = (mixed / np.linalg.norm(mixed)).astype(np.float32)
        return normalised

    def _dense_scores(
        self, query_vector: npt.NDArray[np.float32], positions: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float32]:
        vectors = self.vectors.reconstruct(positions)
        scores: npt.NDArray[np.float32] = vectors @ query_vector[0]
        return scores


def _fields(course: Course) -> dict[str, str]:
    from index.catalog import lexical_fields

    return lexical_fields(course)


def _top_positions(
    scores: npt.NDArray[np.float32], k: int, allowed: npt.NDArray[np.bool_] | None
) -> npt.NDArray[np.int64]:
    """Positions of the k best positive scores among allowed documents."""
    eligible = scores > 0
    if allowed is not None:
        eligible &= allowed
    positions = np.flatnonzero(eligible)
    if positions.size > k:
        best = np.argpartition(-scores[positions], k - 1)[:k]
        positions = positions[best]
    return positions[np.argsort(-scores[positions], kind="stable")].astype(np.int64)


def has_content(query: str) -> bool:
    """False for queries with no searchable words (empty, only stop words or symbols)."""
    return bool(content_terms(query))
