"""``/console/api/handoffs``: the learners waiting for a person, and answering them.

Replies and the hand-back go into the learner's conversation through Rasa's HTTP API
(bot.gateway, events.py); the queue itself is the action server's SQLite file
(handoffs.py). Rasa unreachable is a 503 (try again later); Rasa answering with an
error is a 502, a configuration problem such as a wrong token.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field

from advisor.profile import LearnerProfile, summary_lines
from bot.console.events import ADVISOR_SOURCE, RESUME_MESSAGE, advisor_event
from bot.console.handoffs import Handoff, HandoffQueue
from bot.console.state import SessionDep, SettingsDep
from bot.gateway import RasaGateway, RasaUnavailableError
from bot.telegram.push import push

router = APIRouter()

MAX_REPLY = 2000
SPEAKERS = {"user": "learner", "bot": "credwise"}


def rasa_gateway(request: Request) -> RasaGateway:
    """The web app's gateway to Rasa (a dependency, so tests can swap it)."""
    gateway: RasaGateway = request.app.state.rasa
    return gateway


RasaDep = Annotated[RasaGateway, Depends(rasa_gateway)]


def _failed(error: RasaUnavailableError) -> HTTPException:
    """503 when Rasa did not answer, 502 when it answered with an error."""
    if error.status is None:
        return HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(error))
    return HTTPException(status.HTTP_502_BAD_GATEWAY, str(error))


class ReplyRequest(BaseModel):
    """An advisor's message to the learner."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_REPLY)


class ResumeRequest(BaseModel):
    """Hand the learner back to the bot, by default with a line saying so."""

    model_config = ConfigDict(extra="forbid")

    announce: bool = True


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).isoformat(timespec="seconds")


def _payload(handoff: Handoff) -> dict[str, Any]:
    return {
        "id": handoff.id,
        "sender_id": handoff.sender_id,
        "requested_at": handoff.requested_at,
        "requested_iso": _iso(handoff.requested_at),
        "status": handoff.status,
        "profile": handoff.profile,
        "profile_summary": summary_lines(LearnerProfile.model_validate(handoff.profile)),
        "transcript": handoff.transcript,
    }


def _waiting(queue: HandoffQueue, handoff_id: int) -> Handoff:
    handoff = queue.get(handoff_id)
    if handoff is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No hand-over request {handoff_id}.")
    if handoff.status != "waiting":
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"Hand-over request {handoff_id} is {handoff.status}: "
            "the learner is already back with the bot.",
        )
    return handoff


async def _append(rasa: RasaGateway, sender_id: str, events: list[dict[str, Any]]) -> None:
    try:
        await rasa.append_events(sender_id, events)
    except RasaUnavailableError as error:
        raise _failed(error) from error


@router.get("/handoffs")
def list_handoffs(settings: SettingsDep) -> dict[str, Any]:
    """Waiting requests, newest first, each with the learner's profile and transcript."""
    queue = HandoffQueue(settings.handoff_db_path)
    return {"handoffs": [_payload(handoff) for handoff in queue.waiting()]}


@router.get("/handoffs/{handoff_id}/conversation")
async def conversation(handoff_id: int, settings: SettingsDep, rasa: RasaDep) -> dict[str, Any]:
    """The conversation as it is now, including what the learner wrote after asking."""
    handoff = HandoffQueue(settings.handoff_db_path).get(handoff_id)
    if handoff is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No hand-over request {handoff_id}.")
    try:
        tracker = await rasa.tracker(handoff.sender_id)
    except RasaUnavailableError as error:
        raise _failed(error) from error
    messages = []
    for event in tracker.events:
        speaker = SPEAKERS.get(str(event.get("event")))
        if speaker is None or not event.get("text"):
            continue
        if (event.get("metadata") or {}).get("source") == ADVISOR_SOURCE:
            speaker = "advisor"
        messages.append({"from": speaker, "text": str(event["text"]), "at": event.get("timestamp")})
    return {
        "sender_id": handoff.sender_id,
        "paused": tracker.paused,
        "messages": messages,
    }


@router.post("/handoffs/{handoff_id}/reply")
async def reply(
    handoff_id: int,
    body: ReplyRequest,
    settings: SettingsDep,
    session: SessionDep,
    rasa: RasaDep,
) -> dict[str, Any]:
    """Post the advisor's message into the learner's conversation as a bot event, and to
    their Telegram chat when they talk to Credwise there (``telegram``: delivered or not,
    null for other channels)."""
    if not body.text.strip():
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "The reply is empty.")
    handoff = _waiting(HandoffQueue(settings.handoff_db_path), handoff_id)
    event = advisor_event(session.advisor, body.text)
    await _append(rasa, handoff.sender_id, [event])
    delivered = await push(settings, handoff.sender_id, event["text"])
    return {"ok": True, "event": event, "telegram": delivered}


@router.post("/handoffs/{handoff_id}/resume")
async def resume(
    handoff_id: int, settings: SettingsDep, rasa: RasaDep, body: ResumeRequest | None = None
) -> dict[str, Any]:
    """Un-pause the bot for this learner (optionally saying so) and close the request."""
    queue = HandoffQueue(settings.handoff_db_path)
    handoff = _waiting(queue, handoff_id)
    now = time.time()
    events: list[dict[str, Any]] = [{"event": "resume", "timestamp": now}]
    if body is None or body.announce:
        events.append({"event": "bot", "text": RESUME_MESSAGE, "timestamp": now})
    await _append(rasa, handoff.sender_id, events)
    queue.close(handoff_id)
    delivered = None
    if body is None or body.announce:
        delivered = await push(settings, handoff.sender_id, RESUME_MESSAGE)
    return {"ok": True, "status": "closed", "telegram": delivered}
