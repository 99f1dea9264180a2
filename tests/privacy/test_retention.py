"""The retention purge on SQLite and PostgreSQL: what is old goes, what is recent stays."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from actions import retention
from actions.records import record_handoff
from tests.privacy.conftest import count_events, env_without_secrets, insert_events

DAY = 86_400.0
REPO_ROOT = Path(__file__).resolve().parents[2]


def _conversation(sender: str, *ages_in_days: float) -> list[dict[str, object]]:
    now = time.time()
    return [
        {"sender_id": sender, "action_name": "action_listen", "timestamp": now - age * DAY}
        for age in ages_in_days
    ]


def _seed(url: str) -> None:
    insert_events(
        url,
        _conversation("stale", 400, 300, 200)
        + _conversation("returned", 300, 250, 2)  # old start, but spoke two days ago
        + _conversation("fresh", 1, 0),
    )


def test_dry_run_counts_and_deletes_nothing(tracker_store: str) -> None:
    _seed(tracker_store)
    cutoff = retention.cutoff_for(180)
    assert retention.purge_conversations(tracker_store, cutoff, dry_run=True) == (1, 3)
    assert count_events(tracker_store) == {"stale": 3, "returned": 3, "fresh": 2}


def test_purge_deletes_only_conversations_idle_past_the_cutoff(tracker_store: str) -> None:
    _seed(tracker_store)
    cutoff = retention.cutoff_for(180)
    assert retention.purge_conversations(tracker_store, cutoff) == (1, 3)
    assert count_events(tracker_store) == {"returned": 3, "fresh": 2}
    # A shorter period catches the conversation that was active two days ago as well.
    assert retention.purge_conversations(tracker_store, retention.cutoff_for(1.5)) == (1, 3)
    assert count_events(tracker_store) == {"fresh": 2}


def test_a_conversation_that_wakes_up_during_the_purge_is_kept(
    tracker_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(tracker_store)
    find_expired = retention.expired_conversations

    def learner_writes_right_after_the_scan(url: str, cutoff: float) -> dict[str, int]:
        expired = find_expired(url, cutoff)
        insert_events(url, _conversation("stale", 0))
        return expired

    monkeypatch.setattr(retention, "expired_conversations", learner_writes_right_after_the_scan)
    assert retention.purge_conversations(tracker_store, retention.cutoff_for(180)) == (0, 0)
    assert count_events(tracker_store)["stale"] == 4


def test_handoff_requests_older_than_the_cutoff_are_purged(tmp_path: Path) -> None:
    db = tmp_path / "advisor.db"
    record_handoff(db, "old", {}, [])
    record_handoff(db, "new", {}, [])
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE handoffs SET requested_at = ? WHERE sender_id = 'old'",
            (time.time() - 200 * DAY,),
        )
    result = retention.purge(f"sqlite:///{tmp_path / 'none.db'}", db, days=180)
    assert result == retention.PurgeResult(conversations=0, events=0, handoffs=1)
    assert not (tmp_path / "none.db").exists()  # a missing store is not created
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT sender_id FROM handoffs").fetchall() == [("new",)]


def test_the_command_reads_its_settings_and_prints_counts(
    tracker_store: str, tmp_path: Path
) -> None:
    _seed(tracker_store)
    handoffs = tmp_path / "advisor.db"
    record_handoff(handoffs, "fresh", {}, [])
    env = {
        **env_without_secrets(),
        "CREDWISE_TRACKER_DB_URL": tracker_store,
        "CREDWISE_HANDOFF_DB_PATH": str(handoffs),
        "CREDWISE_RETENTION_DAYS": "180",
    }

    def command(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "actions.retention", *args],
            cwd=tmp_path,  # no .env here: only the environment above counts
            env={**env, "PYTHONPATH": str(REPO_ROOT)},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return done.stdout

    dry = command("--dry-run")
    assert "would delete 1 conversations (3 events)" in dry
    assert count_events(tracker_store) == {"stale": 3, "returned": 3, "fresh": 2}
    out = command()
    assert "deleted 1 conversations (3 events)" in out and "0 hand-over requests" in out
    assert count_events(tracker_store) == {"returned": 3, "fresh": 2}
    out = command("--days", "1.5")
    assert "deleted 1 conversations (3 events)" in out
    assert count_events(tracker_store) == {"fresh": 2}
    if tracker_store.startswith("postgresql://"):
        password = tracker_store.split(":")[2].split("@")[0]
        assert password not in dry + out  # the store is named without its password
