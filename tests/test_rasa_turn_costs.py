"""Rasa's check of action-server responses, compiled once (addons/action_results.py).

Run in Rasa's own environment (Python 3.10), where the patched class lives: a valid
response passes, an invalid one raises Rasa's ValidationError with Rasa's hint, exactly
as ``jsonschema.validate`` did, and ``install`` puts the check in Rasa's place.
"""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
RASA_PYTHON = REPO_ROOT / ".venv-rasa" / "bin" / "python"

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
    result = subprocess.run(
        [str(RASA_PYTHON), "-c", SCRIPT],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")
