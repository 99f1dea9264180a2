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
