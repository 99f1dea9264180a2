"""The Rasa project at the repository root is valid training input for Rasa 3.6.

Rasa runs in its own Python 3.10 environment (.venv-rasa), so these tests drive its
command line rather than importing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
# data/ also holds the course catalog; Rasa reads only these folders.
TRAINING_DATA = ["data/nlu", "data/rules", "data/stories"]

# Rasa 3.6's `--fail-on-warnings` lets some warnings through with exit status 0 (an
# intent with no NLU examples, for one), so the warnings Rasa itself raises are read
# from its output too. Library deprecation notices are not about this project.
RASA_WARNING = re.compile(r"/rasa/\S+:\d+: (?:UserWarning|FutureWarning): (?P<message>.*)")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")

pytestmark = pytest.mark.slow


def rasa_validate(project: Path) -> subprocess.CompletedProcess[str]:
    """Run ``rasa data validate --fail-on-warnings`` on the project in ``project``."""
    assert RASA.exists(), f"{RASA} is missing: run `make install` first"
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }
    return subprocess.run(
        [str(RASA), "data", "validate", "--fail-on-warnings", "--data", *TRAINING_DATA],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


# Responses Rasa's validator cannot see in use: the form asks its questions with
# utter_ask_<slot>, action_explain_question says utter_why_<slot>, and Rasa's own default
# actions say utter_default, utter_ask_rephrase (fallback) and utter_restart (restart).
USED_OUTSIDE_STORIES = re.compile(
    r"The utterance 'utter_(ask_\w+|why_\w+|default|restart)' is not used in any story or rule\."
    # Intents named EXTERNAL_* are triggered by Rasa's scheduler (a reminder firing),
    # never typed, so they have no NLU examples on purpose.
    r"|The intent 'EXTERNAL_\w+' is listed in the domain file, but is not found in the NLU "
    r"training data\."
)


def problems(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The warnings Rasa raised about the project, and its exit status if non-zero."""
    output = ANSI_ESCAPE.sub("", result.stdout + result.stderr)
    found = [
        m["message"]
        for m in RASA_WARNING.finditer(output)
        if not USED_OUTSIDE_STORIES.fullmatch(" ".join(m["message"].split()))
    ]
    if result.returncode != 0:
        found.append(f"rasa data validate exited with {result.returncode}:\n{output}")
    return found


def test_project_validates_without_warnings() -> None:
    assert problems(rasa_validate(ROOT)) == []


def test_validation_rejects_an_intent_without_examples(tmp_path: Path) -> None:
    """The check above can fail: an intent with no NLU examples is reported."""
    for name in ("config.yml", "domain.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in TRAINING_DATA:
        shutil.copytree(ROOT / folder, tmp_path / folder)
    domain = tmp_path / "domain.yml"
    text = domain.read_text()
    assert "\n  - thank\n" in text
    domain.write_text(text.replace("\n  - thank\n", "\n  - thank\n  - ask_unknown_thing\n", 1))

    found = problems(rasa_validate(tmp_path))

    assert any("'ask_unknown_thing'" in problem for problem in found), found
