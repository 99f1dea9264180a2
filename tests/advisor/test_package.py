"""The advisor package stays cheap to import and free of Rasa."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("rasa", "rasa_sdk", "torch", "sentence_transformers", "transformers", "faiss")


def test_import_loads_no_framework_or_model() -> None:
    code = (
        "import sys\n"
        "import advisor.answers, advisor.cards, advisor.profile, advisor.relax, advisor.render\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert completed.stdout.strip() == "[]"


def test_no_rasa_in_the_source() -> None:
    for path in (REPO_ROOT / "advisor").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import rasa" not in source and "from rasa" not in source, path
