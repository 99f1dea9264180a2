"""Building the index from the ingested catalog: repeated texts are embedded once."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from index.build import embed_unique
from index.embedding import Embedder, Progress, Vectors


class _CountingEmbedder(Embedder):
    """Vectors from text length, recording what it was asked to embed."""

    def __init__(self) -> None:
        super().__init__("counting")
        self.seen: list[str] = []

    def encode(self, texts: list[str], *, progress: Progress | None = None) -> Vectors:
        self.seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_repeated_texts_are_embedded_once_and_every_course_gets_its_vector() -> None:
    embedder = _CountingEmbedder()
    texts = ["Nurse Aide", "Welding", "Nurse Aide", "Phlebotomy", "Welding"]
    vectors = embed_unique(embedder, texts)
    assert embedder.seen == ["Nurse Aide", "Welding", "Phlebotomy"]
    assert vectors.shape == (5, 2) and vectors.flags.c_contiguous
    assert [v[0] for v in vectors] == [len(t) for t in texts]


def test_texts_embedded_by_the_last_build_are_not_embedded_again(tmp_path: Path) -> None:
    """A catalog changed in a few records re-embeds those only: the last build's vectors
    are kept by text, and refused when they came from another model."""
    from index.build import previous_vectors, text_key
    from index.settings import IndexSettings
    from index.vector_store import IndexMetadata, VectorIndex

    old = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    settings = IndexSettings(index_dir=tmp_path, embedding_model="counting")
    VectorIndex.build(old).save(
        tmp_path,
        IndexMetadata(model="counting", dimension=2, count=2, catalog_sha256="x", kind="flat"),
    )
    np.save(tmp_path / "courses.vectors.npy", old)
    (tmp_path / "courses.text_keys.json").write_text(json.dumps([text_key("A"), text_key("B")]))
    cached = previous_vectors(settings)
    embedder = _CountingEmbedder()
    vectors = embed_unique(embedder, ["B", "New", "A"], cached=cached)
    assert embedder.seen == ["New"]
    assert vectors.tolist() == [[0.0, 1.0], [3.0, 1.0], [1.0, 0.0]]
    other = IndexSettings(index_dir=tmp_path, embedding_model="another-model")
    assert previous_vectors(other) == {}


def test_batching_by_length_keeps_each_text_with_its_own_vector() -> None:
    """Texts are embedded longest first in token-sized batches; each row must still be
    the vector of the text at that position, as if embedded alone."""
    from index.settings import get_settings

    settings = get_settings()
    embedder = Embedder(settings.embedding_model, settings.embedding_model_path)
    texts = ["Welding", "Phlebotomy technician: draw blood, label samples. " * 30, "", "CNA"]
    seen: list[tuple[int, int]] = []
    vectors = embedder.encode(texts, progress=lambda done, total: seen.append((done, total)))
    alone = np.vstack([embedder.encode([text]) for text in texts])
    assert vectors.shape == (4, embedder.dimension)
    assert np.allclose(vectors, alone, atol=1e-5)
    assert seen[-1] == (4, 4)
    assert embedder.encode([]).shape == (0, embedder.dimension)
