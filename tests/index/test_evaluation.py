"""Metrics checked against values worked out by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from index.evaluation import (
    dcg,
    evaluate,
    judged_at_k,
    ndcg_at_k,
    read_qrels,
    read_queries,
    recall_at_k,
)

JUDGMENTS = {"a": 3, "b": 2, "c": 0, "d": 1}


def test_dcg_by_hand() -> None:
    # 3/log2(2) + 0/log2(3) + 2/log2(4) = 3 + 0 + 1
    assert dcg([3, 0, 2]) == pytest.approx(4.0)


def test_ndcg_by_hand() -> None:
    ranked = ["c", "a", "x", "b"]  # grades 0, 3, 0 (unjudged), 2
    actual = 3 / math.log2(3) + 2 / math.log2(5)
    ideal = 3 + 2 / math.log2(3) + 1 / math.log2(4)
    assert ndcg_at_k(ranked, JUDGMENTS, 4) == pytest.approx(actual / ideal)
    assert ndcg_at_k(["a", "b", "d", "c"], JUDGMENTS, 4) == pytest.approx(1.0)


def test_ndcg_cut_at_k_uses_ideal_at_k() -> None:
    # Only the best possible single result counts at k=1.
    assert ndcg_at_k(["b"], JUDGMENTS, 1) == pytest.approx(2 / 3)


def test_recall_counts_grade_two_and_up() -> None:
    assert recall_at_k(["a", "c", "d"], JUDGMENTS, 10) == pytest.approx(0.5)
    assert recall_at_k(["a", "b"], JUDGMENTS, 1) == pytest.approx(0.5)
    assert recall_at_k(["a"], {"a": 1}, 10) == 0.0


def test_judged_share() -> None:
    assert judged_at_k(["a", "x", "c", "y"], JUDGMENTS, 4) == pytest.approx(0.5)
    assert judged_at_k([], JUDGMENTS, 10) == 0.0


def test_evaluate_averages_over_judged_queries() -> None:
    runs = {"q1": ["a", "b", "d"], "q2": ["z"], "unjudged": ["a"]}
    qrels = {"q1": JUDGMENTS, "q2": {"z": 2, "y": 2}}
    scores = evaluate(runs, qrels, 10)
    assert scores.queries == 2
    assert scores.recall == pytest.approx((1.0 + 0.5) / 2)
    assert scores.judged == pytest.approx(1.0)
    assert scores.line(10).startswith("nDCG@10=")


def test_readers(tmp_path: Path) -> None:
    (tmp_path / "q.tsv").write_text("d01\tI want to become a data analyst\n\n", encoding="utf-8")
    (tmp_path / "r.json").write_text('{"d01": {"https://x": "2"}}', encoding="utf-8")
    assert read_queries(tmp_path / "q.tsv") == {"d01": "I want to become a data analyst"}
    assert read_qrels(tmp_path / "r.json") == {"d01": {"https://x": 2}}


def test_pooled_judgments_add_courses_and_never_overrule_the_first() -> None:
    from index.evaluation import merge_qrels

    first = {"q1": {"a": 3, "b": 0}}
    pool = {"q1": {"b": 2, "c": 1}, "q2": {"d": 2}}
    assert merge_qrels(first, pool) == {"q1": {"a": 3, "b": 0, "c": 1}, "q2": {"d": 2}}
    assert first == {"q1": {"a": 3, "b": 0}}  # the inputs are left as they were
