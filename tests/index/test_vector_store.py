"""Index round trip, refusal of mismatched or damaged indexes, and IVF recall."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from index.vector_store import METADATA_FILE, IndexMetadata, IndexMismatchError, VectorIndex

DIMENSION = 32


def _vectors(count: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(count, DIMENSION)).astype(np.float32)
    unit: np.ndarray = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return unit


def _saved(tmp_path: Path, kind: str = "flat") -> tuple[VectorIndex, np.ndarray]:
    vectors = _vectors(500)
    index = VectorIndex.build(vectors, kind=kind, nlist=8 if kind == "ivf" else None)  # type: ignore[arg-type]
    index.save(
        tmp_path,
        IndexMetadata(
            model="m", dimension=DIMENSION, count=500, catalog_sha256="abc", kind=index.kind
        ),
    )
    return index, vectors


def test_round_trip_gives_identical_results(tmp_path: Path) -> None:
    index, vectors = _saved(tmp_path)
    loaded, metadata = VectorIndex.load(tmp_path, expected_model="m", expected_catalog_sha256="abc")
    assert metadata.count == 500 and metadata.versions["faiss-cpu"]
    query = vectors[:1]
    assert loaded.search(query, 10) == index.search(query, 10)
    assert loaded.search(query, 1)[0].position == 0  # a vector is its own nearest neighbour
    assert loaded.search(query, 1)[0].score == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize(
    ("model", "digest", "message"),
    [("other", "abc", "model"), ("m", "zzz", "different catalog")],
)
def test_mismatch_is_refused_with_the_fix(
    tmp_path: Path, model: str, digest: str, message: str
) -> None:
    _saved(tmp_path)
    with pytest.raises(IndexMismatchError, match=message) as caught:
        VectorIndex.load(tmp_path, expected_model=model, expected_catalog_sha256=digest)
    assert "make index" in str(caught.value)


def test_missing_and_corrupt_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IndexMismatchError, match="no search index"):
        VectorIndex.load(tmp_path, expected_model="m", expected_catalog_sha256="abc")
    _saved(tmp_path)
    (tmp_path / "courses.faiss").write_bytes(b"not an index")
    with pytest.raises(IndexMismatchError, match="corrupt"):
        VectorIndex.load(tmp_path, expected_model="m", expected_catalog_sha256="abc")
    (tmp_path / METADATA_FILE).write_text("{broken")
    with pytest.raises(IndexMismatchError, match="unreadable"):
        VectorIndex.load(tmp_path, expected_model="m", expected_catalog_sha256="abc")


def test_metadata_count_must_match_the_file(tmp_path: Path) -> None:
    _saved(tmp_path)
    meta = json.loads((tmp_path / METADATA_FILE).read_text())
    meta["count"] = 499
    (tmp_path / METADATA_FILE).write_text(json.dumps(meta))
    with pytest.raises(IndexMismatchError, match="vectors"):
        VectorIndex.load(tmp_path, expected_model="m", expected_catalog_sha256="abc")


def test_k_is_clamped_and_padding_dropped() -> None:
    index = VectorIndex.build(_vectors(5))
    hits = index.search(_vectors(1, seed=3), 50)
    assert len(hits) == 5 and all(h.position >= 0 for h in hits)
    assert index.search(_vectors(1), 0) == []


@pytest.mark.parametrize("kind", ["flat", "ivf"])
def test_selective_filter_still_fills_k(kind: str) -> None:
    vectors = _vectors(2000)
    index = VectorIndex.build(vectors, kind=kind, nlist=32 if kind == "ivf" else None)  # type: ignore[arg-type]
    index.nprobe = 1  # make IVF miss most allowed documents on purpose
    allowed = np.zeros(2000, dtype=bool)
    allowed[np.arange(0, 2000, 50)] = True  # 40 allowed, spread over all lists
    hits = index.search(vectors[:1], 25, allowed)
    assert len(hits) == 25 and all(allowed[h.position] for h in hits)
    assert index.search(vectors[:1], 25, np.zeros(2000, dtype=bool)) == []


def test_ivf_recall_against_exact() -> None:
    vectors = _vectors(5000, seed=1)
    queries = _vectors(50, seed=2)
    exact = VectorIndex.build(vectors, kind="flat")
    approximate = VectorIndex.build(vectors, kind="ivf", nlist=64)
    approximate.nprobe = 16
    found = 0
    for query in queries:
        truth = {h.position for h in exact.search(query[None, :], 10)}
        found += len(truth & {h.position for h in approximate.search(query[None, :], 10)})
    assert found / (10 * len(queries)) >= 0.7  # random data is IVF's worst case
