"""Build the search index from the catalog: embed, index, and record what was built."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from pathlib import Path

import numpy as np
import numpy.typing as npt

from index.catalog import catalog_hash, embedding_text, load_catalog
from index.embedding import Embedder, Progress, Vectors, resolve_model_path
from index.embedding_cache import EmbeddingCache, weights_fingerprint
from index.settings import IndexSettings
from index.vector_store import METADATA_FILE, IndexMetadata, IndexMismatchError, VectorIndex

log = logging.getLogger(__name__)
VECTORS_FILE = "courses.vectors.npy"
TEXT_KEYS_FILE = "courses.text_keys.json"  # per row of VECTORS_FILE, the text it embeds


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


def text_key(text: str) -> str:
    """What identifies an embedded text in the cache: its SHA-1 (hex)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class LoggedProgress:
    """Logs how far an embedding run is, every tenth of the way: a line a CI log can hold
    (a redrawn progress bar there is thousands of lines), and enough to see it moving."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.started = time.perf_counter()
        self.next_share = 0.1

    def __call__(self, done: int, total: int) -> None:
        if done < total and done < self.next_share * total:
            return
        self.next_share = done / total + 0.1
        elapsed = time.perf_counter() - self.started
        log.info(
            "embedded %d / %d %s (%.0f%%) in %.0f s",
            done,
            total,
            self.what,
            100 * done / total,
            elapsed,
        )


def embed_unique(
    embedder: Embedder,
    texts: list[str],
    *,
    progress: Progress | None = None,
    cached: dict[str, npt.NDArray[np.float32]] | None = None,
) -> Vectors:
    """One vector per text, each distinct text embedded once, and none embedded again.

    State lists repeat a programme at every campus with the same title and description
    (about 1,500 texts of the Texas list): the model would return the same vector for each.
    ``cached`` maps ``text_key`` to the vector a previous build computed with the same
    model: a catalog that changed in a few records re-embeds those records only (the
    model is deterministic on CPU, so a cached vector equals a fresh one).
    """
    cached = cached or {}
    distinct = list(dict.fromkeys(texts))
    keys = {text: text_key(text) for text in distinct}
    missing = [text for text in distinct if keys[text] not in cached]
    if missing:
        log.info("embedding %d new texts (%d cached)", len(missing), len(distinct) - len(missing))
        fresh = embedder.encode(missing, progress=progress)
        cached = {**cached, **{keys[text]: fresh[i] for i, text in enumerate(missing)}}
    return np.ascontiguousarray(np.stack([cached[keys[text]] for text in texts]))


COURSE_TEXTS_TABLE = "course_texts"


def machine_cache(settings: IndexSettings) -> EmbeddingCache | None:
    """The machine's cache of vectors for the configured model, or None when turned off."""
    if settings.embedding_cache_dir is None:
        return None
    model_dir = resolve_model_path(settings.embedding_model, settings.embedding_model_path)
    return EmbeddingCache(
        settings.embedding_cache_dir, weights_fingerprint(settings.embedding_model, model_dir)
    )


def keyed(texts: list[str], vectors: Vectors) -> dict[str, npt.NDArray[np.float32]]:
    """Each text's vector by its text key, to keep in the machine's cache."""
    return {text_key(text): vectors[i] for i, text in enumerate(texts)}


def previous_vectors(settings: IndexSettings) -> dict[str, npt.NDArray[np.float32]]:
    """The vectors of the last build, by text key, when it used the configured model."""
    directory = settings.index_dir
    try:
        metadata = IndexMetadata(
            **json.loads((directory / METADATA_FILE).read_text(encoding="utf-8"))
        )
        keys = json.loads((directory / TEXT_KEYS_FILE).read_text(encoding="utf-8"))
        vectors = np.load(directory / VECTORS_FILE)
    except (OSError, ValueError, TypeError):
        return {}
    if metadata.model != settings.embedding_model or len(keys) != len(vectors):
        return {}
    return dict(zip(keys, vectors, strict=True))


def build_index(settings: IndexSettings, *, force: bool = False) -> Path:
    """Embed every course and save a flat FAISS index with its metadata sidecar."""
    if not force and index_is_current(settings):
        log.info("index in %s is current; nothing to do", settings.index_dir)
        return settings.index_dir
    started = time.perf_counter()
    courses = load_catalog(settings.catalog_path)
    embedder = Embedder(settings.embedding_model, settings.embedding_model_path)
    texts = [embedding_text(course) for course in courses]
    cache = machine_cache(settings)
    kept = cache.load(COURSE_TEXTS_TABLE) if cache else {}
    vectors = embed_unique(
        embedder,
        texts,
        progress=LoggedProgress("course texts"),
        cached={**kept, **previous_vectors(settings)},
    )
    if cache:
        cache.add(COURSE_TEXTS_TABLE, keyed(texts, vectors))
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
    (settings.index_dir / TEXT_KEYS_FILE).write_text(
        json.dumps([text_key(text) for text in texts]), encoding="utf-8"
    )
    index.save(settings.index_dir, metadata)
    log.info("indexed %d courses in %.1fs", index.count, metadata.build_seconds)
    return settings.index_dir
