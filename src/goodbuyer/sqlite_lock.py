"""One writer at a time on a SQLite file, handed over by the kernel instead of by polling.

SQLite's busy handler makes a waiting writer sleep in growing steps (up to 100 ms), so two
API processes contending for the file see latencies of seconds. Every transaction here
first takes an exclusive `flock` on `<database>.lock` (each connection has its own open
file, so threads and processes queue alike) and releases it right after COMMIT or
ROLLBACK; the kernel wakes the next waiter at once, and frees the lock if a process dies.
"""

from __future__ import annotations

import fcntl
import os
from typing import Any

from sqlalchemy import Engine, event

_FD = "goodbuyer_lock_fd"


def install(engine: Engine, database_path: str) -> None:
    lock_path = database_path + ".lock"

    @event.listens_for(engine, "connect")
    def _open(dbapi_connection: Any, record: Any) -> None:
        record.info[_FD] = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)

    @event.listens_for(engine, "close")
    def _close(dbapi_connection: Any, record: Any) -> None:
        fd = record.info.pop(_FD, None)
        if fd is not None:
            os.close(fd)

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        fcntl.flock(connection.info[_FD], fcntl.LOCK_EX)
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    @event.listens_for(engine, "commit")
    def _commit(connection: Any) -> None:
        # The event fires before SQLAlchemy's own COMMIT: commit here, then let go, so the
        # next writer never finds the file still locked (SQLAlchemy's commit is a no-op).
        connection.connection.dbapi_connection.commit()
        fcntl.flock(connection.info[_FD], fcntl.LOCK_UN)

    @event.listens_for(engine, "rollback")
    def _rollback(connection: Any) -> None:
        connection.connection.dbapi_connection.rollback()
        fcntl.flock(connection.info[_FD], fcntl.LOCK_UN)

    @event.listens_for(engine, "reset")
    def _reset(dbapi_connection: Any, record: Any, reset_state: Any) -> None:
        fd = record.info.get(_FD)
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)


__all__ = ["install"]
