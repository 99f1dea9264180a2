"""Tracker and lock stores that keep the scaled deployment honest when a database fails.

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

import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy as sa
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

STORE_CHECK_TIMEOUT_SECONDS = 3


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
