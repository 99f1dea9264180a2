"""``/console/api/labels`` and ``/console/api/metrics``: judge results, measure the ranking.

The export endpoints write the formats of the development set (``qid<TAB>text`` and
``{qid: {course_url: grade}}``), so ``python -m index eval --queries … --qrels …``
scores the current search against what the advisors judged.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, status
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.console.labels import LabelStore
from bot.console.metrics import compute_metrics
from bot.console.queries import canonical_filters, query_id
from bot.console.ranking import MAX_K
from bot.console.state import SessionDep, SettingsDep
from index.filters import Filters

router = APIRouter()

MAX_URL = 2000
MAX_QUERY = 500


class LabelRequest(BaseModel):
    """A grade for one result of a ranking, with the ranking and query it was shown for."""

    model_config = ConfigDict(extra="forbid")

    query_text: str = Field(min_length=1, max_length=MAX_QUERY)
    filters: dict[str, Any]  # ``query.filters`` of the rank response
    ranking: list[str] = Field(min_length=1, max_length=MAX_K)  # label keys, in rank order
    course_url: str = Field(min_length=1, max_length=MAX_URL)
    grade: Literal[0, 1, 2]


def _store(settings: SettingsDep) -> LabelStore:
    return LabelStore(settings.labels_db_path)


@router.post("/labels")
def add_label(body: LabelRequest, settings: SettingsDep, session: SessionDep) -> dict[str, Any]:
    """Store a label; the query id is recomputed here from the text and filters."""
    try:
        filters = Filters.model_validate(body.filters)
    except ValidationError as error:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"filters not understood: {error}"
        ) from error
    if body.course_url not in body.ranking:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "the labelled course is not in the ranking"
        )
    if any(len(url) > MAX_URL for url in body.ranking):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "ranking entry too long")
    text = body.query_text.strip()
    qid = query_id(text, filters)
    store = _store(settings)
    store.record(
        query_id=qid,
        query_text=text,
        filters=canonical_filters(filters),
        ranking=body.ranking,
        course_url=body.course_url,
        grade=body.grade,
        advisor=session.advisor,
    )
    return {"query_id": qid, "labels": store.grades(qid)}


@router.get("/metrics")
def metrics(settings: SettingsDep, k: int = Query(default=10, ge=1, le=100)) -> dict[str, Any]:
    """nDCG@k and precision@k per labelled query, their means, and their history."""
    return compute_metrics(_store(settings), k)


@router.get("/labels/export")
def export_qrels(settings: SettingsDep) -> JSONResponse:
    """``{query_id: {course_url: grade}}`` with each pair's latest grade (qrels format)."""
    return JSONResponse(
        _store(settings).qrels(),
        headers={"Content-Disposition": 'attachment; filename="console_qrels.json"'},
    )


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


@router.get("/labels/queries.tsv")
def export_queries(settings: SettingsDep) -> PlainTextResponse:
    """``query_id<TAB>text`` per labelled query, the companion of the qrels export."""
    lines = [f"{qid}\t{_one_line(text)}\n" for qid, text in _store(settings).queries().items()]
    return PlainTextResponse(
        "".join(lines),
        media_type="text/tab-separated-values; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="console_queries.tsv"'},
    )
