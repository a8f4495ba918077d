"""Bulk inserts in the driver's own terms, for the order writer's hot path: COPY on
PostgreSQL, executemany on SQLite, values already in the form SQLAlchemy would store."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from psycopg import Connection as PgConnection
from psycopg import errors as pg_errors
from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session


def _sqlite_when(value: datetime) -> str:
    # SQLAlchemy's SQLite DATETIME text for the UTC instant (db.UTCDateTime).
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _doc(value: Any) -> str:
    # JSON text on both backends (COPY's text format parses it into jsonb); empty ones
    # are the common case and need no serializer.
    if not value:
        return "[]" if isinstance(value, list) else "{}"
    try:
        return orjson.dumps(value).decode()
    except (TypeError, orjson.JSONEncodeError):  # what orjson does not take, json may
        return json.dumps(value)


def _pg_when(value: datetime) -> datetime:
    return value


def _same(value: Any) -> Any:
    return value


def _hex(value: Any) -> Any:
    return value.hex if value is not None else None


@dataclass(frozen=True)
class DriverForm:
    """How Python values are written for one backend: ids, instants and JSON documents."""

    uid: Callable[[Any], Any]
    when: Callable[[datetime], Any]
    doc: Callable[[Any], Any]
    postgres: bool


SQLITE = DriverForm(uid=_hex, when=_sqlite_when, doc=_doc, postgres=False)
POSTGRES = DriverForm(uid=_same, when=_pg_when, doc=_doc, postgres=True)


def driver_form(session: Session) -> DriverForm:
    return POSTGRES if session.get_bind().dialect.name == "postgresql" else SQLITE


# A larger page cache (256 MiB) was tried too: no gain measured at 1,000,000 orders, for
# 230 MiB more memory. So was copying the log from a thread of its own, beside the writer:
# slower (the copies, smaller, rewrite pages more often, and take the parser's core).
_LOADING = {"wal_autocheckpoint": 262_144, "journal_size_limit": -1}  # 1 GiB of 4 KiB pages
_BEFORE = "goodbuyer_before_load"


def sqlite_loading(session: Session, loading: bool) -> None:
    """SQLite, on the connection of `session`: while `loading`, the write-ahead log is
    copied back into the database file after 1 GiB instead of 4 MiB; `loading=False` puts
    back what was set before.

    A batch of orders changes pages all over the indexes that are not in insertion order
    (customer, placed date, the audit trail's customer), and the next batches change most
    of them again: each copy writes and syncs a page once however often the log holds it,
    so the fewer the copies, the fewer the writes (at 1,000,000 orders, 13.8 instead of
    19.8 GB written, and a fifth less time). The log's file is cut back to
    `db.JOURNAL_SIZE_LIMIT` once it is copied. A commit is in the log either way, so a
    crashed process loses nothing it committed (with `synchronous=NORMAL`, a power cut
    may undo the commits since the last copy, as before, only more of them; the import
    stores them again when run again)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    before = connection.info.get(_BEFORE)
    if loading and before is None:
        pragma = connection.exec_driver_sql
        connection.info[_BEFORE] = {name: pragma(f"PRAGMA {name}").scalar() for name in _LOADING}
        values = _LOADING
    elif not loading and before is not None:
        values = connection.info.pop(_BEFORE)
    else:
        return
    for name, value in values.items():
        connection.exec_driver_sql(f"PRAGMA {name}={int(value)}")


def insert_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    *,
    skip_conflicts_on: Sequence[str] = (),
) -> None:
    """Insert `rows` (tuples in `columns` order, in the driver's form). With
    `skip_conflicts_on`, rows that collide on that unique key are left out."""
    if not rows:
        return
    connection = session.connection()
    postgres = connection.dialect.name == "postgresql"
    if postgres and not skip_conflicts_on:
        _copy(connection.connection.driver_connection, table, columns, rows)
        return
    mark = "%s" if postgres else "?"
    sql = _insert_sql(table, columns, ", ".join([mark] * len(columns)))
    if skip_conflicts_on:
        sql += f" ON CONFLICT ({', '.join(skip_conflicts_on)}) DO NOTHING"
    connection.exec_driver_sql(sql, list(rows))


def update_rows(
    session: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Set `columns` of the rows whose id is each tuple's last value (the others in
    `columns` order, in the driver's form)."""
    if not rows:
        return
    connection = session.connection()
    mark = "%s" if connection.dialect.name == "postgresql" else "?"
    sets = ", ".join(f"{column} = {mark}" for column in columns)
    # Names come from our own table metadata; every value is a bound parameter.
    sql = f"UPDATE {table.name} SET {sets} WHERE id = {mark}"  # noqa: S608
    connection.exec_driver_sql(sql, list(rows))


def _insert_sql(table: Table, columns: Sequence[str], marks: str) -> str:
    # Names come from our own table metadata; every value is a bound parameter.
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608


def _copy(driver: Any, table: Table, columns: Sequence[str], rows: Sequence[Any]) -> None:
    assert isinstance(driver, PgConnection)
    sql = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except pg_errors.IntegrityError as exc:
        # The same error SQLAlchemy raises for its own statements, so that callers'
        # fallbacks (one order at a time in a savepoint) work the same way.
        raise IntegrityError(sql, None, exc) from exc


__all__ = [
    "POSTGRES",
    "SQLITE",
    "DriverForm",
    "driver_form",
    "insert_rows",
    "sqlite_loading",
    "update_rows",
]
