"""What the bot does with each Telegram update: relay it to Rasa and send the answer back.

The advisor lives in Rasa; this module only translates. Each private chat is one Rasa
conversation (sender ``tg-<chat id>``). Updates are processed concurrently across chats,
but one chat's turns go to Rasa one at a time and in order, because a conversation's
tracker must see its turns in sequence.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from telegram import Bot, BotCommand, LinkPreviewOptions, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from addons.blank import PLEASE_TYPE, is_blank
from bot.gateway import RasaGateway, RasaUnavailableError
from bot.messages import after_reminder
from bot.telegram.callback_keys import CallbackKeys
from bot.telegram.push import sender_id
from bot.telegram.rate_limit import RateLimiter, Verdict
from bot.telegram.reminders import ReminderDeliveries
from bot.telegram.rendering import Reply, escape, render_turn

logger = logging.getLogger(__name__)

RATE_LIMITED = "You're sending messages faster than I can read them; please wait a moment."
RASA_DOWN = "Sorry, the advisor is unavailable right now. Please try again in a minute."
SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try again."
# Rasa answered a turn with nothing although the chat is not handed over: a custom action
# failed (Rasa 3.6 logs it and carries on), typically because the action server is down.
# The turn is stored, so sending it again continues the conversation from there.
SILENT_TURN = "Sorry, something went wrong on my side — please send that again in a moment."
BUTTON_EXPIRED = "This button has expired: please type your answer instead."
TEXT_ONLY = "I can only read text messages: please type your answer."
UNKNOWN_COMMAND = "I don't know that command. Try /help, /restart or /forget."

GREETING = "hi"  # what /start says to Rasa: the advisor introduces itself
RESTART = "/restart"  # Rasa's built-in restart intent: a fresh conversation
HELP = "/help"
FORGET_ME = "/forget_me"  # erases the stored conversation (actions.control.ActionForgetMe)

# Shown in Telegram's command menu.
COMMANDS = [
    BotCommand("start", "Meet the advisor"),
    BotCommand("restart", "Start over with new answers"),
    BotCommand("help", "What the advisor can do"),
    BotCommand("forget", "Delete this conversation"),
]

TYPING_REFRESH_SECONDS = 4.5  # Telegram shows "typing…" for 5 s per chat action
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # a card's link preview would bury the card

PRIVATE = filters.ChatType.PRIVATE  # an advisor conversation is personal: no groups


class _ChatLocks:
    """One lock per chat, dropped when nobody holds or waits for it (memory stays bounded)."""

    def __init__(self) -> None:
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    @contextlib.asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        """Wait for the chat's previous turn to finish, then hold the chat."""
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        self._users[chat_id] = self._users.get(chat_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[chat_id] -= 1
            if not self._users[chat_id]:
                del self._users[chat_id], self._locks[chat_id]


class TelegramChannel:
    """The bot's handlers, with what they share: the Rasa gateway, limits and button keys."""

    def __init__(
        self,
        rasa: RasaGateway,
        limiter: RateLimiter | None = None,
        keys: CallbackKeys | None = None,
    ) -> None:
        self.rasa = rasa
        self.limiter = limiter or RateLimiter()
        self.keys = keys or CallbackKeys()
        self._locks = _ChatLocks()
        self.reminders = ReminderDeliveries(self._deliver_reminder)
        self._bot: Bot | None = None

    def register(self, application: Application) -> None:
        """Add every handler, the rate limit first, and the error handler."""
        self._bot = application.bot
        application.add_handler(TypeHandler(Update, self.limit_rate), group=-1)
        application.add_handlers(
            [
                CommandHandler("start", self.start, filters=PRIVATE),
                CommandHandler("restart", self.restart, filters=PRIVATE),
                CommandHandler("help", self.show_help, filters=PRIVATE),
                CommandHandler("forget", self.forget, filters=PRIVATE),
                MessageHandler(
                    PRIVATE & filters.UpdateType.MESSAGE & filters.COMMAND, self.unknown
                ),
                MessageHandler(PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT, self.text),
                MessageHandler(PRIVATE & filters.UpdateType.MESSAGE, self.not_text),
                CallbackQueryHandler(self.button),
            ]
        )
        application.add_error_handler(on_error)

    async def limit_rate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stop an update from a learner over the limit before any other handler sees it.

        Only what would reach Rasa counts: messages and button presses in a private chat.
        """
        user, chat = update.effective_user, update.effective_chat
        relayed = update.message is not None or update.callback_query is not None
        if user is None or chat is None or chat.type != chat.PRIVATE or not relayed:
            return
        verdict = self.limiter.check(user.id)
        if verdict is Verdict.ALLOW:
            return
        if update.callback_query is not None:
            await update.callback_query.answer()  # stop the button's spinner either way
        if verdict is Verdict.WARN:
            logger.info("chat %s is over the rate limit", chat.id)
            await context.bot.send_message(chat.id, RATE_LIMITED)
        raise ApplicationHandlerStop

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/start: the advisor greets the learner and offers goals to pick from."""
        await self._relay_from(update, context, GREETING)

    async def restart(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/restart: forget this conversation's answers and begin again."""
        await self._relay_from(update, context, RESTART)

    async def show_help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/help: the advisor says what it can do."""
        await self._relay_from(update, context, HELP)

    async def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/forget: erase what is stored about this conversation."""
        await self._relay_from(update, context, FORGET_ME)

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A typed message: one turn of the conversation."""
        message = update.effective_message
        if message is not None and message.text and is_blank(message.text):
            await context.bot.send_message(message.chat_id, PLEASE_TYPE)  # see addons.blank
        elif message is not None and message.text:
            await self._relay_from(update, context, message.text)

    async def unknown(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A command the bot lacks; not relayed, since Rasa reads "/x" as an intent name."""
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, UNKNOWN_COMMAND)

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A photo, sticker or voice note: the advisor reads text only."""
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, TEXT_ONLY)

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button press: answer it (Telegram shows a spinner until then), relay its payload.

        The keyboard is removed once Rasa has answered, so an old question's buttons are
        not pressed again; if Rasa is down they stay, to be pressed when it is back.
        """
        query = update.callback_query
        chat = update.effective_chat
        if query is None:
            return
        if chat is None or chat.type != chat.PRIVATE or not query.data:
            await query.answer()
            return
        payload = self.keys.decode(chat.id, query.data)
        if payload is None:
            await query.answer(BUTTON_EXPIRED)
            return
        await query.answer()
        if await self.relay(chat.id, payload, context) and query.message is not None:
            try:
                await query.edit_message_reply_markup(reply_markup=None)
            except TelegramError as error:  # too old to edit, or already edited
                logger.debug("could not remove the keyboard in chat %s: %s", chat.id, error)

    async def _relay_from(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, message: str
    ) -> None:
        if update.effective_chat is not None:
            await self.relay(update.effective_chat.id, message, context)

    async def relay(self, chat_id: int, message: str, context: ContextTypes.DEFAULT_TYPE) -> bool:
        """Send one turn to Rasa and its answer to the chat; False when Rasa is down."""
        async with self._locks.hold(chat_id):
            try:
                async with typing(context, chat_id):
                    answer = await self.rasa.turn(sender_id(chat_id), message)
            except RasaUnavailableError as error:
                logger.error("chat %s: %s", chat_id, error)
                await context.bot.send_message(chat_id, RASA_DOWN)
                return False
            replies = render_turn(answer, lambda payload: self.keys.encode(chat_id, payload))
            if not replies and await self.rasa.paused(sender_id(chat_id)) is not True:
                logger.warning("chat %s: empty reply; a custom action probably failed", chat_id)
                replies = [Reply(escape(SILENT_TURN))]
            for reply in replies:
                await send(context.bot, chat_id, reply)
            self.reminders.update(chat_id, answer)
            return True

    async def _deliver_reminder(self, chat_id: int, since: float) -> bool:
        """Send what the advisor said when the chat's reminder fired; False if not yet."""
        try:
            tracker = await self.rasa.tracker(sender_id(chat_id))
        except RasaUnavailableError as error:
            logger.warning("chat %s: cannot read the reminder: %s", chat_id, error)
            return False
        messages = after_reminder(tracker.events, since)
        if not messages or self._bot is None:
            return False
        async with self._locks.hold(chat_id):
            replies = render_turn(messages, lambda payload: self.keys.encode(chat_id, payload))
            for reply in replies:
                await send(self._bot, chat_id, reply)
        return True


async def send(bot: Bot, chat_id: int, reply: Reply) -> None:
    """One rendered message, in HTML parse mode, without link previews."""
    await bot.send_message(
        chat_id,
        reply.html,
        parse_mode=ParseMode.HTML,
        reply_markup=reply.keyboard,
        link_preview_options=NO_PREVIEW,
    )


@contextlib.asynccontextmanager
async def typing(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" while Rasa thinks: a recommendation turn can take seconds."""

    async def keep_typing() -> None:
        while True:
            try:
                await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
            except TelegramError as error:  # cosmetic: never fail a turn over it
                logger.debug("chat action failed in chat %s: %s", chat_id, error)
            await asyncio.sleep(TYPING_REFRESH_SECONDS)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log any error a handler raised, then tell the learner if there is one to tell."""
    logger.error("error while handling a Telegram update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, SOMETHING_WENT_WRONG)
    except TelegramError as error:  # Telegram itself may be what failed
        logger.warning("could not apologise in chat %s: %s", update.effective_chat.id, error)


async def set_commands(application: Application) -> None:
    """Fill Telegram's command menu (``post_init`` hook: runs once the bot is initialised)."""
    await application.bot.set_my_commands(COMMANDS)
