"""A reminder set in the chat fires in the real Rasa and arrives in the Telegram chat.

The real bot, Rasa, the action server and the Bot API stand-in, over HTTP; the reminder
is set a few seconds ahead so the test waits for Rasa's own scheduler to fire it.
"""

from __future__ import annotations

import re

import pytest

from bot.messages import Reminder, from_reply, reminder_change
from tests.stack import Stack
from tests.telegram.bot_api import BotApiStandIn, deliver, message_update
from tests.telegram.conftest import MakeBot
from tests.telegram.test_bot_with_rasa import INTERVIEW, TURN_SECONDS, card_messages

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

REMINDER_SECONDS = 4


async def test_a_reminder_brings_the_shortlist_back_into_the_chat(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, chat_id: int
) -> None:
    bot = await make_bot(stack.rasa_url, auth_token=stack.rasa_token)
    for text in INTERVIEW:
        await deliver(bot, message_update(chat_id, text))
    shown = card_messages(bot_api.calls("sendMessage"))
    assert shown, "the interview should end in course cards"
    before = len(bot_api.calls("sendMessage"))
    await deliver(bot, message_update(chat_id, f"remind me in {REMINDER_SECONDS} seconds"))
    [confirmation] = bot_api.calls("sendMessage")[before:]
    assert "remind you" in confirmation.params["text"]
    fired = await bot_api.wait_for(
        "sendMessage",
        where=lambda call: "reminder you asked for" in call.params["text"],
        timeout=REMINDER_SECONDS + TURN_SECONDS,
    )
    assert fired[0].params["chat_id"] == chat_id
    later = " ".join(call.params["text"] for call in bot_api.calls("sendMessage")[before + 1 :])
    titles = [re.search(r"<b>\d+\. (.+?)</b>", card.params["text"]) for card in shown]
    assert titles and all(t is not None and t.group(1) in later for t in titles)


async def test_a_cancelled_reminder_is_not_delivered(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, chat_id: int
) -> None:
    bot = await make_bot(stack.rasa_url, auth_token=stack.rasa_token)
    await deliver(bot, message_update(chat_id, "remind me in 3 seconds"))
    await deliver(bot, message_update(chat_id, "cancel my reminder"))
    texts = [call.params["text"] for call in bot_api.calls("sendMessage")]
    assert any("Cancelled" in text for text in texts)
    with pytest.raises(AssertionError):
        await bot_api.wait_for(
            "sendMessage",
            where=lambda call: (
                "reminder" in call.params["text"].lower()
                and "Cancelled" not in call.params["text"]
                and "remind you" not in call.params["text"]
            ),
            timeout=8,
        )


def test_the_reminder_payload_is_read_and_a_bad_time_cancels() -> None:
    def change(*reply: dict[str, object]) -> Reminder | None:
        return reminder_change(from_reply(list(reply)))

    found = change({"custom": {"type": "reminder", "at": "2026-12-11T09:30:00+00:00"}})
    assert found is not None and found.at is not None and found.at.day == 11
    assert change({"custom": {"type": "reminder", "at": "soon"}}) == Reminder(None)
    assert change({"text": "hello"}) is None
