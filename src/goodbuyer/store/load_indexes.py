"""Indexes built once after a first load instead of row by row during it.

A first CSV import of a shop's history fills `orders` and `audit_events` with rows whose
customer, placed date and order number come in no useful order. Kept up row by row, each of
these indexes has most of its pages changed again by every batch (and, on SQLite, copied
through the write-ahead log each time): a third of the import's time at 1,000,000 orders.
Built at the end from the finished table, each takes a sort and a few seconds.

So when an orders import starts on a database that holds no order of any shop, it drops
the indexes below in its first batch's transaction (both backends' DDL is transactional)
and `restore` builds them when it ends, with or without an error. The unique indexes the
import itself reads (an order by its external id, a customer by its key, a contact point)
are never dropped, so idempotency and the order writer's look-ups do not change. A process
killed between the two leaves the indexes missing: the next import, and `goodbuyer db
upgrade`, build any that are missing before anything else (slower reads meanwhile, never
wrong ones).
"""

from __future__ import annotations

from sqlalchemy import Connection, Index, Table, select
from sqlalchemy.orm import Session

from goodbuyer.audit import AuditEvent
from goodbuyer.store.models import Order


def _named(table: Table, *names: str) -> list[Index]:
    by_name = {str(index.name): index for index in table.indexes}
    return [by_name[name] for name in names]


DEFERRED: tuple[Index, ...] = (
    *_named(
        Order.__table__,  # type: ignore[arg-type]  # declared models' tables are Tables
        "ix_orders_shop_placed",
        "ix_orders_customer_placed",
        "ix_orders_shop_number",
    ),
    *_named(AuditEvent.__table__, "ix_audit_events_customer"),  # type: ignore[arg-type]
)
"""Non-unique indexes that nothing in an orders import reads."""


def defer_if_first_load(session: Session) -> bool:
    """In `session`'s transaction: when no shop has an order yet, drop the deferred
    indexes and say so; `restore` must follow once the load ends."""
    if session.scalar(select(Order.id).limit(1)) is not None:
        return False
    connection = session.connection()
    for index in DEFERRED:
        index.drop(connection, checkfirst=True)
    return True


def restore(connection: Connection) -> list[str]:
    """Build every deferred index that is missing; the names of those built."""
    built: list[str] = []
    for index in DEFERRED:
        if not _exists(connection, index):
            index.create(connection)
            built.append(str(index.name))
    return built


def _exists(connection: Connection, index: Index) -> bool:
    table = index.table
    assert table is not None
    dialect = connection.dialect
    return bool(dialect.has_index(connection, table.name, str(index.name)))


__all__ = ["DEFERRED", "defer_if_first_load", "restore"]
