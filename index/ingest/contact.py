"""Find and remove contact data (e-mail addresses, phone numbers) in source text.

The catalog describes courses, not people: a source's contact columns are dropped
whole, and addresses or numbers that turn up in free text are replaced by a marker,
so neither reaches the catalog nor the committed copy of a source.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# North American numbers written with separators: (210) 555-0100, 210-555-0100, 1.210.555.0100.
PHONE = re.compile(
    r"(?<![\w.-])(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}(?![\w-])"
)
# Ten digits written together (2102125266), as the TWC list stores phones; not inside a
# URL's path or query, where long digit runs are identifiers.
BARE_PHONE = re.compile(r"(?<![\w./=&?%#-])[2-9]\d{9}(?![\w])")

EMAIL_REMOVED = "[e-mail removed]"
PHONE_REMOVED = "[phone removed]"


def find_contacts(text: str) -> list[str]:
    """Every e-mail address or phone number in ``text`` (empty when there is none)."""
    return [m.group(0) for pattern in (EMAIL, PHONE, BARE_PHONE) for m in pattern.finditer(text)]


def redact_contacts(text: str) -> str:
    """``text`` with each e-mail address and phone number replaced by a marker."""
    if "@" in text:
        text = EMAIL.sub(EMAIL_REMOVED, text)
    if any(ch.isdigit() for ch in text):
        text = PHONE.sub(PHONE_REMOVED, text)
        text = BARE_PHONE.sub(PHONE_REMOVED, text)
    return text
