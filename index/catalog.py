"""Load the normalised catalog and derive the texts that the rankers read."""

from __future__ import annotations

import hashlib
from pathlib import Path

from index.schema import Course

DESCRIPTION_CHARS_FOR_EMBEDDING = 1000  # MiniLM reads ~256 tokens; the rest is noise


def load_catalog(path: Path) -> list[Course]:
    """Every course in the catalog file, in file order."""
    if not path.exists():
        raise FileNotFoundError(
            f"catalog not found at {path}: run `make ingest` (python -m index ingest)"
        )
    with path.open(encoding="utf-8") as handle:
        return [Course.model_validate_json(line) for line in handle if line.strip()]


def catalog_hash(path: Path) -> str:
    """SHA-256 of the catalog file: an index built from other data must not be used."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def embedding_text(course: Course) -> str:
    """Title first (it carries the most meaning), then skills and the description's opening."""
    parts = [course.title]
    if course.skills:
        parts.append("Skills: " + ", ".join(course.skills))
    if course.subject:
        parts.append(course.subject)
    if course.description:
        parts.append(course.description[:DESCRIPTION_CHARS_FOR_EMBEDDING])
    return ". ".join(parts)


def lexical_fields(course: Course) -> dict[str, str]:
    """The fields the lexical ranker weights separately (see ``index.lexical``)."""
    return {
        "title": course.title,
        "skills": " ".join(course.skills + ([course.subject] if course.subject else [])),
        "outcomes": " ".join(course.learning_outcomes),
        "description": course.description or "",
        "provider": course.provider or "",
    }
