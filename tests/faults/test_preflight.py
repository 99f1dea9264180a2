"""Missing or damaged files stop a server at start-up, with the command that fixes them.

The action server (``python -m actions``) is pointed at damaged copies of the index,
catalog or embedding model through the ``CREDWISE_`` settings; the committed files are
never touched. The Rasa model check is ``deploy.servers.check_model``, which ``up`` runs.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from deploy.servers import PYTHON, action_server, check_model, rasa_server
from deploy.service import NotReadyError, Service
from deploy.settings import get_deploy_settings
from deploy.supervisor import StartError, Supervisor
from index.loader import _cached_titles
from index.settings import REPO_ROOT, get_settings
from tests.stack import free_port

pytestmark = [pytest.mark.slow]

INDEX_DIR = REPO_ROOT / "data" / "index"
QUICK_SECONDS = 45.0  # loaded 2-core machine; an intact start takes longer (model load)
FAISS, META = "courses.faiss", "courses.meta.json"
MODEL = get_deploy_settings().rasa_model


def supervisor(run_dir: Path) -> Supervisor:
    """A supervisor keeping its pid files and logs in ``run_dir``, not in ``.run/``."""
    settings = get_deploy_settings()
    return Supervisor(run_dir, settings.health_timeout_seconds, settings.stop_grace_seconds)


def run_actions(env: dict[str, str], module: str = "actions") -> tuple[int, str, float]:
    """Run ``python -m <module>`` with extra settings; exit status, output, seconds."""
    command = [str(PYTHON), "-m", module]
    if module == "actions":
        command += ["-p", str(free_port())]
    started = time.monotonic()
    done = subprocess.run(
        command,
        cwd=REPO_ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", **env},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr, time.monotonic() - started


@pytest.fixture
def index_copy(tmp_path: Path) -> Path:
    """A private copy of the built index, free to damage."""
    copy = tmp_path / "index"
    shutil.copytree(INDEX_DIR, copy)
    return copy


def test_an_intact_copy_passes(index_copy: Path) -> None:
    """The control: the damage below, not the copying, is what makes the checks fail."""
    status, output, _ = run_actions({"CREDWISE_INDEX_DIR": str(index_copy)}, "actions.preflight")
    assert status == 0, output
    assert "preflight ok" in output


def _remove(path: Path) -> None:
    path.unlink()


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def _garble_json(path: Path) -> None:
    path.write_text('{"model": "sentence-transformers/all-MiniLM-L6-v2", "dimen')


def _wrong_fields(path: Path) -> None:
    path.write_text('{"model": 3}\n')


@pytest.mark.parametrize(
    ("file_name", "damage"),
    [
        (FAISS, _remove),
        (META, _remove),
        (FAISS, _truncate),
        (META, _garble_json),
        (META, _wrong_fields),
    ],
    ids=["faiss-missing", "metadata-missing", "faiss-truncated", "metadata-not-json",
         "metadata-wrong-fields"],
)  # fmt: skip
def test_a_damaged_index_stops_the_action_server(
    index_copy: Path, file_name: str, damage: Callable[[Path], None]
) -> None:
    damage(index_copy / file_name)
    status, output, seconds = run_actions({"CREDWISE_INDEX_DIR": str(index_copy)})
    assert status != 0
    assert "make index" in output and "action server not started" in output
    assert "Action endpoint is up" not in output  # rasa_sdk never started
    assert seconds < QUICK_SECONDS


def test_an_index_of_another_catalog_stops_the_action_server(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.jsonl"
    lines = get_settings().catalog_path.read_text(encoding="utf-8").splitlines(keepends=True)
    catalog.write_text("".join(lines[:-1]), encoding="utf-8")  # one course fewer
    status, output, _ = run_actions({"CREDWISE_CATALOG_PATH": str(catalog)})
    assert status != 0 and "make index" in output


@pytest.mark.parametrize("content", [None, "{not json}\n"], ids=["missing", "corrupt-row"])
def test_a_missing_or_corrupt_catalog_stops_the_action_server(
    tmp_path: Path, content: str | None
) -> None:
    catalog = tmp_path / "catalog.jsonl"
    if content is not None:
        catalog.write_text(content)
    status, output, seconds = run_actions({"CREDWISE_CATALOG_PATH": str(catalog)})
    assert status != 0 and "make ingest" in output
    assert seconds < QUICK_SECONDS


def test_damaged_embedding_model_files_stop_the_action_server(tmp_path: Path) -> None:
    from index.embedding import resolve_model_path

    settings = get_settings()
    model = resolve_model_path(settings.embedding_model, None)
    broken = tmp_path / "model"
    shutil.copytree(model, broken, ignore=shutil.ignore_patterns("model.safetensors"))
    (broken / "model.safetensors").write_bytes((model / "model.safetensors").read_bytes()[:5000])
    status, output, _ = run_actions(
        {"CREDWISE_EMBEDDING_MODEL_PATH": str(broken)}, "actions.preflight"
    )
    assert status != 0
    assert "embedding model" in output and "CREDWISE_EMBEDDING_MODEL_PATH" in output


def test_importing_the_entry_point_starts_nothing() -> None:
    """rasa_sdk imports every module of ``actions``, ``actions.__main__`` included."""
    done = subprocess.run(
        [str(PYTHON), "-c", "import actions.__main__, actions.preflight; print('ok')"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_damaged_occupation_title_cache_is_rebuilt_not_fatal(index_copy: Path) -> None:
    vectors = index_copy / "occupation_titles.npy"
    meta = index_copy / "occupation_titles.meta.json"
    expected = json.loads(meta.read_text())
    assert _cached_titles(meta, vectors, expected) is not None  # intact: used as is
    _truncate(vectors)
    assert _cached_titles(meta, vectors, expected) is None  # damaged: recomputed
    np.save(vectors, np.zeros((3, 4), dtype=np.float32))
    assert _cached_titles(meta, vectors, expected) is None  # wrong shape: recomputed


# The Rasa model.


def _tar_gz(path: Path, members: dict[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def test_the_trained_rasa_model_passes() -> None:
    check_model(MODEL)


def test_a_missing_rasa_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotReadyError, match="make train"):
        check_model(tmp_path / "credwise.tar.gz")


def test_a_truncated_rasa_model_is_refused(tmp_path: Path) -> None:
    model = tmp_path / "credwise.tar.gz"
    model.write_bytes(MODEL.read_bytes()[: MODEL.stat().st_size // 2])
    with pytest.raises(NotReadyError, match="make train"):
        check_model(model)


def test_an_archive_that_is_no_rasa_model_is_refused(tmp_path: Path) -> None:
    model = tmp_path / "credwise.tar.gz"
    _tar_gz(model, {"notes.txt": b"hello"})
    with pytest.raises(NotReadyError, match="make train"):
        check_model(model)
    model.write_bytes(gzip.compress(b"not a tar archive at all" * 100))
    with pytest.raises(NotReadyError, match="make train"):
        check_model(model)


def test_up_checks_before_it_starts_anything(tmp_path: Path) -> None:
    marker = tmp_path / "started"
    service = Service(
        name=f"faults-probe-{os.getpid()}",
        command=[sys.executable, "-c", f"open({str(marker)!r}, 'w')"],
        health_url=f"http://127.0.0.1:{free_port()}/",
        env=os.environ,
        preflight=functools.partial(check_model, tmp_path / "missing.tar.gz"),
    )
    with pytest.raises(NotReadyError, match="make train"):
        supervisor(tmp_path).up([service])
    assert not marker.exists()
    rasa = rasa_server(free_port(), REPO_ROOT / "endpoints.yml", tmp_path / "missing.tar.gz")
    assert rasa.preflight is not None
    with pytest.raises(NotReadyError, match="make train"):
        rasa.preflight()


def test_up_reports_a_refusing_action_server_at_once(index_copy: Path, tmp_path: Path) -> None:
    """``make up`` shows the preflight's line instead of waiting out the health timeout."""
    (index_copy / FAISS).unlink()
    service = action_server(free_port(), env={"CREDWISE_INDEX_DIR": str(index_copy)})
    probe = dataclasses.replace(service, name=f"faults-actions-{os.getpid()}")
    run_dir = tmp_path / "run"
    started = time.monotonic()
    with pytest.raises(StartError, match="make index") as refused:
        supervisor(run_dir).up([probe])
    assert time.monotonic() - started < QUICK_SECONDS
    assert probe.name in str(refused.value) and f"{probe.name}.log" in str(refused.value)
    assert not (run_dir / f"{probe.name}.pid").exists()  # nothing left running
