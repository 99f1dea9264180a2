"""A course source with damaged rows: ``make ingest`` reports them and keeps every good row.

tests/index/test_ingest.py covers rows that fail validation; this adds bytes that are
not UTF-8, a row cut short and a quote left open, through the command operators run.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

from deploy.servers import PYTHON
from index.ingest import udemy
from index.ingest.pipeline import ADAPTERS, NOT_UTF8
from index.settings import REPO_ROOT
from tests.conftest import SOURCES_DIR

BUILT_CATALOG = SOURCES_DIR.parent / "catalog.jsonl"  # made by `make ingest`
BAD_ROWS = (
    b"9999999,Bad \xff\xfe bytes,https://www.udemy.com/z/,True,20,1,1,1,All Levels,1,,x\n"
    b'1234567,"Short row"\n'
    b'"an open quote,that never closes\n'
)


def test_bad_rows_are_reported_and_the_good_ones_kept(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ADAPTERS:
        shutil.copyfile(SOURCES_DIR / name, sources / name)
    source = sources / udemy.FILE_NAME
    with source.open(encoding="utf-8", newline="") as handle:
        good_rows = sum(1 for _ in csv.DictReader(handle))  # records, not lines
    with source.open("ab") as handle:
        handle.write(BAD_ROWS)
    catalog = tmp_path / "catalog.jsonl"

    done = subprocess.run(
        [str(PYTHON), "-m", "index", "ingest"],
        cwd=REPO_ROOT,
        env={
            **os.environ,
            "CREDWISE_SOURCES_DIR": str(sources),
            "CREDWISE_CATALOG_PATH": str(catalog),
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert f"{udemy.FILE_NAME}: {good_rows + 3} rows" in done.stdout
    assert "3 rejected" in done.stdout
    report = json.loads((tmp_path / "ingest_report.json").read_text())[udemy.FILE_NAME]
    examples = {example["record"]: example["reason"] for example in report["rejected_examples"]}
    assert examples[str(good_rows + 1)] == NOT_UTF8
    assert str(good_rows + 2) in examples and str(good_rows + 3) in examples
    # Every good row made it: the catalog is exactly the one built from the clean sources.
    assert catalog.read_bytes() == BUILT_CATALOG.read_bytes()
