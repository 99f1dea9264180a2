"""Vectors this machine has already computed, kept between builds and between clones.

Embedding the catalog and the occupation titles is most of a first start (about four
minutes of the two cores' time), and the model is deterministic on CPU: a text embedded
once by the same weights gives the same vector again. So every vector computed is kept
here, by the text's SHA-1 (``index.build.text_key``), under the identity of the weights
that computed it. A fresh clone on a machine that has built before embeds only the texts
it has never seen; a new machine, or other weights, starts empty.

A damaged or unreadable table is treated as empty (it is only a cache); writes go to a
temporary file first and replace the table at once, so a build that is stopped halfway
never leaves a table another build would misread.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from pathlib import Path

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)
Vector = npt.NDArray[np.float32]
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


def weights_digest(model_dir: Path) -> str:
    """SHA-256 (hex) of the model's weight files: what identifies the weights wherever a
    clone's copy of the package lives (also checked by index.onnx_model)."""
    digest = hashlib.sha256()
    for name in WEIGHT_FILES:
        path = model_dir / name
        if path.is_file():
            with path.open("rb") as weights:
                for block in iter(lambda: weights.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


def weights_fingerprint(model_name: str, model_dir: Path) -> str:
    """The model's name and a digest of its weights: where a clone's copy of the same
    package lives does not matter, other weights under the same name do."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model_name).strip("_")
    return f"{slug}-{weights_digest(model_dir)[:16]}"


class EmbeddingCache:
    """Tables of vectors by text key, one folder per model weights."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.folder = directory / "embeddings" / fingerprint

    def _paths(self, table: str) -> tuple[Path, Path]:
        return self.folder / f"{table}.npy", self.folder / f"{table}.keys.json"

    def load(self, table: str) -> dict[str, Vector]:
        """Every vector kept in ``table``; empty when there is none or it is unreadable."""
        vectors_path, keys_path = self._paths(table)
        try:
            keys = json.loads(keys_path.read_text(encoding="utf-8"))
            vectors = np.load(vectors_path)
        except (OSError, ValueError, EOFError):
            return {}
        if not isinstance(keys, list) or vectors.ndim != 2 or len(keys) != len(vectors):
            log.warning("ignoring a damaged embedding cache table %s", vectors_path)
            return {}
        return dict(zip(keys, vectors, strict=True))

    def add(self, table: str, vectors: dict[str, Vector]) -> None:
        """Keep ``vectors`` in ``table`` beside what it holds; a no-op when it has them all."""
        kept = self.load(table)
        if all(key in kept for key in vectors):
            return
        merged = {**kept, **vectors}
        keys = list(merged)
        self.folder.mkdir(parents=True, exist_ok=True)
        vectors_path, keys_path = self._paths(table)
        matrix = np.stack([merged[key] for key in keys]).astype(np.float32)
        # The keys are written last: a reader matches them against the vectors' length.
        for path, write in (
            (vectors_path, lambda handle: np.save(handle, matrix)),
            (keys_path, lambda handle: handle.write(json.dumps(keys).encode("utf-8"))),
        ):
            with tempfile.NamedTemporaryFile(dir=self.folder, delete=False) as handle:
                write(handle)
            os.replace(handle.name, path)
        log.info("embedding cache %s now holds %d vectors", vectors_path, len(keys))
