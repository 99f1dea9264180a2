"""Purge conversations that have been idle for longer than the retention period.

``python -m actions.retention [--days N] [--dry-run]`` (``make purge``) deletes from
Rasa's tracker store every conversation whose latest event is older than the cutoff,
and the hand-over requests made before it, then prints what it removed. It runs
against the same store as the live servers (SQLite or PostgreSQL) and may run while
they serve: a conversation that becomes active during the purge is left alone, since
each deletion re-checks, in the same statement, that no event newer than the cutoff
exists.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from actions.records import (
    EVENTS,
    delete_handoffs_before,
    sqlite_path,
    store_exists,
    tracker_engine,
)

SECONDS_PER_DAY = 86_400.0
# Conversations deleted per transaction: keeps each SQLite write lock short, so the
# live servers wait milliseconds, not the length of the whole purge.
BATCH_SIZE = 200


@dataclass(frozen=True)
class PurgeResult:
    """What a purge removed (or, in a dry run, would remove)."""

    conversations: int
    events: int
    handoffs: int


def cutoff_for(days: float, now: float | None = None) -> float:
    """The epoch time before which a conversation counts as expired."""
    return (time.time() if now is None else now) - days * SECONDS_PER_DAY


def expired_conversations(url: str, cutoff: float) -> dict[str, int]:
    """Sender ids whose latest event is older than ``cutoff``, with their event counts."""
    query = (
        sa.select(EVENTS.c.sender_id, sa.func.count())
        .group_by(EVENTS.c.sender_id)
        .having(sa.func.max(EVENTS.c.timestamp) < cutoff)
    )
    with tracker_engine(url).connect() as connection:
        return {str(sender): int(count) for sender, count in connection.execute(query)}


def _delete_if_still_expired(sender_id: str, cutoff: float) -> sa.Delete:
    newer = EVENTS.alias("newer")
    still_active = (
        sa.select(sa.literal(1))
        .select_from(newer)
        .where(newer.c.sender_id == sender_id, newer.c.timestamp >= cutoff)
        .exists()
    )
    return sa.delete(EVENTS).where(EVENTS.c.sender_id == sender_id, ~still_active)


def purge_conversations(url: str, cutoff: float, dry_run: bool = False) -> tuple[int, int]:
    """Delete the conversations idle since before ``cutoff``; (conversations, events)."""
    if not store_exists(url):
        return 0, 0
    expired = expired_conversations(url, cutoff)
    if dry_run:
        return len(expired), sum(expired.values())
    senders = sorted(expired)
    conversations = events = 0
    engine = tracker_engine(url)
    for start in range(0, len(senders), BATCH_SIZE):
        with engine.begin() as connection:
            for sender_id in senders[start : start + BATCH_SIZE]:
                deleted = connection.execute(_delete_if_still_expired(sender_id, cutoff)).rowcount
                conversations += deleted > 0
                events += deleted
    return conversations, events


def purge(url: str, handoff_db: Path, days: float, dry_run: bool = False) -> PurgeResult:
    """Purge the tracker store and the hand-over queue of everything older than ``days``."""
    cutoff = cutoff_for(days)
    conversations, events = purge_conversations(url, cutoff, dry_run)
    handoffs = delete_handoffs_before(handoff_db, cutoff, dry_run)
    return PurgeResult(conversations=conversations, events=events, handoffs=handoffs)


def _store_name(url: str) -> str:
    """Where the store is, without the credentials a PostgreSQL URL carries."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return sa.make_url(url).render_as_string(hide_password=True)


def main(argv: list[str] | None = None) -> int:
    """The command line: settings from the environment, ``--days`` overrides retention."""
    from actions.settings import ActionSettings

    settings = ActionSettings()
    parser = argparse.ArgumentParser(
        prog="python -m actions.retention",
        description="Delete conversations idle for longer than the retention period.",
    )
    parser.add_argument(
        "--days",
        type=float,
        default=settings.retention_days,
        help=f"retention in days (default CREDWISE_RETENTION_DAYS: {settings.retention_days:g})",
    )
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    args = parser.parse_args(argv)
    if args.days <= 0:
        parser.error("--days must be positive")
    result = purge(settings.tracker_db_url, settings.handoff_db_path, args.days, args.dry_run)
    verb = "would delete" if args.dry_run else "deleted"
    print(
        f"retention {args.days:g} days: {verb} {result.conversations} conversations "
        f"({result.events} events) from {_store_name(settings.tracker_db_url)} and "
        f"{result.handoffs} hand-over requests from {settings.handoff_db_path}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
