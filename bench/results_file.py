"""How every benchmark reports: figures printed, then written to ``bench/results/``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from index.settings import REPO_ROOT

RESULTS_DIR = REPO_ROOT / "bench" / "results"


def report(results: dict[str, Any], path: Path, *, quick: bool) -> dict[str, Any]:
    """Print ``results``; write them to ``path`` unless this was a quick (smoke) run,
    whose smaller sizes must not replace the recorded figures."""
    print(json.dumps(results, indent=2))
    if not quick:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, indent=2) + "\n")
        print(f"written to {path.relative_to(REPO_ROOT)}")
    return results
