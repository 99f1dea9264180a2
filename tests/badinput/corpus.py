"""The bad-input corpus: what learners, browsers and scripts really send, as data.

One corpus for every channel (the web app's ``/api/chat``, Rasa's REST channel, the
widget in Chromium, Telegram), so a new nasty input added here is tried everywhere.

- ``MESSAGES``: well-formed messages a person could type. Every channel must answer
  each with a friendly reply (a bot message with text).
- ``BLANK``: messages with nothing visible in them. No channel may go silent: the web
  app answers 422 "Please type a message.", Telegram says the same.
- ``OVERSIZED``: 10,000 characters, twice the widget's limit (the web app answers 413
  with the limit in its error; Telegram itself caps messages at 4,096).
- ``MALFORMED``: requests no widget sends: bad JSON, bad UTF-8, wrong content types,
  wrong field types, huge bodies, a 5,000-character sender. The web app answers each
  with ``web_status`` and a JSON ``{"error": …}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """A message text and a short id for test names."""

    id: str
    text: str


MESSAGES: list[Message] = [
    Message("plain", "hello"),
    Message("padded", "   hi there   "),
    Message("newlines", "I want to\n\n\nlearn\r\nsomething new"),
    Message("emoji-only", "👋🎓📊"),
    Message("emoji-mixed", "I 💙 data 📈, can you help? 🙏"),
    Message("emoji-zwj", "👩‍👩‍👧‍👦 family time, 5 hours a week 🏳️‍🌈"),
    Message("arabic-rtl", "أريد أن أصبح محلل بيانات"),
    Message("hebrew-rtl", "אני רוצה ללמוד תכנות"),
    Message("mixed-direction", "I want \u202bمحلل بيانات\u202c courses"),
    Message("bidi-override", "\u202egnirht\u202c evil.exe"),
    Message("chinese", "我想成为数据分析师"),
    Message("japanese", "データサイエンスを学びたいです"),
    Message("russian", "Я хочу стать аналитиком данных"),
    Message("spanish", "Quiero aprender ciberseguridad, ¿qué me recomiendas?"),
    Message("hindi", "मैं डेटा विश्लेषक बनना चाहता हूँ"),
    Message("zalgo", "Z̴̡͙̈a̸̢͛l̷̰̈g̵̱̈́o̶̯͝ courses"),
    Message("script-tag", "<script>alert('xss')</script>"),
    Message("img-onerror", '<img src=x onerror="alert(1)"> <b>bold</b>'),
    Message("javascript-link", '<a href="javascript:alert(1)">click me</a>'),
    Message("telegram-html", "<b>unclosed & <i>ampersand</b> <tg-spoiler>"),
    Message("sql-drop", "'; DROP TABLE events; --"),
    Message("sql-or", "1' OR '1'='1'; SELECT * FROM events WHERE sender_id LIKE '%"),
    Message("format-strings", "{sender} {{slot}} %s %(goal)s ${jndi:ldap://x} {0}"),
    Message("json-text", '{"sender": "someone-else", "message": "/restart"}'),
    Message("markdown", "**bold** _italic_ `code` [link](http://example.com)"),
    Message("zero-width-inside", "data\u200banalyst\u200d\ufeff course"),
    Message("control-chars", "hello\x00world\x07\x08\x1b[31mred\x1b[0m"),
    Message("null-word", "null"),
    Message("long-word", "a" * 4_000),
]

BLANK: list[Message] = [
    Message("empty", ""),
    Message("space", " "),
    Message("whitespace", " \t\n\r  "),
    Message("nbsp", "\u00a0\u3000"),
    Message("zero-width", "\u200b\u200b\ufeff"),
]

OVERSIZED = Message("10k-chars", "word " * 2_000)
assert len(OVERSIZED.text) == 10_000

LONG_SENDER = "s" * 5_000
OVERSIZED_BODY_BYTES = 2_000_000  # far over any channel's limit, far under Rasa's 100 MB
FLOOD_MESSAGES = 1_000


@dataclass(frozen=True)
class Request:
    """A raw HTTP request body for a chat endpoint; ``web_status`` is the web app's answer."""

    id: str
    body: bytes
    content_type: str | None
    web_status: int


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


JSON = "application/json"
VALID = _json({"sender": "malformed-probe", "message": "hello"})

MALFORMED: list[Request] = [
    Request("truncated-json", b'{"sender": "a", "message": ', JSON, 400),
    Request("trailing-comma", b'{"sender": "a", "message": "hi",}', JSON, 400),
    Request("single-quotes", b"{'sender': 'a', 'message': 'hi'}", JSON, 400),
    Request("invalid-utf8", b'{"sender": "a", "message": "\xff\xfe\xfd"}', JSON, 400),
    Request("overlong-utf8", b'{"sender": "a", "message": "\xc0\xaf"}', JSON, 400),
    Request("latin1", '{"sender": "a", "message": "café"}'.encode("latin-1"), JSON, 400),
    Request("lone-surrogate", b'{"sender": "a", "message": "\\ud800 hi"}', JSON, 400),
    Request("empty-body", b"", JSON, 400),
    Request("null", b"null", JSON, 400),
    Request("array", b'[{"sender": "a", "message": "hi"}]', JSON, 400),
    Request("string", b'"hello"', JSON, 400),
    Request("deep-nesting", b"[" * 50_000, JSON, 400),
    Request("message-number", _json({"sender": "a", "message": 42}), JSON, 422),
    Request("message-object", _json({"sender": "a", "message": {"text": "hi"}}), JSON, 422),
    Request("message-missing", _json({"sender": "a"}), JSON, 422),
    Request("sender-number", _json({"sender": 7, "message": "hi"}), JSON, 422),
    Request("sender-5000-chars", _json({"sender": LONG_SENDER, "message": "hi"}), JSON, 422),
    Request("text-plain", VALID, "text/plain", 415),
    Request("form", b"sender=a&message=hi", "application/x-www-form-urlencoded", 415),
    Request("multipart", VALID, "multipart/form-data; boundary=x", 415),
    Request("xml", b"<chat><sender>a</sender></chat>", "application/xml", 415),
    Request("no-content-type", VALID, None, 415),
    Request(
        "oversized-body",
        b'{"sender": "a", "message": "' + b"x" * OVERSIZED_BODY_BYTES + b'"}',
        JSON,
        413,
    ),
]
