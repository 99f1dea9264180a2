"""Tracker and lock stores: a cheaper turn in the embedded mode, honesty in the scaled one.

:class:`RememberingSQLTrackerStore` serves the embedded mode, where one Rasa process owns
its SQLite file: it keeps the trackers of recent conversations in memory, so a turn no
longer reads and replays every event of the conversation from the database before it
starts (the read was about a seventh of Rasa's CPU per turn), and it writes each turn's
new events without first counting the stored ones.

Rasa 3.6 wraps every tracker store in a fail-safe that, when the database errors,
quietly serves the turn from an empty in-memory tracker: the learner would be greeted
as a stranger and the turn would never be stored. Two small extensions prevent that:

- :class:`GatedRedisLockStore` grants a conversation's lock only while the tracker
  store answers. Without the lock Rasa answers nothing and logs the error, and the
  channels turn that silence into an apology; when the database returns, the next turn
  simply works.
- :class:`ResilientSQLTrackerStore` checks a pooled connection before using it, so the
  first turn after PostgreSQL restarts does not fail on a connection the restart cut.
"""

from __future__ import annotations

import itertools
import logging
from collections import OrderedDict
from collections.abc import AsyncGenerator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

STORE_CHECK_TIMEOUT_SECONDS = 3


@dataclass
class _Remembered:
    """A tracker as this process last read or wrote it, and how many of its events are stored."""

    tracker: DialogueStateTracker
    stored: int


class RememberingSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store with the latest trackers kept in memory (one process only).

    Every write still goes to the database, so a restart loses nothing. A remembered
    tracker is served only while it holds exactly the events stored: a turn that failed
    after changing it, or a tracker written from elsewhere in the process, sends the next
    read back to the database. A new session is not remembered until it is read back,
    so a remembered tracker always equals what the database would return. Only for a
    single Rasa process: two processes sharing the database would serve stale trackers.
    """

    def __init__(self, remember: int = 2000, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._capacity = int(remember)
        self._remembered: OrderedDict[str, _Remembered] = OrderedDict()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The remembered tracker when it is current, else the database's (then remembered)."""
        entry = self._remembered.get(sender_id)
        if entry is not None and len(entry.tracker.events) == entry.stored:
            self._remembered.move_to_end(sender_id)
            return entry.tracker
        self._remembered.pop(sender_id, None)
        tracker = await super().retrieve(sender_id)
        if tracker is not None:
            self._remember(tracker)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Write the new events, then remember the tracker unless it started a new session."""
        entry = self._remembered.get(tracker.sender_id)
        await super().save(tracker)
        if entry is None or entry.tracker is not tracker:
            self._remembered.pop(tracker.sender_id, None)
            return
        written = itertools.islice(tracker.events, entry.stored, None)
        if any(isinstance(event, SessionStarted) for event in written):
            self._remembered.pop(tracker.sender_id, None)
        else:
            entry.stored = len(tracker.events)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Any]:
        """The events after the stored ones, known without a count query when remembered."""
        entry = self._remembered.get(tracker.sender_id)
        if entry is not None and entry.tracker is tracker:
            return itertools.islice(tracker.events, entry.stored, None)
        counted: Iterator[Any] = super()._additional_events(session, tracker)
        return counted

    def _remember(self, tracker: DialogueStateTracker) -> None:
        self._remembered[tracker.sender_id] = _Remembered(tracker, len(tracker.events))
        self._remembered.move_to_end(tracker.sender_id)
        while len(self._remembered) > self._capacity:
            self._remembered.popitem(last=False)


class ResilientSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store with pre-ping on every pooled connection."""

    engine: sa.engine.Engine

    def __init__(self, host: str | None = None, **kwargs: Any) -> None:
        super().__init__(host=host, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)


class GatedRedisLockStore(RedisLockStore):
    """Redis conversation locks, granted only while the tracker store is reachable.

    Configured like Rasa's ``redis`` lock store plus ``tracker_store_url``, the
    SQLAlchemy URL of the tracker store to check.
    """

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        options = dict(endpoint_config.kwargs)
        tracker_store_url = options.pop("tracker_store_url")
        super().__init__(host=endpoint_config.url, **options)
        self._store = sa.create_engine(
            tracker_store_url,
            pool_pre_ping=True,
            pool_size=1,
            max_overflow=4,
            connect_args={"connect_timeout": STORE_CHECK_TIMEOUT_SECONDS},
        )

    def _check_tracker_store(self) -> None:
        try:
            with self._store.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError as error:
            raise LockError(
                f"Tracker store unreachable, turn refused until it returns: {error}"
            ) from error

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[Any, None]:
        """Check the tracker store, then take the lock as Rasa's Redis lock store does."""
        self._check_tracker_store()
        async with super().lock(conversation_id, lock_lifetime, wait_time_in_seconds) as lock:
            yield lock
