"""Retrieval metrics over graded judgments (qrels keyed by course URL).

nDCG uses linear gain (the grade itself) with a log2 rank discount, as trec_eval
does; an unjudged result counts as grade 0. Recall counts grade >= 2 as relevant.
judged@k is the share of the top k that has any judgment, so a score earned on
unjudged results is visible as such.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

RELEVANT_GRADE = 2

Qrels = Mapping[str, Mapping[str, int]]


def dcg(grades: Sequence[int]) -> float:
    """Discounted cumulative gain of grades in rank order."""
    return sum(grade / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg_at_k(ranked_urls: Sequence[str], judgments: Mapping[str, int], k: int) -> float:
    """nDCG@k; 0 when the query has no positive judgment."""
    ideal = dcg(sorted(judgments.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([judgments.get(url, 0) for url in ranked_urls[:k]]) / ideal


def recall_at_k(ranked_urls: Sequence[str], judgments: Mapping[str, int], k: int) -> float:
    """Share of the relevant (grade >= 2) courses found in the top k."""
    relevant = {url for url, grade in judgments.items() if grade >= RELEVANT_GRADE}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked_urls[:k])) / len(relevant)


def judged_at_k(ranked_urls: Sequence[str], judgments: Mapping[str, int], k: int) -> float:
    """Share of the top k that the judgments grade (any grade)."""
    top = ranked_urls[:k]
    if not top:
        return 0.0
    return sum(1 for url in top if url in judgments) / len(top)


@dataclass(frozen=True)
class Scores:
    """Mean metrics over a query set."""

    ndcg: float
    recall: float
    judged: float
    queries: int

    def line(self, k: int) -> str:
        """The one-line form the CLI prints."""
        return f"nDCG@{k}={self.ndcg:.3f} recall@{k}={self.recall:.3f} judged@{k}={self.judged:.3f}"


def grade_zero_share(runs: Mapping[str, Sequence[str]], qrels: Qrels, k: int) -> float:
    """Share of the top ``k`` shown (over all judged queries) that is grade 0 or unjudged.

    An unjudged course counts as not relevant, as in nDCG; an empty page shows nothing
    irrelevant, so it adds nothing to either side of the share.
    """
    shown = zero = 0
    for qid, ranked in runs.items():
        if qid not in qrels:
            continue
        for url in ranked[:k]:
            shown += 1
            zero += qrels[qid].get(url, 0) == 0
    return zero / shown if shown else 0.0


def evaluate(runs: Mapping[str, Sequence[str]], qrels: Qrels, k: int) -> Scores:
    """Average each metric over the queries that have judgments."""
    queries = [qid for qid in runs if qid in qrels]
    if not queries:
        return Scores(0.0, 0.0, 0.0, 0)
    n = len(queries)
    return Scores(
        ndcg=sum(ndcg_at_k(runs[q], qrels[q], k) for q in queries) / n,
        recall=sum(recall_at_k(runs[q], qrels[q], k) for q in queries) / n,
        judged=sum(judged_at_k(runs[q], qrels[q], k) for q in queries) / n,
        queries=n,
    )


def read_queries(path: Path) -> dict[str, str]:
    """``qid<TAB>text`` lines; blank lines are skipped."""
    queries: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2 and row[0].strip():
                queries[row[0].strip()] = row[1].strip()
    return queries


def merge_qrels(
    first: dict[str, dict[str, int]], *more: dict[str, dict[str, int]]
) -> dict[str, dict[str, int]]:
    """Judgments of the same queries from several pools; an earlier grade wins."""
    merged = {qid: dict(grades) for qid, grades in first.items()}
    for extra in more:
        for qid, grades in extra.items():
            for url, grade in grades.items():
                merged.setdefault(qid, {}).setdefault(url, grade)
    return merged


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """``{qid: {course_url: grade}}``."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {qid: {url: int(grade) for url, grade in grades.items()} for qid, grades in raw.items()}
