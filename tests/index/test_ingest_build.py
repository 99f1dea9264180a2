"""Building the index from the ingested catalog: repeated texts are embedded once."""

from __future__ import annotations

import numpy as np

from index.build import embed_unique
from index.embedding import Embedder, Vectors


class _CountingEmbedder(Embedder):
    """Vectors from text length, recording what it was asked to embed."""

    def __init__(self) -> None:
        super().__init__("counting")
        self.seen: list[str] = []

    def encode(
        self, texts: list[str], *, batch_size: int = 64, show_progress: bool = False
    ) -> Vectors:
        self.seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_repeated_texts_are_embedded_once_and_every_course_gets_its_vector() -> None:
    embedder = _CountingEmbedder()
    texts = ["Nurse Aide", "Welding", "Nurse Aide", "Phlebotomy", "Welding"]
    vectors = embed_unique(embedder, texts, batch_size=8, show_progress=False)
    assert embedder.seen == ["Nurse Aide", "Welding", "Phlebotomy"]
    assert vectors.shape == (5, 2) and vectors.flags.c_contiguous
    assert [v[0] for v in vectors] == [len(t) for t in texts]
