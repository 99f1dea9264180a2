"""What a Rasa turn costs, cut without changing what Rasa does (addons/action_results.py,
addons/event_types.py).

Run in Rasa's own environment (Python 3.10), where the patched classes live: a valid
action response passes, an invalid one raises Rasa's ValidationError with Rasa's hint,
exactly as ``jsonschema.validate`` did; event classes are found by name as before,
unknown names included.
"""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
RASA_PYTHON = REPO_ROOT / ".venv-rasa" / "bin" / "python"


def run_in_rasa(script: str) -> None:
    """Run ``script`` with Rasa's Python; it must print "ok" last."""
    result = subprocess.run(
        [str(RASA_PYTHON), "-c", script],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")


SCRIPT = textwrap.dedent(
    """
    from jsonschema import ValidationError, validate
    from rasa.core.actions.action import RemoteAction
    from addons import action_results

    action_results.install()
    action = RemoteAction("action_recommend", None)
    good = {"events": [{"event": "slot", "name": "goal", "value": "payroll"}],
            "responses": [{"text": "hi"}]}
    assert action._validate_action_result(good) is True
    validate(good, RemoteAction.action_response_format_spec())  # the same verdict
    for bad in ({"events": [{"event": "no such event"}]}, {"responses": "not a list"}):
        try:
            action._validate_action_result(bad)
        except ValidationError as error:
            assert "Failed to validate Action server response" in error.message
        else:
            raise AssertionError(f"accepted {bad}")
        try:
            validate(bad, RemoteAction.action_response_format_spec())
        except ValidationError:
            pass
        else:
            raise AssertionError(f"jsonschema accepted {bad}")
    print("ok")
    """
)


def test_action_responses_are_checked_as_rasa_checks_them() -> None:
    run_in_rasa(SCRIPT)


EVENTS_SCRIPT = textwrap.dedent(
    """
    from rasa.shared.core.events import Event, SlotSet, UserUttered
    from addons import event_types

    before = {name: Event.resolve_by_type(name) for name in ("slot", "user", "action")}
    event_types.install()
    for name, cls in before.items():
        assert Event.resolve_by_type(name) is cls
    assert Event.resolve_by_type("topic") is None  # Rasa's backwards-compatible answer
    assert Event.resolve_by_type("no such event", SlotSet) is SlotSet
    try:
        Event.resolve_by_type("no such event")
    except ValueError:
        pass
    else:
        raise AssertionError("an unknown event name was accepted")
    event = Event.from_parameters({"event": "slot", "name": "goal", "value": "payroll"})
    assert isinstance(event, SlotSet) and (event.key, event.value) == ("goal", "payroll")
    print("ok")
    """
)


def test_event_classes_are_found_by_name_as_rasa_finds_them() -> None:
    run_in_rasa(EVENTS_SCRIPT)


TRACKER_STORE_SCRIPT = textwrap.dedent(
    """
    import asyncio, tempfile, time
    from pathlib import Path
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import (
        ActionExecuted, SessionStarted, SlotSet, UserUttered)
    from addons.stores import RememberingSQLTrackerStore

    domain = Domain.load("domain.yml")
    db = str(Path(tempfile.mkdtemp()) / "tracker.db")

    def as_dicts(tracker):
        return [event.as_dict() for event in tracker.events]

    async def main():
        store = RememberingSQLTrackerStore(domain=domain, dialect="sqlite", db=db)
        plain = SQLTrackerStore(domain=domain, dialect="sqlite", db=db)
        tracker = await store.get_or_create_tracker("learner")
        for event in (ActionExecuted("action_session_start"), SessionStarted(),
                      ActionExecuted("action_listen")):
            tracker.update(event)
        await store.save(tracker)
        # a new session is written but not remembered: the next read is the database's
        first = await store.retrieve("learner")
        assert first is not tracker
        assert as_dicts(first) == as_dicts(await plain.retrieve("learner"))
        # a turn on the remembered tracker: served from memory, written to the database
        for n in range(3):
            first.update(UserUttered(f"message {n}", {"name": "inform"}))
            first.update(SlotSet("hours_per_week", float(n)))
            first.update(ActionExecuted("action_listen"))
            await store.save(first)
            again = await store.retrieve("learner")
            assert again is first
            assert as_dicts(again) == as_dicts(await plain.retrieve("learner"))
        assert again.get_slot("hours_per_week") == 2.0
        # a turn that failed before saving leaves no trace: the database is read again
        again.update(SlotSet("hours_per_week", 40.0))
        reread = await store.retrieve("learner")
        assert reread is not again and reread.get_slot("hours_per_week") == 2.0
        # a tracker written from elsewhere in the process is not trusted from memory
        other = await plain.retrieve("learner")
        other.update(SlotSet("hours_per_week", 7.0))
        await store.save(other)
        fresh = await store.retrieve("learner")
        assert fresh is not reread and fresh.get_slot("hours_per_week") == 7.0
        # a new session inside a remembered tracker sends the next read to the database
        fresh.update(ActionExecuted("action_session_start"))
        fresh.update(SessionStarted(timestamp=time.time() + 1))
        fresh.update(ActionExecuted("action_listen", timestamp=time.time() + 1))
        await store.save(fresh)
        session = await store.retrieve("learner")
        assert session is not fresh
        assert as_dicts(session) == as_dicts(await plain.retrieve("learner"))
        assert isinstance(session.events[0], SessionStarted)
        # at most `remember` conversations are kept
        small = RememberingSQLTrackerStore(domain=domain, dialect="sqlite", db=db, remember=1)
        a = await small.retrieve("learner")
        await small.get_or_create_tracker("second")
        await small.retrieve("second")
        assert await small.retrieve("learner") is not a

    asyncio.run(main())
    print("ok")
    """
)


def test_remembered_trackers_are_what_the_database_holds() -> None:
    """The embedded mode's tracker store serves a conversation from memory only while
    that equals the database; every turn is still written."""
    run_in_rasa(TRACKER_STORE_SCRIPT)
