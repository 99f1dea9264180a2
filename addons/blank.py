"""Messages with nothing in them to read, which no channel relays to Rasa.

Rasa 3.6.21's LogisticRegressionClassifier raises on a message without tokens (the REST
channel then logs the exception and answers with no messages at all), so a blank
message would leave the learner with silence. Each channel answers it itself instead.
"""

from __future__ import annotations

import unicodedata

PLEASE_TYPE = "Please type a message."
_INVISIBLE = {"Cc", "Cf"}  # control characters; format characters (zero-width, BOM, marks)


def is_blank(text: str) -> bool:
    """True when nothing in ``text`` is visible: only whitespace, control characters or
    invisible format characters (zero-width space, BOM, direction marks)."""
    return all(char.isspace() or unicodedata.category(char) in _INVISIBLE for char in text)
