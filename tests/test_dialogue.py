"""Dialogue tests through the trained model: `rasa test core` on tests/stories/."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from deploy.settings import REPO_ROOT, get_deploy_settings

RASA = REPO_ROOT / ".venv-rasa" / "bin" / "rasa"

pytestmark = pytest.mark.slow


def test_test_stories_pass_without_prediction_errors(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            str(RASA),
            "test",
            "core",
            "--model",
            str(get_deploy_settings().rasa_model),
            "--stories",
            str(REPO_ROOT / "tests" / "stories"),
            "--fail-on-prediction-errors",
            "--out",
            str(tmp_path),
        ],
        cwd=REPO_ROOT,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else result.stdout[-3000:]
    assert result.returncode == 0, details
