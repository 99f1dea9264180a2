"""The command line end to end, on a small real catalog, in a subprocess like a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

SMALL_CATALOG_SIZE = 150


@pytest.fixture(scope="module")
def small_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A 150-course slice of the catalog (every source represented) with its own index."""
    root = tmp_path_factory.mktemp("cli")
    lines = (
        (REPO_ROOT / "data" / "courses" / "catalog.jsonl").read_text(encoding="utf-8").splitlines()
    )
    by_source: dict[str, list[str]] = {}
    for line in lines:
        by_source.setdefault(json.loads(line)["source"], []).append(line)
    per_source = SMALL_CATALOG_SIZE // len(by_source)
    chosen = [line for group in by_source.values() for line in group[::37][:per_source]]
    ux = [line for line in lines if "UX" in json.loads(line)["title"]][:5]
    (root / "catalog.jsonl").write_text(
        "\n".join(dict.fromkeys(chosen + ux)) + "\n", encoding="utf-8"
    )
    # The occupation title vectors depend only on the model and O*NET: reuse the main ones.
    (root / "index").mkdir()
    for name in ("occupation_titles.npy", "occupation_titles.meta.json"):
        shutil.copyfile(REPO_ROOT / "data" / "index" / name, root / "index" / name)
    env = {
        **os.environ,
        "CREDWISE_CATALOG_PATH": str(root / "catalog.jsonl"),
        "CREDWISE_INDEX_DIR": str(root / "index"),
        "CREDWISE_EMBEDDING_CACHE_DIR": str(root / "cache"),
        "HF_HUB_OFFLINE": "1",
    }
    build = _run(env, "build")
    assert build.returncode == 0, build.stderr
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "index", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_search_json_honours_filters(small_env: dict[str, str]) -> None:
    result = _run(
        small_env,
        "search",
        "I want to move into UX design",
        "--k",
        "5",
        "--json",
        "--max-cost",
        "0",
    )
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert len(items) == 5
    for item in items:
        assert {"id", "url", "title", "provider", "score", "cost", "mode", "pace"} <= item.keys()
        assert item["cost"]["amount"] == 0
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)


def test_search_in_person_only_returns_site_courses(small_env: dict[str, str]) -> None:
    result = _run(
        small_env,
        "search",
        "medical assistant training",
        "--k",
        "3",
        "--json",
        "--mode",
        "in_person",
    )
    items = json.loads(result.stdout)
    assert items and all(item["mode"] == "in_person" for item in items)


def test_empty_query_gets_a_clear_message(small_env: dict[str, str]) -> None:
    result = _run(small_env, "search", "   ", "--json")
    assert result.returncode == 2
    assert "describe a goal" in result.stderr and "Traceback" not in result.stderr


def test_eval_prints_all_three_systems(small_env: dict[str, str], tmp_path: Path) -> None:
    first = json.loads(Path(small_env["CREDWISE_CATALOG_PATH"]).read_text().splitlines()[0])
    (tmp_path / "q.tsv").write_text(f"q1\t{first['title']}\n", encoding="utf-8")
    (tmp_path / "r.json").write_text(json.dumps({"q1": {first["url"]: 3}}), encoding="utf-8")
    result = _run(
        small_env,
        "eval",
        "--queries",
        str(tmp_path / "q.tsv"),
        "--qrels",
        str(tmp_path / "r.json"),
        "--k",
        "10",
        "--all-sources",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["credwise", "bm25", "dense"]
    assert all("nDCG@10=" in line and "grade0@3=" in line for line in lines)
    # Searching for a course's exact title finds it in the top 10 for every system.
    assert all("recall@10=1.000" in line for line in lines)


def test_changed_catalog_is_refused_with_the_fix(small_env: dict[str, str], tmp_path: Path) -> None:
    changed = tmp_path / "catalog.jsonl"
    lines = Path(small_env["CREDWISE_CATALOG_PATH"]).read_text().splitlines()
    changed.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    result = _run(
        {**small_env, "CREDWISE_CATALOG_PATH": str(changed)}, "search", "python", "--json"
    )
    assert result.returncode == 1
    assert "make index" in result.stderr and "Traceback" not in result.stderr


def test_a_build_keeps_its_vectors_in_the_machine_cache_and_a_rebuild_embeds_none(
    small_env: dict[str, str],
) -> None:
    import numpy as np

    cache = Path(small_env["CREDWISE_EMBEDDING_CACHE_DIR"])
    [table] = cache.glob("embeddings/*/course_texts.npy")
    assert len(np.load(table)) >= 100  # the slice's distinct texts (a few repeat)
    fresh = {**small_env, "CREDWISE_INDEX_DIR": str(cache.parent / "fresh-index")}
    Path(fresh["CREDWISE_INDEX_DIR"]).mkdir()
    for name in ("occupation_titles.npy", "occupation_titles.meta.json"):
        shutil.copyfile(
            REPO_ROOT / "data" / "index" / name, Path(fresh["CREDWISE_INDEX_DIR"]) / name
        )
    rebuild = _run(fresh, "-v", "build")
    assert rebuild.returncode == 0, rebuild.stderr
    assert "new texts" not in rebuild.stderr  # every vector came from the cache
    assert "indexed" in rebuild.stderr
