"""Log in and out of the console.

The session cookie is HttpOnly (page scripts never see it) and SameSite=Strict (no
other site can make the browser send it), scoped to ``/console``, and Secure when
the app is served over HTTPS.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request, status
from fastapi.responses import JSONResponse

from bot.console.auth import (
    SESSION_COOKIE,
    SESSION_TTL_SECONDS,
    clean_advisor_name,
    password_matches,
)
from bot.console.state import SettingsDep, console_state, current_session

router = APIRouter(prefix="/console")

NOT_CONFIGURED = (
    "The advisor console is switched off: no console password is configured. "
    "Set CREDWISE_CONSOLE_PASSWORD and restart the web app."
)
WRONG_PASSWORD = "Wrong password."
MAX_LOGIN_BODY = 4096


async def _credentials(request: Request) -> dict[str, Any]:
    """The login form as JSON or ``application/x-www-form-urlencoded``; {} if unreadable."""
    body = await request.body()
    if len(body) > MAX_LOGIN_BODY:
        return {}
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(body)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    fields = parse_qs(body.decode("utf-8", errors="replace"))
    return {name: values[0] for name, values in fields.items() if values}


def _client(request: Request) -> str:
    """Whom failed attempts are counted against (the peer address)."""
    return request.client.host if request.client else "unknown"


@router.get("/auth/status")
def auth_status(request: Request, settings: SettingsDep) -> dict[str, Any]:
    """Whether logins are possible at all, and whether this browser is logged in."""
    session = current_session(request)
    return {
        "configured": bool(settings.console_password),
        "logged_in": session is not None,
        "advisor": session.advisor if session else None,
        "message": None if settings.console_password else NOT_CONFIGURED,
    }


@router.post("/login")
async def login(request: Request, settings: SettingsDep) -> JSONResponse:
    """Check the password; on success set the session cookie."""
    if not settings.console_password:
        return JSONResponse({"detail": NOT_CONFIGURED}, status_code=status.HTTP_403_FORBIDDEN)
    state = console_state(request)
    client = _client(request)
    wait = state.limiter.retry_after(client)
    if wait is not None:
        return JSONResponse(
            {"detail": f"Too many failed logins. Try again in {wait:.0f} seconds."},
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            headers={"Retry-After": str(int(wait + 0.999))},
        )
    credentials = await _credentials(request)
    password = credentials.get("password")
    if not isinstance(password, str) or not password_matches(password, settings.console_password):
        state.limiter.failed(client)
        return JSONResponse({"detail": WRONG_PASSWORD}, status_code=status.HTTP_401_UNAUTHORIZED)
    state.limiter.succeeded(client)
    session = state.sessions.create(clean_advisor_name(credentials.get("name")))
    response = JSONResponse({"ok": True, "advisor": session.advisor})
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        max_age=SESSION_TTL_SECONDS,
        path="/console",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logout")
def logout(request: Request) -> JSONResponse:
    """End the session and clear the cookie."""
    console_state(request).sessions.revoke(request.cookies.get(SESSION_COOKIE))
    response = JSONResponse({"ok": True})
    response.delete_cookie(
        SESSION_COOKIE,
        path="/console",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response
