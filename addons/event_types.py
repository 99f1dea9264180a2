"""Finding an event's class by its name without walking the class tree every time.

Rasa rebuilds every event of a conversation from the tracker store on each turn, and for
each one ``Event.resolve_by_type`` lists all subclasses of ``Event`` (recursively, with
``inspect.isabstract`` on each) to find the one with that name: about 8% of Rasa's CPU
per turn in a profile under load (docs/benchmarks.md). Event classes are fixed once Rasa
has imported them, so the answer for a name is remembered after the first lookup.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import Event

_ORIGINAL = Event.resolve_by_type
_FOUND: dict[str, type[Event]] = {}


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """``Event.resolve_by_type``, remembering each class found (never a miss or default)."""
    found = _FOUND.get(type_name)
    if found is not None:
        return found
    resolved: Any = _ORIGINAL(type_name, default)
    if resolved is not None and resolved is not default:
        _FOUND[type_name] = resolved
    return resolved  # type: ignore[no-any-return]


def install() -> None:
    """Make Rasa remember event classes by name (idempotent)."""
    Event.resolve_by_type = staticmethod(resolve_by_type)
