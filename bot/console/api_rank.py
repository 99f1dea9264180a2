"""``/console/api/personas`` and ``/console/api/rank``: try a profile against the search."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, ConfigDict, Field, field_validator

from advisor.profile import LearnerProfile
from bot.console.labels import LabelStore
from bot.console.personas import PERSONAS
from bot.console.ranking import MAX_K, EmptyQueryError, rank_profile
from bot.console.state import SettingsDep
from index.filters import Filters

router = APIRouter()


class RankRequest(BaseModel):
    """A profile to rank for, and constraints to switch off to see what they cost."""

    model_config = ConfigDict(extra="forbid")

    profile: LearnerProfile
    disabled_filters: list[str] = []
    k: int = Field(default=10, ge=1, le=MAX_K)

    @field_validator("disabled_filters")
    @classmethod
    def _known_filters(cls, names: list[str]) -> list[str]:
        unknown = sorted(set(names) - set(Filters.model_fields))
        if unknown:
            raise ValueError(f"unknown filters: {', '.join(unknown)}")
        return names


@router.get("/personas")
def personas() -> dict[str, Any]:
    """The ready-made profiles."""
    return {"personas": [p.payload() for p in PERSONAS]}


@router.post("/rank")
def rank(body: RankRequest, settings: SettingsDep) -> dict[str, Any]:
    """The ranking for a profile, with scores, filters, occupation and existing labels.

    A plain ``def``: FastAPI runs it in a worker thread, so the search (CPU-bound, and
    several seconds the first time while the index loads) never blocks the event loop.
    """
    try:
        ranking = rank_profile(body.profile, set(body.disabled_filters), body.k)
    except EmptyQueryError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
    ranking["labels"] = LabelStore(settings.labels_db_path).grades(ranking["query"]["id"])
    return ranking
