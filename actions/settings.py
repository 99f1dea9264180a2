"""Settings of the action server process, from the environment (prefix ``CREDWISE_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.settings import REPO_ROOT


class ActionSettings(BaseSettings):
    """Tunables of the conversation and where its records live."""

    model_config = SettingsConfigDict(env_prefix="CREDWISE_", env_file=".env", extra="ignore")

    results_per_page: int = 3
    # Enough candidates that "more results" and "not interested" never run dry at once.
    max_results: int = 30
    invalid_answers_before_skip_offer: int = 2
    # A first message with no word of learning ("photography", "python for finance") is
    # taken as a goal when the catalog has a course this close to it (cosine similarity
    # of all-MiniLM-L6-v2 embeddings); chit-chat and other requests stay below it.
    learnable_similarity: float = Field(default=0.45, ge=0, le=1)
    # Rasa's conversation store: "forget me" deletes the learner's rows from it.
    tracker_db_url: str = f"sqlite:///{REPO_ROOT / 'data' / 'tracker.db'}"
    # Hand-over requests for the advisor console.
    handoff_db_path: Path = REPO_ROOT / "data" / "advisor.db"
    # `python -m actions.retention` (`make purge`) deletes conversations idle for longer
    # than this, and hand-over requests older than it: about six months by default.
    retention_days: float = Field(default=180, gt=0)
