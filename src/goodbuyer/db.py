"""Storage plumbing: the declarative base, engines for SQLite and PostgreSQL, transactions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Engine, MetaData, TypeDecorator, Uuid, create_engine, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from goodbuyer import idle_ping, sqlite_lock
from goodbuyer.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in, timezone-aware UTC out, on every backend (SQLite has no tz)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: timestamps must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JSONDoc = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        uuid.UUID: Uuid(),
        dict[str, Any]: JSONDoc,
    }


class IdMixin:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)


def normalize_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here (psycopg2 is not a dependency)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


# PostgreSQL's default random_page_cost (4) prices reading a row through an index as a
# disk seek. With the data in memory or on SSD that makes it scan every order line to
# read one person's orders with their lines (15 ms instead of 1.3 at 20,000 orders, worse
# as the table grows), so each connection sets the usual SSD value. A database URL with
# its own `options` (`?options=-c%20random_page_cost%3D4`) keeps those instead.
PG_OPTIONS = "-c random_page_cost=1.1"


def make_engine(
    url: str, *, pool_size: int = 10, echo: bool = False, read_only: bool = False
) -> Engine:
    """An engine with the settings each backend needs for concurrent writers.

    `read_only` (SQLite): connections refuse writes (`query_only`) and open plain deferred
    transactions without the writer lock, so reads never wait for writers (WAL)."""
    url = normalize_url(url)
    if not url.startswith("sqlite"):
        given = make_url(url).query
        connect_args = {} if "options" in given else {"options": PG_OPTIONS}
        engine = create_engine(
            url, echo=echo, pool_size=pool_size, max_overflow=pool_size,
            connect_args=connect_args,
        )  # fmt: skip
        idle_ping.install(engine)  # instead of `pool_pre_ping`: a round trip per checkout
        return engine
    engine = create_engine(url, echo=echo, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    database = engine.url.database
    if read_only:
        event.listen(engine, "connect", _sqlite_query_only)
        event.listen(engine, "begin", _sqlite_begin_deferred)
    elif database and database != ":memory:":
        sqlite_lock.install(engine, database)
    else:
        event.listen(engine, "begin", _sqlite_begin_immediate)
    return engine


# A bulk load lets the write-ahead log grow to 1 GiB (store.bulk.sqlite_loading); once the
# log is copied into the database, its file is cut back to this instead of keeping that size.
JOURNAL_SIZE_LIMIT = 64 << 20


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level: SQLAlchemy's "begin" event issues BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=NORMAL",
        "foreign_keys=ON",
        "busy_timeout=30000",
        "temp_store=MEMORY",
        "cache_size=-65536",
        f"journal_size_limit={JOURNAL_SIZE_LIMIT}",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_query_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


def _sqlite_begin_deferred(connection: Any) -> None:
    # One snapshot for all the reads of a transaction (the driver itself is in autocommit).
    connection.exec_driver_sql("BEGIN")


def _sqlite_begin_immediate(connection: Any) -> None:
    # Take the write lock up front: two writers never deadlock upgrading a read lock.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commits when the block ends, rolls back everything on any error."""
    with sessions() as session, session.begin():
        yield session


__all__ = [
    "Base",
    "IdMixin",
    "JSONDoc",
    "UTCDateTime",
    "enum_type",
    "make_engine",
    "make_sessionmaker",
    "normalize_url",
    "transaction",
]


def enum_type(enum_cls: type[Any]) -> Any:
    """Enums are stored as their string values (portable, readable, migration-friendly)."""
    from sqlalchemy import Enum as SAEnum

    return SAEnum(
        enum_cls,
        native_enum=False,
        length=32,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
    )
