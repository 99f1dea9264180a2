"""Labels go into SQLite with the ranking they judged; metrics and exports are read back."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.console.labels import LabelEvent, LabelStore
from bot.console.metrics import history, precision_at_k
from bot.console.queries import query_id
from index.evaluation import read_qrels, read_queries
from index.filters import Filters
from index.schema import Mode

RANKING = ["https://a.example/1", "https://a.example/2", "https://a.example/3"]
QUERY = "get into data analytics"
FILTERS: dict[str, Any] = {"modes": ["online"], "max_cost": 300.0}


def label(
    client: TestClient,
    url: str,
    grade: int,
    ranking: list[str] = RANKING,
    query: str = QUERY,
    filters: dict[str, Any] = FILTERS,
) -> dict[str, Any]:
    response = client.post(
        "/console/api/labels",
        json={
            "query_text": query,
            "filters": filters,
            "ranking": ranking,
            "course_url": url,
            "grade": grade,
        },
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_a_label_is_stored_with_its_query_and_advisor(advisor: TestClient, tmp_path: Path) -> None:
    body = label(advisor, RANKING[1], 2)
    expected_id = query_id(QUERY, Filters(modes=frozenset({Mode.ONLINE}), max_cost=300))
    assert body == {"query_id": expected_id, "labels": {RANKING[1]: 2}}
    with sqlite3.connect(tmp_path / "labels.db") as connection:
        rows = connection.execute(
            "SELECT query_id, query_text, course_url, grade, labelled_at, advisor FROM labels"
        ).fetchall()
    assert len(rows) == 1
    assert rows[0][:4] == (expected_id, QUERY, RANKING[1], 2)
    assert rows[0][4] > 0
    assert rows[0][5] == "Sam"


def test_the_newest_label_wins(advisor: TestClient) -> None:
    label(advisor, RANKING[0], 2)
    assert label(advisor, RANKING[0], 0)["labels"] == {RANKING[0]: 0}


def test_the_query_id_depends_on_text_and_filters_not_on_order() -> None:
    a = Filters(modes=frozenset({Mode.ONLINE, Mode.BLENDED}), max_cost=300)
    b = Filters(max_cost=300.0, modes=frozenset({Mode.BLENDED, Mode.ONLINE}))
    assert query_id(QUERY, a) == query_id(f"  {QUERY} ", b)
    assert query_id(QUERY, a) != query_id(QUERY, Filters(max_cost=300))
    assert query_id(QUERY, a) != query_id("become a data analyst", a)
    assert query_id(QUERY, a).startswith("c") and len(query_id(QUERY, a)) == 13


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"course_url": "https://elsewhere.example/"}, "not in the ranking"),
        ({"grade": 3}, "grade"),
        ({"filters": {"colour": "blue"}}, "filters not understood"),
        ({"query_text": ""}, "query_text"),
    ],
)
def test_bad_labels_are_refused(advisor: TestClient, change: dict[str, Any], message: str) -> None:
    body = {
        "query_text": QUERY,
        "filters": FILTERS,
        "ranking": RANKING,
        "course_url": RANKING[0],
        "grade": 1,
        **change,
    }
    response = advisor.post("/console/api/labels", json=body)
    assert response.status_code == 422
    assert message in response.text


def test_metrics_match_a_hand_computed_ndcg(advisor: TestClient) -> None:
    """Ranking [1, 2, 3] graded [1, 2, 0]: DCG = 1/log2(2) + 2/log2(3) + 0/log2(4);
    the ideal order [2, 1, 0] gives 2/log2(2) + 1/log2(3)."""
    label(advisor, RANKING[0], 1)
    label(advisor, RANKING[1], 2)
    label(advisor, RANKING[2], 0)
    dcg = 1 / math.log2(2) + 2 / math.log2(3)
    ideal = 2 / math.log2(2) + 1 / math.log2(3)
    metrics = advisor.get("/console/api/metrics", params={"k": 10}).json()
    assert metrics["k"] == 10
    [query] = metrics["queries"]
    assert query["query_text"] == QUERY
    assert query["ndcg"] == pytest.approx(dcg / ideal)  # 0.8597
    assert query["precision"] == pytest.approx(2 / 3)  # two of three labelled graded >= 1
    assert (query["labelled"], query["labels"]) == (3, 3)
    assert metrics["mean"]["ndcg"] == pytest.approx(dcg / ideal)
    assert [point["labels"] for point in metrics["history"]] == [1, 2, 3]
    # after the first label only: grade 1 at rank 1 is the ideal ranking
    assert metrics["history"][0]["ndcg"] == pytest.approx(1.0)


def test_metrics_use_the_latest_ranking_and_k(advisor: TestClient) -> None:
    label(advisor, RANKING[2], 2)
    reordered = [RANKING[2], RANKING[0], RANKING[1]]
    label(advisor, RANKING[0], 0, ranking=reordered)
    at_1 = advisor.get("/console/api/metrics", params={"k": 1}).json()
    assert at_1["queries"][0]["ndcg"] == pytest.approx(1.0)  # the relevant one now leads
    first = at_1["history"][0]  # at that time it was third: nothing relevant in the top 1
    assert first["ndcg"] == 0.0
    assert first["precision"] is None


def test_the_mean_is_over_labelled_queries(advisor: TestClient) -> None:
    label(advisor, RANKING[0], 2)  # query 1: nDCG 1, precision 1
    label(advisor, RANKING[0], 0, query="learn welding")  # query 2: nDCG 0, precision 0
    mean = advisor.get("/console/api/metrics").json()["mean"]
    assert mean == {"ndcg": 0.5, "precision": 0.5, "queries": 2, "labels": 2}


def test_precision_counts_only_labelled_results_in_the_top_k() -> None:
    grades = {"a": 2, "c": 0, "z": 2}
    assert precision_at_k(["a", "b", "c"], grades, 3) == 0.5
    assert precision_at_k(["b", "a"], grades, 1) is None
    assert precision_at_k(["a", "b", "c"], {}, 3) is None


def test_history_is_thinned_but_keeps_the_last_point() -> None:
    ranking = [f"u{i}" for i in range(10)]
    events = [
        LabelEvent(1.0 + i, f"q{i % 25}", ranking[i % 10], i % 3, ranking) for i in range(250)
    ]
    points = history(events, 10)
    assert len(points) == 200
    assert points[-1]["labels"] == 250
    assert points[0]["labels"] == 1


def test_each_label_keeps_the_ranking_it_was_given_on(tmp_path: Path) -> None:
    store = LabelStore(tmp_path / "labels.db")
    for grade, ranking in [(2, ["a", "b"]), (1, ["a", "b"]), (0, ["b", "a"])]:
        store.record(
            query_id="q1", query_text="q", filters={}, ranking=ranking,
            course_url="a", grade=grade, advisor=None, now=5.0,  # same instant: order by row
        )  # fmt: skip
    assert [(e.grade, e.ranking) for e in store.events()] == [
        (2, ["a", "b"]),
        (1, ["a", "b"]),
        (0, ["b", "a"]),
    ]
    assert store.latest_rankings() == {"q1": ["b", "a"]}
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM rankings").fetchone() == (2,)


def test_exports_are_readable_by_the_evaluation_cli(advisor: TestClient, tmp_path: Path) -> None:
    first = label(advisor, RANKING[0], 2)["query_id"]
    label(advisor, RANKING[1], 1)
    label(advisor, RANKING[1], 0)  # re-labelled: the export has the newest grade
    second = label(advisor, RANKING[2], 1, query="learn\tabout\nwelding", filters={})["query_id"]

    exported = advisor.get("/console/api/labels/export")
    assert exported.status_code == 200
    qrels_path = tmp_path / "qrels.json"
    qrels_path.write_bytes(exported.content)
    assert read_qrels(qrels_path) == {
        first: {RANKING[0]: 2, RANKING[1]: 0},
        second: {RANKING[2]: 1},
    }

    tsv = advisor.get("/console/api/labels/queries.tsv")
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    queries_path = tmp_path / "queries.tsv"
    queries_path.write_bytes(tsv.content)
    assert read_queries(queries_path) == {first: QUERY, second: "learn about welding"}


def test_no_labels_yet_means_empty_exports_and_metrics(advisor: TestClient) -> None:
    assert advisor.get("/console/api/labels/export").json() == {}
    assert advisor.get("/console/api/labels/queries.tsv").text == ""
    metrics = advisor.get("/console/api/metrics").json()
    assert metrics["queries"] == [] and metrics["history"] == []
    assert metrics["mean"]["ndcg"] is None
