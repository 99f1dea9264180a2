"""What the advisor says around the cards: how many fit, what binds, what is missing.

Worded here, once, from a ``Recommendation``, so every channel (chat, console, shell)
says the same thing, and never "three courses that fit" above two.
"""

from __future__ import annotations

from advisor.formatting import join_words
from advisor.service import Recommendation

_COUNT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
_CONSTRAINT_WORDS = {
    "budget": "budget",
    "hours": "weekly hours",
    "deadline": "deadline",
    "mode": "choice of format",
    "pace": "choice of pace",
    "location": "location",
}


def _courses(count: int) -> str:
    word = _COUNT_WORDS.get(count, f"{count:,}")
    return f"{word} relevant course{'' if count == 1 else 's'}"


def heading(found: Recommendation) -> str:
    """'Three courses that fit:' only when three do; otherwise the real count."""
    shown = len(found.cards)
    if found.offset > 0:
        return "More courses that fit:"
    if shown == 0:
        return ""
    if found.fitting > shown:
        return f"{_COUNT_WORDS.get(shown, str(shown)).capitalize()} courses that fit:"
    if found.fitting == 1:
        return "The one relevant course that fits:"
    return f"The {_courses(found.fitting)} that fit:"


def shortfall_text(found: Recommendation) -> str:
    """How many relevant courses fit, the constraint that really binds, and its offer."""
    if found.fitting == 0:
        count = "No relevant course fits everything you asked for."
    else:
        verb = "fits" if found.fitting == 1 else "fit"
        count = f"Only {_courses(found.fitting)} {verb} everything you asked for."
    binding = found.binding
    if binding is None and found.binding_pair is not None:
        first, second = (_CONSTRAINT_WORDS.get(f, f) for f in found.binding_pair)
        text = (
            f"{count} No single change to your constraints would add one; loosening your "
            f"{first} and your {second} together would add {_courses(found.pair_adds)}."
        )
        if found.offers:
            verb = "This one breaks" if len(found.offers) == 1 else "These break"
            text += f" {verb} only those two:"
        return text
    if binding is None:
        return (
            f"{count} No single change to your constraints would add a relevant course; "
            "a broader goal might."
        )
    what = _CONSTRAINT_WORDS.get(binding.field, binding.field)
    added = binding.adds
    text = f"{count} What limits most is your {what}: relaxing it would add {_courses(added)}."
    if found.offers:
        text += (
            f" {'This one breaks' if len(found.offers) == 1 else 'These break'} only your {what}:"
        )
    return text


def nothing_on_topic_text(found: Recommendation) -> str:
    """The catalog has nothing on this goal: say so, and name what it does cover nearby."""
    text = f"I couldn't find any course on “{found.topic or found.query}” in this catalog."
    if found.nearest_topics:
        text += f" The nearest topics it covers are {join_words(found.nearest_topics)}."
    return text + " Would you like to change your goal?"


def instead_text(found: Recommendation) -> str:
    """Said before courses chosen for the goal's purpose, when its topic has none."""
    if not found.instead_of:
        return ""
    return (
        f"I have no course on “{found.instead_of}” itself. For what you want it for, "
        f"{found.topic}, here is what I found."
    )
