"""Check what a browser sends before anything reaches Rasa.

``/api/chat`` is open to the internet on a provider's site, so a request is refused
early and cheaply, always with a JSON ``{"error": …}`` body the widget can show:
415 for a body that is not JSON, 413 for a body or message that is too long (checked
while reading, so a huge upload is never held in memory), 400 for JSON that does not
parse or is not an object, 422 for a missing or malformed field ("Please type a message."
for one with nothing visible in it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from starlette.requests import Request

from addons.blank import PLEASE_TYPE, is_blank

MAX_MESSAGE_CHARS = 5_000
MAX_SENDER_CHARS = 128
MAX_SHOWN_CHARS = 500  # a quick reply's title
# A message of MAX_MESSAGE_CHARS characters fits even when every one is \uXXXX-escaped.
MAX_BODY_BYTES = MAX_MESSAGE_CHARS * 12 + 1_024
EMPTY_MESSAGE = PLEASE_TYPE  # see addons.blank: Rasa must never get a blank message
SENDER_PATTERN = re.compile(rf"[A-Za-z0-9_-]{{1,{MAX_SENDER_CHARS}}}")


class InvalidRequestError(Exception):
    """A request the widget API refuses, with the status and message to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class ChatRequest:
    """A valid learner message; ``shown`` is what the learner's bubble said, when that is
    not the message itself (a pressed button shows its title and sends its payload)."""

    sender: str
    message: str
    shown: str | None = None


def check_sender(sender: object) -> str:
    """The conversation id, if it is 1–128 letters, digits, '_' or '-'."""
    if not isinstance(sender, str) or not SENDER_PATTERN.fullmatch(sender):
        raise InvalidRequestError(
            422,
            f"'sender' must be 1–{MAX_SENDER_CHARS} characters: letters, digits, '_' or '-'.",
        )
    return sender


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise InvalidRequestError(413, "The request is too large.")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_BODY_BYTES:
            raise InvalidRequestError(413, "The request is too large.")
    return bytes(body)


async def chat_request(request: Request) -> ChatRequest:
    """The validated ``{"sender", "message", "shown"?}`` of a ``POST /api/chat``."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise InvalidRequestError(415, "Send the message as JSON (Content-Type: application/json).")
    body = await _read_body(request)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        raise InvalidRequestError(400, "The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise InvalidRequestError(400, 'The body must be a JSON object: {"sender", "message"}.')
    try:  # JSON may escape a lone surrogate ("\\ud800"): no text, and unsendable to Rasa
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRequestError(400, "The request body is not valid UTF-8 text.") from None
    sender = check_sender(data.get("sender"))
    message = data.get("message")
    if not isinstance(message, str):
        raise InvalidRequestError(422, "'message' must be a string.")
    if is_blank(message):
        raise InvalidRequestError(422, EMPTY_MESSAGE)
    if len(message) > MAX_MESSAGE_CHARS:
        raise InvalidRequestError(
            413, f"The message is too long: at most {MAX_MESSAGE_CHARS:,} characters."
        )
    shown = data.get("shown")
    if shown is not None and (not isinstance(shown, str) or len(shown) > MAX_SHOWN_CHARS):
        raise InvalidRequestError(
            422, f"'shown' must be a string of at most {MAX_SHOWN_CHARS} characters."
        )
    return ChatRequest(sender=sender, message=message, shown=shown or None)
