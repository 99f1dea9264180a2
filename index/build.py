"""Build the search index from the catalog: embed, index, and record what was built."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import numpy as np

from index.catalog import catalog_hash, embedding_text, load_catalog
from index.embedding import Embedder, Vectors
from index.settings import IndexSettings
from index.vector_store import IndexMetadata, IndexMismatchError, VectorIndex

log = logging.getLogger(__name__)
VECTORS_FILE = "courses.vectors.npy"


def index_is_current(settings: IndexSettings) -> bool:
    """True when the saved index matches the configured model and the catalog on disk."""
    try:
        VectorIndex.load(
            settings.index_dir,
            expected_model=settings.embedding_model,
            expected_catalog_sha256=catalog_hash(settings.catalog_path),
        )
    except (IndexMismatchError, FileNotFoundError):
        return False
    return True


def embed_unique(
    embedder: Embedder, texts: list[str], *, batch_size: int, show_progress: bool
) -> Vectors:
    """One vector per text, each distinct text embedded once.

    State lists repeat a programme at every campus with the same title and description
    (about 1,500 texts of the Texas list): the model would return the same vector for each.
    """
    distinct = list(dict.fromkeys(texts))
    if len(distinct) == len(texts):
        return embedder.encode(texts, batch_size=batch_size, show_progress=show_progress)
    position = {text: i for i, text in enumerate(distinct)}
    unique_vectors = embedder.encode(distinct, batch_size=batch_size, show_progress=show_progress)
    return np.ascontiguousarray(unique_vectors[[position[text] for text in texts]])


def build_index(
    settings: IndexSettings, *, force: bool = False, show_progress: bool = True
) -> Path:
    """Embed every course and save a flat FAISS index with its metadata sidecar."""
    if not force and index_is_current(settings):
        log.info("index in %s is current; nothing to do", settings.index_dir)
        return settings.index_dir
    started = time.perf_counter()
    courses = load_catalog(settings.catalog_path)
    embedder = Embedder(settings.embedding_model, settings.embedding_model_path)
    vectors = embed_unique(
        embedder,
        [embedding_text(course) for course in courses],
        batch_size=settings.embed_batch_size,
        show_progress=show_progress,
    )
    index = VectorIndex.build(vectors, kind="flat")
    metadata = IndexMetadata(
        model=settings.embedding_model,
        dimension=index.dimension,
        count=index.count,
        catalog_sha256=catalog_hash(settings.catalog_path),
        kind="flat",
        build_seconds=round(time.perf_counter() - started, 2),
    )
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    # Kept for benchmarks and the approximate index; the flat index is the source of truth.
    np.save(settings.index_dir / VECTORS_FILE, vectors)
    index.save(settings.index_dir, metadata)
    log.info("indexed %d courses in %.1fs", index.count, metadata.build_seconds)
    return settings.index_dir
