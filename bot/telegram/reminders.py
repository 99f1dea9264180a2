"""Push a reminder into the Telegram chat when it fires.

Rasa fires the reminder inside the conversation and stores what the advisor says then;
nobody is waiting on a Telegram turn at that moment. The turn that set the reminder
carries its time as a ``reminder`` payload, so this process waits until then, reads the
messages the reminder produced from the conversation, and sends them to the chat. A new
reminder for the same chat replaces the old one; a ``reminder`` payload without a time
cancels it. Pending deliveries live in this process: a restart forgets them (Rasa's own
reminders are in memory too).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timezone

from bot.messages import Message, reminder_change

logger = logging.getLogger(__name__)

GRACE_SECONDS = 1.5  # after the due time, before the conversation is read
RETRIES = 5  # a reminder not in the conversation yet (clocks differ) is looked for again
MAX_WAIT_SECONDS = 40 * 24 * 3600.0  # beyond this the delivery is not scheduled

# deliver(chat id, Unix time the reminder was set) -> True once the messages were sent.
Deliver = Callable[[int, float], Awaitable[bool]]


class ReminderDeliveries:
    """One pending delivery per chat."""

    def __init__(self, deliver: Deliver) -> None:
        self._deliver = deliver
        self._pending: dict[int, asyncio.Task[None]] = {}

    def update(self, chat_id: int, messages: Sequence[Message]) -> None:
        """Schedule, replace or cancel the chat's delivery from a turn's messages."""
        change = reminder_change(messages)
        if change is None:
            return
        self.cancel(chat_id)
        at = change.at
        if at is None:
            return
        wait = (at - datetime.now(timezone.utc)).total_seconds()
        if wait > MAX_WAIT_SECONDS:
            logger.info("chat %s: reminder too far ahead to wait for", chat_id)
            return
        since = datetime.now(timezone.utc).timestamp()
        task = asyncio.create_task(self._run(chat_id, max(wait, 0.0), since))
        self._pending[chat_id] = task
        task.add_done_callback(lambda done: self._forget(chat_id, done))

    def cancel(self, chat_id: int) -> None:
        """Drop the chat's pending delivery, if any."""
        task = self._pending.pop(chat_id, None)
        if task is not None:
            task.cancel()

    def _forget(self, chat_id: int, task: asyncio.Task[None]) -> None:
        if self._pending.get(chat_id) is task:
            del self._pending[chat_id]

    async def _run(self, chat_id: int, wait: float, since: float) -> None:
        await asyncio.sleep(wait + GRACE_SECONDS)
        for attempt in range(RETRIES + 1):
            try:
                if await self._deliver(chat_id, since):
                    return
            except Exception:  # a failed delivery must not end the bot; it is logged
                logger.exception("chat %s: reminder delivery failed", chat_id)
                return
            if attempt < RETRIES:
                await asyncio.sleep(GRACE_SECONDS * (attempt + 1))
        logger.warning("chat %s: the reminder never appeared in the conversation", chat_id)

    async def aclose(self) -> None:
        """Cancel every pending delivery (the application's shutdown)."""
        tasks = list(self._pending.values())
        self._pending.clear()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
