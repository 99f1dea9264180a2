"""Assemble a ready :class:`CourseSearch` from the files on disk, once per process."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from index.build import LoggedProgress, embed_unique, keyed, machine_cache
from index.catalog import catalog_hash, load_catalog
from index.embedding import Embedder
from index.occupations.matcher import OccupationMatcher
from index.occupations.subset import load_occupations
from index.search import CourseSearch
from index.settings import IndexSettings, get_settings
from index.vector_store import IndexMismatchError, VectorIndex

TITLE_VECTORS_FILE = "occupation_titles.npy"
TITLE_META_FILE = "occupation_titles.meta.json"
TITLES_TABLE = "occupation_titles"  # in the machine's embedding cache


def _cached_titles(
    meta_path: Path, vectors_path: Path, expected: dict[str, object]
) -> npt.NDArray[np.float32] | None:
    """The cached title vectors, or None when absent, stale or unreadable.

    They are only a cache of what the model computes, so a damaged copy is recomputed
    rather than stopping the action server.
    """
    try:
        if json.loads(meta_path.read_text()) != expected:
            return None
        vectors: npt.NDArray[np.float32] = np.load(vectors_path)
    except (OSError, ValueError, EOFError):  # missing, truncated, or not JSON / .npy
        return None
    if vectors.ndim != 2 or len(vectors) != expected["titles"]:
        return None
    return vectors


def load_matcher(settings: IndexSettings, embedder: Embedder) -> OccupationMatcher:
    """The occupation matcher, embedding O*NET titles on first use and caching them on disk."""
    occupations = load_occupations(settings.occupations_path)
    titles, owners = OccupationMatcher.title_table(occupations)
    vectors_path = settings.index_dir / TITLE_VECTORS_FILE
    meta_path = settings.index_dir / TITLE_META_FILE
    expected = {
        "model": settings.embedding_model,
        "occupations_sha256": catalog_hash(settings.occupations_path),
        "titles": len(titles),
    }
    vectors = _cached_titles(meta_path, vectors_path, expected)
    if vectors is None:
        # A title shared by several occupations (a fifth of them) is embedded once.
        cache = machine_cache(settings)
        vectors = embed_unique(
            embedder,
            titles,
            progress=LoggedProgress("occupation titles"),
            cached=cache.load(TITLES_TABLE) if cache else None,
        )
        if cache:
            cache.add(TITLES_TABLE, keyed(titles, vectors))
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        np.save(vectors_path, vectors)
        meta_path.write_text(json.dumps(expected, indent=2) + "\n")
    return OccupationMatcher(
        occupations, embedder.encode, vectors, np.asarray(owners, dtype=np.int32)
    )


def use_serving_threads(threads: int) -> None:
    """Limit FAISS to ``threads`` threads (see ``IndexSettings``); the embedder's ONNX
    Runtime session is given the same number in ``load_search``."""
    import faiss

    faiss.omp_set_num_threads(threads)


def load_search(settings: IndexSettings, *, with_matcher: bool = True) -> CourseSearch:
    """Catalog + verified FAISS index + embedder (+ occupation matcher), ready to serve."""
    courses = load_catalog(settings.catalog_path)
    vectors, _ = VectorIndex.load(
        settings.index_dir,
        expected_model=settings.embedding_model,
        expected_catalog_sha256=catalog_hash(settings.catalog_path),
    )
    if vectors.count != len(courses):
        raise IndexMismatchError(
            f"index has {vectors.count} vectors for {len(courses)} courses: run `make index`"
        )
    embedder = Embedder(
        settings.embedding_model, settings.embedding_model_path, threads=settings.serving_threads
    )
    matcher = load_matcher(settings, embedder) if with_matcher else None
    use_serving_threads(settings.serving_threads)
    search = CourseSearch(courses, vectors, embedder, matcher)
    search.abbreviations()  # mined now, at start-up, not on a learner's first question
    search.titled_numbers()  # likewise the numbered names ("OSHA 10") of every listing
    return search


@lru_cache(maxsize=1)
def get_search() -> CourseSearch:
    """The process-wide search (loaded on first call, never at import)."""
    return load_search(get_settings())
