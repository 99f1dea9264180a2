"""'Forget me' on either SQL tracker store Rasa may use: SQLite and a real PostgreSQL."""

from __future__ import annotations

import threading
import time

from actions.records import erase_conversation, tracker_engine
from tests.privacy.conftest import count_events, insert_events

FORGET = "action_forget_me"


def test_erasure_waits_for_the_turn_then_deletes_only_that_learner(tracker_store: str) -> None:
    insert_events(
        tracker_store,
        [
            {"sender_id": "alice", "action_name": "action_listen", "timestamp": 1.0},
            {"sender_id": "alice", "intent_name": "goal", "type_name": "user", "timestamp": 2.0},
            {"sender_id": "bob", "action_name": "action_listen", "timestamp": 1.5},
            {"sender_id": "bob", "action_name": "utter_greet", "timestamp": 2.5},
        ],
    )

    def rasa_stores_the_turn_later() -> None:
        time.sleep(0.4)  # Rasa writes a turn only after its actions have run
        insert_events(tracker_store, [{"sender_id": "alice", "action_name": FORGET}])

    writer = threading.Thread(target=rasa_stores_the_turn_later)
    writer.start()
    started = time.monotonic()
    deleted = erase_conversation(tracker_store, "alice", FORGET, timeout=10)
    writer.join()

    assert time.monotonic() - started >= 0.4  # it waited for the requesting turn
    assert deleted == 3  # both earlier rows and the turn that asked
    assert count_events(tracker_store) == {"bob": 2}


def test_one_engine_per_store_and_process(tracker_store: str) -> None:
    assert tracker_engine(tracker_store) is tracker_engine(tracker_store)
    if tracker_store.startswith("postgresql://"):
        assert tracker_engine(tracker_store).dialect.driver == "psycopg"
