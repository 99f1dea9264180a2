"""The console's two pages (login, console) and their static scripts and styles.

Plain files, no templating: the pages hold no data, everything arrives through the
JSON API after login. A strict Content-Security-Policy allows only these files, so
text from learners or the catalog can never run as script.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse

from bot.console.state import current_session

router = APIRouter(prefix="/console")

STATIC_DIR = Path(__file__).resolve().parent / "static"
_MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _file(name: str, cache: str) -> FileResponse:
    path = STATIC_DIR / name
    return FileResponse(
        path,
        media_type=_MEDIA_TYPES[path.suffix],
        headers={**SECURITY_HEADERS, "Cache-Control": cache},
    )


@router.get("", include_in_schema=False)
def console_page(request: Request) -> FileResponse:
    """The console when logged in, else the login page (same URL, so bookmarks work)."""
    page = "console.html" if current_session(request) else "login.html"
    return _file(page, "no-store")


@router.get("/static/{name}", include_in_schema=False)
def static_file(name: str) -> FileResponse:
    """A script or stylesheet of the console; only files that exist in static/ by name."""
    allowed = {p.name for p in STATIC_DIR.iterdir() if p.suffix in {".js", ".css"}}
    if name not in allowed:
        raise HTTPException(status_code=404, detail="Not found")
    return _file(name, "no-cache")
