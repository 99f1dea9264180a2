"""The real bot, the real Rasa model and action server, and the Bot API stand-in, over HTTP.

Updates reach the bot through the stand-in's ``getUpdates`` (polling, as in production)
or through ``Application.process_update`` (which returns when the turn is done, so the
test knows when to look); either way every call the bot makes goes to the stand-in over
HTTP. Each test uses its own chat, so the session's shared Rasa keeps them apart.
"""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Update

from bot.telegram.handlers import RATE_LIMITED, sender_id
from bot.telegram.rate_limit import RateLimiter
from bot.telegram.rendering import NEXT_PROMPT, OPEN_COURSE
from tests.stack import Stack
from tests.telegram.bot_api import BotApiStandIn, Call, callback_update, deliver, message_update
from tests.telegram.conftest import MakeBot

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

TURN_SECONDS = 60  # the first search also loads the catalog index in the action server
INTERVIEW = [
    "hi, I'm an accountant and I want to get into data analytics",
    "about 5 hours a week",
    "within 3 months",
    "under 300 dollars",
    "online, at my own pace",
    "doesn't matter",
]


def said_to_rasa(stack: Stack, chat_id: int) -> list[str]:
    """What Rasa heard from this chat, from its tracker."""
    events: list[dict[str, Any]] = stack.tracker(sender_id(chat_id))["events"]
    return [str(event["text"]) for event in events if event["event"] == "user"]


def card_messages(calls: list[Call]) -> list[Call]:
    """The messages that are course cards: they carry a link button."""
    return [call for call in calls if any("url" in button for button in call.buttons)]


async def test_start_by_polling_greets_with_an_inline_keyboard(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, chat_id: int
) -> None:
    bot = await make_bot(stack.rasa_url)
    bot_api.push(message_update(chat_id, "/start"))
    assert bot.updater is not None
    await bot.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=Update.ALL_TYPES)
    await bot.start()
    try:
        [greeting] = await bot_api.wait_for("sendMessage", timeout=TURN_SECONDS)
    finally:
        await bot.updater.stop()
        await bot.stop()
    assert bot_api.calls("deleteWebhook")  # polling first clears any webhook
    assert "I'm Credwise" in greeting.params["text"]
    assert greeting.params["parse_mode"] == "HTML"
    payloads = [button["callback_data"] for button in greeting.buttons]
    assert "I want to become a data analyst" in payloads
    assert said_to_rasa(stack, chat_id) == ["hi"]


async def test_a_typed_goal_is_relayed_and_the_next_question_comes_back(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, chat_id: int
) -> None:
    bot = await make_bot(stack.rasa_url)
    await deliver(bot, message_update(chat_id, "I want to become a data analyst"))
    assert said_to_rasa(stack, chat_id) == ["I want to become a data analyst"]
    replies = bot_api.calls("sendMessage")
    assert replies and "?" in replies[-1].params["text"]  # the interview's next question
    assert all(reply.params["chat_id"] == chat_id for reply in replies)
    assert bot_api.calls("sendChatAction")


async def test_a_button_press_is_answered_and_its_payload_relayed(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, chat_id: int
) -> None:
    bot = await make_bot(stack.rasa_url)
    await deliver(bot, message_update(chat_id, "/start"))
    [greeting] = bot_api.calls("sendMessage")
    button = greeting.buttons[0]
    press = callback_update(chat_id, button["callback_data"], message_id=4242)
    await deliver(bot, press)
    [answer] = bot_api.calls("answerCallbackQuery")
    assert answer.params["callback_query_id"] == press["callback_query"]["id"]
    assert said_to_rasa(stack, chat_id) == ["hi", button["callback_data"]]
    assert len(bot_api.calls("sendMessage")) > 1  # the advisor answered the choice
    [removed] = bot_api.calls("editMessageReplyMarkup")
    assert removed.params["message_id"] == 4242 and "reply_markup" not in removed.params


async def test_a_recommendation_arrives_as_cards_with_link_buttons(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, chat_id: int
) -> None:
    bot = await make_bot(stack.rasa_url)
    for answer in INTERVIEW:
        await deliver(bot, message_update(chat_id, answer))
    cards = card_messages(bot_api.calls("sendMessage"))
    assert len(cards) == 3
    for position, card in enumerate(cards, start=1):
        assert card.params["text"].startswith(f"<b>{position}. ")
        assert "<b>Why:</b>" in card.params["text"] and "<b>Cost:</b>" in card.params["text"]
        [link] = card.buttons
        assert link["text"] == OPEN_COURSE and link["url"].startswith("https://")
    assert not any("   Why: " in text for text in bot_api.sent_texts())  # no plain-text copy
    follow_up = bot_api.calls("sendMessage")[-1]
    assert follow_up.params["text"] == NEXT_PROMPT
    by_title = {button["text"]: button["callback_data"] for button in follow_up.buttons}

    # The comparison button carries JSON in its payload; it reaches Rasa intact.
    before = len(bot_api.calls("sendMessage"))
    await deliver(bot, callback_update(chat_id, by_title["Compare #1 and #2"], message_id=7))
    assert said_to_rasa(stack, chat_id)[-1] == '/compare_courses{"positions": "1,2"}'
    compared = card_messages(bot_api.calls("sendMessage")[before:])
    assert [c.params["text"].split("</b>")[0] for c in compared] == [
        cards[0].params["text"].split("</b>")[0],
        cards[1].params["text"].split("</b>")[0],
    ]


async def test_commands_map_to_the_advisors_own_commands(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, chat_id: int
) -> None:
    bot = await make_bot(stack.rasa_url)
    for command in ["/start", "/help", "/restart", "/forget"]:
        await deliver(bot, message_update(chat_id, command))
    greeting, help_text, restarted, forgotten = bot_api.sent_texts()
    assert "I'm Credwise" in greeting
    assert "forget me" in help_text
    assert "Fresh start" in restarted
    assert "deleted" in forgotten


async def test_a_burst_over_the_rate_limit_gets_one_polite_notice_and_is_dropped(
    make_bot: MakeBot, bot_api: BotApiStandIn, stack: Stack, chat_id: int
) -> None:
    bot = await make_bot(stack.rasa_url, RateLimiter(capacity=3, period=60))
    for n in range(6):
        await deliver(bot, message_update(chat_id, f"hello {n}"))
    assert said_to_rasa(stack, chat_id) == ["hello 0", "hello 1", "hello 2"]
    texts = bot_api.sent_texts()
    assert texts.count(RATE_LIMITED) == 1 and texts[-1] == RATE_LIMITED
