"""The machine's embedding cache: kept between builds, merged, never trusted when damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from index.embedding_cache import EmbeddingCache, weights_fingerprint
from index.settings import IndexSettings


def _vector(*values: float) -> np.ndarray:
    return np.array(values, dtype=np.float32)


def test_vectors_added_are_loaded_back_and_merged_with_earlier_ones(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path, "model-abc")
    assert cache.load("course_texts") == {}
    cache.add("course_texts", {"k1": _vector(1, 0), "k2": _vector(0, 1)})
    cache.add("course_texts", {"k3": _vector(1, 1)})
    kept = cache.load("course_texts")
    assert sorted(kept) == ["k1", "k2", "k3"]
    assert kept["k2"].tolist() == [0.0, 1.0] and kept["k3"].dtype == np.float32
    assert EmbeddingCache(tmp_path, "other-model").load("course_texts") == {}


def test_a_damaged_table_is_treated_as_empty_and_then_rewritten(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path, "model-abc")
    cache.add("titles", {"k1": _vector(1, 0)})
    (cache.folder / "titles.keys.json").write_text('["k1", "k2"]')  # keys of a longer table
    assert cache.load("titles") == {}
    (cache.folder / "titles.npy").write_bytes(b"not numpy")
    assert cache.load("titles") == {}
    cache.add("titles", {"k9": _vector(0, 1)})
    assert list(cache.load("titles")) == ["k9"]


def test_the_same_weights_anywhere_share_a_cache_and_other_weights_do_not(tmp_path: Path) -> None:
    first, copy, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    first.mkdir()
    (first / "model.safetensors").write_bytes(b"weights")
    shutil.copytree(first, copy)
    other.mkdir()
    (other / "model.safetensors").write_bytes(b"other weights")
    name = "sentence-transformers/all-MiniLM-L6-v2"
    assert weights_fingerprint(name, first) == weights_fingerprint(name, copy)
    assert weights_fingerprint(name, first) != weights_fingerprint(name, other)
    assert "/" not in weights_fingerprint(name, first)


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path) -> None:
    assert IndexSettings(embedding_cache_dir="").embedding_cache_dir is None  # type: ignore[arg-type]
    assert IndexSettings(embedding_cache_dir=tmp_path).embedding_cache_dir == tmp_path
