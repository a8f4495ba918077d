"""A pooled PostgreSQL connection is pinged before use only after it sat idle a while.

SQLAlchemy's `pool_pre_ping` pings on every checkout: one more round trip per
transaction, which on a busy two-core machine is a tenth of a worker's time. A connection
handed back a moment ago is as alive as it was then; one that waited longer than
`IDLE_SECONDS` (a database restart, a firewall's idle cut, `idle_session_timeout`) is
pinged first, and a dead one is replaced before the caller sees it (the pool's
pessimistic disconnect handling: `DisconnectionError` from a checkout listener).
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, event, exc

IDLE_SECONDS = 5.0
_SINCE = "goodbuyer_idle_since"


def install(engine: Engine, idle_seconds: float | None = None) -> None:
    dialect = engine.dialect
    idle = IDLE_SECONDS if idle_seconds is None else idle_seconds

    @event.listens_for(engine, "checkin")
    def _checkin(dbapi_connection: Any, record: Any) -> None:
        record.info[_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        since = record.info.pop(_SINCE, None)
        if since is None or time.monotonic() - since < idle:
            return  # new, or back in the pool a moment ago
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            if dialect.is_disconnect(error, dbapi_connection, None):
                raise exc.DisconnectionError(str(error)) from error
            raise


__all__ = ["IDLE_SECONDS", "install"]
