"""The ONNX graph ``make index`` exports gives sentence-transformers' vectors.

Every embedding (the index build, occupation titles, query-time search, Rasa's featurizer)
runs the exported graph with ONNX Runtime; sentence-transformers remains the reference it
is checked against here, on real catalog texts (long descriptions, up to the 256-token
limit) and real O*NET titles (a few tokens each).
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import numpy as np
import pytest

from index.catalog import embedding_text, load_catalog
from index.embedding import Embedder, resolve_model_path
from index.occupations.matcher import OccupationMatcher
from index.occupations.subset import load_occupations
from index.onnx_model import (
    ONNX_FILE,
    OnnxEncoder,
    OnnxModelMissingError,
    default_threads,
    is_current,
    sidecar_path,
)
from index.settings import get_settings

SAMPLE = 150  # texts of each kind; sentence-transformers embeds the catalog's in ~5 s
TOLERANCE = 1e-5


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    settings = get_settings()
    return Embedder(settings.embedding_model, settings.embedding_model_path)


def _sample(texts: list[str]) -> list[str]:
    distinct = sorted(set(texts))
    return random.Random(7).sample(distinct, min(SAMPLE, len(distinct)))


def _reference(embedder: Embedder, texts: list[str]) -> np.ndarray:
    return np.asarray(
        embedder.model.encode(texts, batch_size=32, normalize_embeddings=True),
        dtype=np.float32,
    )


def test_catalog_texts_equal_sentence_transformers(embedder: Embedder) -> None:
    texts = _sample([embedding_text(c) for c in load_catalog(get_settings().catalog_path)])
    ours = embedder.encode(texts)
    assert ours.shape == (len(texts), 384)
    assert float(np.abs(ours - _reference(embedder, texts)).max()) < TOLERANCE


def test_occupation_titles_equal_sentence_transformers(embedder: Embedder) -> None:
    titles, _ = OccupationMatcher.title_table(load_occupations(get_settings().occupations_path))
    texts = _sample(titles)
    ours = embedder.encode(texts)
    assert float(np.abs(ours - _reference(embedder, texts)).max()) < TOLERANCE


def test_a_missing_or_stale_graph_names_make_index(tmp_path: Path) -> None:
    settings = get_settings()
    model_dir = resolve_model_path(settings.embedding_model, settings.embedding_model_path)
    missing = tmp_path / ONNX_FILE
    with pytest.raises(OnnxModelMissingError, match="make index"):
        OnnxEncoder(missing, model_dir)
    assert not is_current(missing, model_dir)

    # The real graph, with a sidecar saying it came from other weights.
    shutil.copyfile(settings.index_dir / ONNX_FILE, missing)
    recorded = json.loads(sidecar_path(settings.index_dir / ONNX_FILE).read_text())
    assert is_current(settings.index_dir / ONNX_FILE, model_dir)
    sidecar_path(missing).write_text(json.dumps({**recorded, "weights_sha256": "0" * 64}))
    assert not is_current(missing, model_dir)
    with pytest.raises(OnnxModelMissingError, match="make index"):
        OnnxEncoder(missing, model_dir)


def test_threads_follow_the_openmp_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert default_threads() == 1
    monkeypatch.setenv("OMP_NUM_THREADS", "many")
    assert default_threads() == 0  # every core
    monkeypatch.delenv("OMP_NUM_THREADS")
    assert default_threads() == 0
