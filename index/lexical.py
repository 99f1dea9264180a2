"""BM25F: Okapi BM25 over several fields, each term count weighted by its field.

A word in the title says more about a course than the same word deep in its
description; weighting term frequencies per field before saturation (BM25F)
captures that without separate indexes.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from index.text import content_terms, porter_stems

FIELD_WEIGHTS: Mapping[str, float] = {
    "title": 3.0,
    "skills": 2.0,
    "outcomes": 1.5,
    "description": 1.0,
    "provider": 0.5,
}
K1 = 1.2
B = 0.75

Scores = npt.NDArray[np.float32]


class LexicalIndex:
    """An inverted index with BM25F weights computed once at build time."""

    def __init__(
        self,
        documents: Sequence[Mapping[str, str]],
        field_weights: Mapping[str, float] = FIELD_WEIGHTS,
        terms: Callable[[str], list[str]] = content_terms,
    ) -> None:
        self.count = len(documents)
        self._terms = terms
        self._families: dict[str, list[str]] | None = None  # built on first use
        weighted_tf: list[Counter[str]] = []
        lengths = np.zeros(self.count, dtype=np.float32)
        for position, fields in enumerate(documents):
            counts: Counter[str] = Counter()
            for name, weight in field_weights.items():
                for term in terms(fields.get(name, "")):
                    counts[term] += weight  # type: ignore[assignment]
            weighted_tf.append(counts)
            lengths[position] = sum(counts.values())
        average_length = float(lengths.mean()) if self.count else 1.0
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for position, counts in enumerate(weighted_tf):
            norm = K1 * (1 - B + B * lengths[position] / max(average_length, 1e-9))
            for term, tf in counts.items():
                postings[term].append((position, tf * (K1 + 1) / (tf + norm)))
        self._postings: dict[str, tuple[npt.NDArray[np.int32], Scores]] = {}
        self._idf: dict[str, float] = {}
        # A word no course uses is as rare as a word can be (document frequency 0).
        self._unseen_idf = math.log(1 + (self.count + 0.5) / 0.5) if self.count else 0.0
        for term, entries in postings.items():
            idf = math.log(1 + (self.count - len(entries) + 0.5) / (len(entries) + 0.5))
            ids = np.fromiter((e[0] for e in entries), dtype=np.int32, count=len(entries))
            weights = np.fromiter((e[1] * idf for e in entries), dtype=np.float32)
            self._postings[term] = (ids, weights)
            self._idf[term] = idf

    def coverage(self, query: str) -> Scores:
        """Per document: the share of the query's IDF mass carried by words it contains.

        "pharmacy technician": a course naming only "technician" covers little of it,
        one naming "pharmacy" most of it. BM25F as a share of the best score cannot tell
        these apart when the best course is long or names the common word often. A
        query word no course uses counts at full rarity, so it cannot be covered.
        """
        covered = np.zeros(self.count, dtype=np.float32)
        wanted = set(self._terms(query))
        total = sum(self._idf.get(term, self._unseen_idf) for term in wanted)
        if total <= 0:
            return covered
        for term in wanted:
            posting = self._postings.get(term)
            if posting is not None:
                covered[posting[0]] += self._idf[term]
        shares: Scores = covered / np.float32(total)
        return shares

    def names_rarest(self, query: str) -> Scores:
        """Per document: 1 where it contains the query's rarest word that some document
        uses, else 0 (all 1 when no query word is in the index).

        "dental assistant": "Dental Radiography" names the word that tells the goal
        apart; "Administrative Assistant" names only the common one.
        """
        known = [term for term in set(self._terms(query)) if term in self._postings]
        if not known:
            return np.ones(self.count, dtype=np.float32)
        rarest = max(known, key=lambda term: self._idf[term])
        named = np.zeros(self.count, dtype=np.float32)
        for term in self._word_family(rarest):  # "assisting" names "assistant" too
            named[self._postings[term][0]] = 1.0
        return named

    def _word_family(self, term: str) -> list[str]:
        """The indexed terms sharing ``term``'s Porter2 stem ('assistant', 'assisting')."""
        if self._families is None:
            families: dict[str, list[str]] = defaultdict(list)
            for known, root in zip(self._postings, porter_stems(list(self._postings)), strict=True):
                families[root].append(known)
            self._families = dict(families)
        return self._families.get(porter_stems([term])[0], [term]) or [term]

    def score(self, query: str) -> Scores:
        """BM25F score of every document for the query (zeros where no term matches)."""
        scores = np.zeros(self.count, dtype=np.float32)
        for term in set(self._terms(query)):
            posting = self._postings.get(term)
            if posting is not None:
                scores[posting[0]] += posting[1]
        return scores
