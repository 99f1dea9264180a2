"""The console's routes: its pages and login are public, all of /console/api needs a session."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, status

from bot.console import api_handoffs, api_labels, api_rank, login, pages
from bot.console.state import require_session

router = APIRouter()
router.include_router(pages.router)
router.include_router(login.router)

_api = APIRouter(prefix="/console/api", dependencies=[Depends(require_session)])
_api.include_router(api_rank.router)
_api.include_router(api_labels.router)
_api.include_router(api_handoffs.router)


@_api.api_route(
    "/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False
)
def unknown_api_route(rest: str) -> None:
    """Any other /console/api path: 401 without a session (so nothing is probed), else 404."""
    raise HTTPException(status.HTTP_404_NOT_FOUND, f"No console API route /{rest}.")


router.include_router(_api)
