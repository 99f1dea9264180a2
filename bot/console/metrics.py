"""How good the stored rankings are by the advisors' labels: nDCG@k and precision@k.

nDCG@k is ``index.evaluation.ndcg_at_k`` (the figure ``python -m index eval`` reports):
the query's latest stored ranking against its latest labels, unlabelled results
counting as grade 0, and 0 when no label is positive.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from bot.console.labels import LabelEvent, LabelStore
from index.evaluation import ndcg_at_k

MAX_HISTORY_POINTS = 200
PRECISION_GRADE = 1  # 'partly relevant' or better counts as a hit


def precision_at_k(ranking: Sequence[str], grades: Mapping[str, int], k: int) -> float | None:
    """Of the top-k results that have a label, the share graded 1 (partly) or 2 (relevant).

    Unlabelled results are left out rather than counted as misses, so the figure reads
    "of what the advisors looked at near the top, how much was any good"; how many
    results it rests on is reported beside it as ``labelled``. None when no top-k
    result is labelled.
    """
    labelled = [grades[url] for url in ranking[:k] if url in grades]
    if not labelled:
        return None
    return sum(1 for grade in labelled if grade >= PRECISION_GRADE) / len(labelled)


@dataclass(frozen=True)
class QueryMetrics:
    """The figures for one labelled query."""

    query_id: str
    query_text: str
    ndcg: float
    precision: float | None
    labelled: int  # labelled results among the top k of the stored ranking
    labels: int  # labels given for this query in all (some may be outside the top k)


def _mean(values: Sequence[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known else None


def history(events: Sequence[LabelEvent], k: int) -> list[dict[str, Any]]:
    """Mean nDCG@k and precision@k after each label, replaying the labels in order.

    Each point scores every query by the ranking its latest label so far was given on.
    Long histories are thinned to ``MAX_HISTORY_POINTS`` (the last point is always kept).
    """
    grades: dict[str, dict[str, int]] = {}
    ndcg: dict[str, float] = {}
    precision: dict[str, float | None] = {}
    points: list[dict[str, Any]] = []
    for event in events:
        judged = grades.setdefault(event.query_id, {})
        judged[event.course_url] = event.grade
        ndcg[event.query_id] = ndcg_at_k(event.ranking, judged, k)
        precision[event.query_id] = precision_at_k(event.ranking, judged, k)
        points.append(
            {
                "labels": len(points) + 1,
                "at": event.at,
                "ndcg": _mean(list(ndcg.values())),
                "precision": _mean(list(precision.values())),
            }
        )
    if len(points) > MAX_HISTORY_POINTS:
        step = len(points) / MAX_HISTORY_POINTS
        thinned = [points[int(i * step)] for i in range(MAX_HISTORY_POINTS - 1)]
        points = [*thinned, points[-1]]
    return points


def compute_metrics(store: LabelStore, k: int) -> dict[str, Any]:
    """Per-query figures, their means over labelled queries, and the history for the chart."""
    qrels = store.qrels()
    texts = store.queries()
    rankings = store.latest_rankings()
    per_query = [
        QueryMetrics(
            query_id=qid,
            query_text=texts.get(qid, ""),
            ndcg=ndcg_at_k(rankings.get(qid, []), qrels[qid], k),
            precision=precision_at_k(rankings.get(qid, []), qrels[qid], k),
            labelled=sum(1 for url in rankings.get(qid, [])[:k] if url in qrels[qid]),
            labels=len(qrels[qid]),
        )
        for qid in texts
        if qid in qrels
    ]
    return {
        "k": k,
        "queries": [asdict(item) for item in per_query],
        "mean": {
            "ndcg": _mean([item.ndcg for item in per_query]),
            "precision": _mean([item.precision for item in per_query]),
            "queries": len(per_query),
            "labels": sum(item.labels for item in per_query),
        },
        "history": history(store.events(), k),
    }
