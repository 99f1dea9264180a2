"""Rasa's REST channel with its input checked first: 4xx for bad requests, never a 500.

Rasa 3.6.21's own REST channel answers 500 with a traceback to a body that is JSON but
not an object (an empty body, ``null``, ``[1]``), answers a blank message with silence
(its logistic-regression classifier fails on a message without tokens), takes a sender
id longer than the tracker store's 255-character column, and answers a form body with
an HTML page. This channel keeps the same URL (``/webhooks/rest/webhook``), request and
reply shapes, and turns each of those into a JSON ``{"error": …}`` with a 4xx status,
or, for a blank message, into a friendly request to type one.
"""

from __future__ import annotations

import json
import logging
from asyncio import CancelledError
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.utils.endpoints import bool_arg
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from addons import action_results, event_types
from addons.blank import PLEASE_TYPE, is_blank  # one rule for every channel

logger = logging.getLogger(__name__)

# Generous: the public web app already stops messages over 5,000 characters.
MAX_MESSAGE_CHARS = 20_000
MAX_SENDER_CHARS = 255  # Rasa's SQL tracker store keeps sender ids in a VARCHAR(255)
MAX_BODY_BYTES = MAX_MESSAGE_CHARS * 12 + 16_384  # room for \uXXXX escapes and metadata
FORGET_ME_INTENT = "forget_me"
FORGET_ME_ACTION = "action_forget_me"
# Deleting a conversation cannot be undone: only a clear request does it while paused.
FORGET_ME_CONFIDENCE = 0.6


class RequestRefusedError(Exception):
    """A request the channel refuses, with the status and message to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def parse_turn(body: bytes) -> dict[str, Any]:
    """The checked fields of one REST request, or :class:`RequestRefusedError`."""
    if len(body) > MAX_BODY_BYTES:
        raise RequestRefusedError(413, f"The body is larger than {MAX_BODY_BYTES} bytes.")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RequestRefusedError(400, "The body must be JSON text in UTF-8.") from None
    if not isinstance(payload, dict):
        raise RequestRefusedError(400, 'The body must be a JSON object: {"sender", "message"}.')
    sender, message = payload.get("sender"), payload.get("message")
    metadata = payload.get("metadata")
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_SENDER_CHARS:
        raise RequestRefusedError(
            422, f"'sender' must be a string of 1–{MAX_SENDER_CHARS} characters."
        )
    if not sender.isprintable():
        raise RequestRefusedError(422, "'sender' must not contain control characters.")
    if not isinstance(message, str):
        raise RequestRefusedError(422, "'message' must be a string.")
    if len(message) > MAX_MESSAGE_CHARS:
        raise RequestRefusedError(
            413,
            f"The message is longer than {MAX_MESSAGE_CHARS} characters; please shorten it.",
        )
    if metadata is not None and not isinstance(metadata, dict):
        raise RequestRefusedError(422, "'metadata' must be a JSON object.")
    channel = payload.get("input_channel")
    return {
        "sender": sender,
        "message": message,
        "metadata": metadata,
        "input_channel": channel if isinstance(channel, str) and channel else None,
    }


async def forget_if_asked_while_paused(
    agent: Any, sender: str, collector: CollectingOutputChannel
) -> None:
    """Run "forget me" in a conversation paused for a human advisor.

    Rasa reads the message of a paused conversation (its intent is in the tracker) but
    predicts nothing, so "forget me" would meet silence and delete nothing while the
    learner waits for an advisor. Erasure is a right in every state: the action runs
    here, under the conversation's lock; it removes the advisor's queue entry too and
    restarts (which ends the pause).
    """
    if agent is None or agent.processor is None:
        return
    async with agent.lock_store.lock(sender):
        tracker = await agent.processor.get_tracker(sender)
        intent = (tracker.latest_message.intent or {}) if tracker.latest_message else {}
        if not tracker.is_paused() or intent.get("name") != FORGET_ME_INTENT:
            return
        if float(intent.get("confidence") or 0.0) < FORGET_ME_CONFIDENCE:
            return
        await agent.execute_action(sender, FORGET_ME_ACTION, collector, None, None)


class CheckedRestInput(RestInput):
    """The ``rest`` channel, refusing malformed requests before Rasa sees them."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """``GET /`` health and ``POST /webhook``, as Rasa's REST channel has them.

        Built once when Rasa starts serving: the moment to make what every turn costs
        cheaper (``addons.action_results``, ``addons.event_types``).
        """
        action_results.install()
        event_types.install()
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Any:
            try:
                turn = parse_turn(request.body)
            except RequestRefusedError as refused:
                return response.json({"error": refused.message}, status=refused.status)
            sender, text = turn["sender"], turn["message"]
            if is_blank(text):
                return response.json([{"recipient_id": sender, "text": PLEASE_TYPE}])
            channel = turn["input_channel"] or self.name()
            if bool_arg(request, "stream", default=False):
                stream = self.stream_response(
                    on_new_message, text, sender, channel, turn["metadata"]
                )
                # Rasa's Sanic (21.12) has response.stream; the newer one mypy reads has not.
                return response.stream(stream, content_type="text/event-stream")  # type: ignore[attr-defined]
            collector = CollectingOutputChannel()
            message = UserMessage(
                text, collector, sender, input_channel=channel, metadata=turn["metadata"]
            )
            try:
                await on_new_message(message)
                if not collector.messages:
                    await forget_if_asked_while_paused(request.app.ctx.agent, sender, collector)
            except CancelledError:
                logger.error("turn of %s timed out", sender)
            except Exception as error:
                # The channels turn an empty answer into an apology; the cause goes to the
                # log on one line (the traceback at debug level).
                logger.error("turn of %s failed: %r", sender, error)
                logger.debug("turn of %s failed", sender, exc_info=True)
            return response.json(collector.messages)

        return webhook
