"""Button payloads in Telegram's 64-byte ``callback_data``.

Rasa's button payloads are usually short ("/more_results", "about 5 hours a week") and
travel as they are, so a button keeps working after the bot restarts. A longer one is
kept in memory under a short key, per chat. Keys start with ``KEY_PREFIX``, and a payload
that itself starts with it is stored under a key too, so reading ``callback_data`` back
is never ambiguous. A key the bot no longer holds (restarted, or evicted after
``per_chat`` newer ones) reads as ``None``: the learner is asked to type instead.
"""

from __future__ import annotations

from collections import OrderedDict

MAX_CALLBACK_BYTES = 64  # Telegram's limit on InlineKeyboardButton.callback_data
KEY_PREFIX = "~k:"  # printable; a payload starting with it is keyed too, see above
DEFAULT_PER_CHAT = 200  # far more buttons than a conversation keeps on screen
DEFAULT_MAX_CHATS = 10_000  # bounds memory; the least recently used chat is forgotten


class CallbackKeys:
    """Map payloads to ``callback_data`` and back, per chat, within bounded memory."""

    def __init__(self, per_chat: int = DEFAULT_PER_CHAT, max_chats: int = DEFAULT_MAX_CHATS):
        self.per_chat = per_chat
        self.max_chats = max_chats
        self._chats: OrderedDict[int, OrderedDict[str, str]] = OrderedDict()
        self._next = 0

    def encode(self, chat_id: int, payload: str) -> str:
        """The ``callback_data`` for a button carrying ``payload`` in this chat."""
        if len(payload.encode()) <= MAX_CALLBACK_BYTES and not payload.startswith(KEY_PREFIX):
            return payload
        keys = self._keys(chat_id)
        for key, stored in keys.items():  # the same button sent again reuses its key
            if stored == payload:
                keys.move_to_end(key)
                return key
        self._next += 1
        key = f"{KEY_PREFIX}{self._next:x}"
        keys[key] = payload
        while len(keys) > self.per_chat:
            keys.popitem(last=False)
        return key

    def decode(self, chat_id: int, data: str) -> str | None:
        """The payload behind ``callback_data``, or ``None`` for a key no longer held."""
        if not data.startswith(KEY_PREFIX):
            return data
        keys = self._chats.get(chat_id)
        return None if keys is None else keys.get(data)

    def _keys(self, chat_id: int) -> OrderedDict[str, str]:
        keys = self._chats.get(chat_id)
        if keys is None:
            keys = self._chats[chat_id] = OrderedDict()
            while len(self._chats) > self.max_chats:
                self._chats.popitem(last=False)
        else:
            self._chats.move_to_end(chat_id)
        return keys
