"""Per-app console state and the FastAPI dependencies every console route shares.

State hangs off ``app.state`` rather than module globals so that two apps in one
process (tests do this) never share sessions or login counters.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status

from bot.console.auth import SESSION_COOKIE, LoginLimiter, Session, SessionStore
from bot.settings import BotSettings

_STATE_ATTRIBUTE = "console"
_create_lock = threading.Lock()


@dataclass
class ConsoleState:
    """Sessions and failed-login counters of one web app."""

    sessions: SessionStore = field(default_factory=SessionStore)
    limiter: LoginLimiter = field(default_factory=LoginLimiter)


def console_state(request: Request) -> ConsoleState:
    """This app's console state, created on first use."""
    app_state = request.app.state
    state = getattr(app_state, _STATE_ATTRIBUTE, None)
    if state is None:
        with _create_lock:
            state = getattr(app_state, _STATE_ATTRIBUTE, None)
            if state is None:
                state = ConsoleState()
                setattr(app_state, _STATE_ATTRIBUTE, state)
    assert isinstance(state, ConsoleState)
    return state


def bot_settings(request: Request) -> BotSettings:
    """The settings the web app was created with."""
    settings = request.app.state.settings
    assert isinstance(settings, BotSettings)
    return settings


def current_session(request: Request) -> Session | None:
    """The session named by the request's cookie, if it is live."""
    return console_state(request).sessions.get(request.cookies.get(SESSION_COOKIE))


def require_session(request: Request) -> Session:
    """Dependency of every ``/console/api`` route: 401 JSON without a live session."""
    session = current_session(request)
    if session is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Not logged in to the advisor console (or the session expired).",
        )
    return session


SettingsDep = Annotated[BotSettings, Depends(bot_settings)]
SessionDep = Annotated[Session, Depends(require_session)]
