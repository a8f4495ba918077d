"""Link and check every order not checked yet (after a CSV backfill), oldest first, in
memory: the shop's identity state and its orders' outcomes are read once, each order is
linked with the same steps as one order at a time (`linking.link_record`), and each chunk is
written in bulk in its own transaction, so a crash loses at most the chunk in progress and
a rerun picks up where it stopped."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.db import transaction
from goodbuyer.identity.bulk_rows import insert_dicts
from goodbuyer.identity.checks import OrderFacts, check_row
from goodbuyer.identity.index import OrderRef
from goodbuyer.identity.linking import contact_record, link_record
from goodbuyer.identity.memory_index import MemoryIndex
from goodbuyer.identity.models import OrderCheck
from goodbuyer.identity.records import prepare
from goodbuyer.store.models import Order

CHUNK = 20_000  # orders linked, checked and written per transaction

_CONTACT = (
    Order.id, Order.customer_id, Order.number, Order.placed_at, Order.customer_name,
    Order.ship_name, Order.phone, Order.email, Order.ship_line1, Order.ship_line2,
    Order.ship_city, Order.ship_postcode, Order.ship_country,
)  # fmt: skip


def _unchecked(session: Session, shop_id: uuid.UUID, after: tuple[Any, ...] | None) -> list[Any]:
    checked = select(OrderCheck.order_id).where(OrderCheck.order_id == Order.id)
    query = select(*_CONTACT).where(Order.shop_id == shop_id, ~checked.exists())
    if after is not None:
        query = query.where(tuple_(Order.placed_at, Order.id) > tuple_(*after))
    return list(session.execute(query.order_by(Order.placed_at, Order.id).limit(CHUNK)))


def _link_chunk(session: Session, index: MemoryIndex, facts: OrderFacts, rows: list[Any]) -> None:
    checks: list[dict[str, Any]] = []
    for row in rows:
        record = contact_record(
            row.customer_name or row.ship_name, row.phone, row.email, row.ship_line1,
            row.ship_line2, row.ship_city, row.ship_postcode, row.ship_country,
        )  # fmt: skip
        ref = OrderRef(row.id, index.shop_id, row.customer_id, row.number, row.placed_at)
        link_record(index, ref, prepare(record))
        checks.append(check_row(index, facts, ref, record))
    index.flush(session)
    insert_dicts(session, OrderCheck, checks)


def link_unchecked(
    sessions: sessionmaker[Session],
    shop_id: uuid.UUID,
    clock: Clock,
    actor: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Resolve and check every unchecked order of the shop; returns how many."""
    with sessions() as session:
        index = MemoryIndex.load(session, shop_id, clock.now(), actor)
        facts = OrderFacts.load(session, shop_id)
    done, after = 0, None
    while True:
        with transaction(sessions) as session:
            rows = _unchecked(session, shop_id, after)
            if rows:
                index.now = clock.now()
                _link_chunk(session, index, facts, rows)
        done += len(rows)
        if progress is not None:
            progress(done)
        if len(rows) < CHUNK:
            return done
        after = (rows[-1].placed_at, rows[-1].id)


__all__ = ["CHUNK", "link_unchecked"]
