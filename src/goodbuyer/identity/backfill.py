"""Link and check every order not checked yet (after a CSV backfill), oldest first, in
memory: the shop's identity state and its orders' outcomes are read once, each order is
linked with the same steps as one order at a time (`linking.link_record`), and each chunk is
written in bulk in its own transaction, so a crash loses at most the chunk in progress and
a rerun picks up where it stopped."""

from __future__ import annotations

import gc
import multiprocessing
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select, text, tuple_
from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.db import transaction
from goodbuyer.identity.bulk_rows import insert_dicts
from goodbuyer.identity.checks import OrderFacts, check_row
from goodbuyer.identity.index import OrderRef
from goodbuyer.identity.linking import contact_record, link_record
from goodbuyer.identity.memory_index import MemoryIndex
from goodbuyer.identity.models import OrderCheck
from goodbuyer.identity.records import PersonRecord, prepare
from goodbuyer.identity.signals import Stored, ghosts_of
from goodbuyer.store.models import Order

CHUNK = 20_000  # orders linked, checked and written per transaction
HELPER_FROM = 50_000  # unchecked orders from which ghost signals are read in a second process

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
    return list(
        session.connection().execute(query.order_by(Order.placed_at, Order.id).limit(CHUNK))
    )


def _ghosts(records: list[PersonRecord]) -> list[Stored]:
    found = [ghosts_of(r) for r in records]
    gc.collect(1)  # in a helper forked while the collector was paused, too
    return found


def _link_chunk(
    session: Session, index: MemoryIndex, facts: OrderFacts, rows: list[Any],
    helper: Executor | None,
) -> None:  # fmt: skip
    """Link and check one chunk; the ghost signals of its distinct contact data are read
    meanwhile in the helper process, when there is one."""
    records = [
        contact_record(r.customer_name or r.ship_name, r.phone, r.email, r.ship_line1,
                       r.ship_line2, r.ship_city, r.ship_postcode, r.ship_country)
        for r in rows
    ]  # fmt: skip
    distinct = list(dict.fromkeys(records))
    pending = helper.submit(_ghosts, distinct) if helper is not None else None
    checks: list[dict[str, Any]] = []
    for row, record in zip(rows, records, strict=True):
        ref = OrderRef(row.id, index.shop_id, row.customer_id, row.number, row.placed_at)
        link_record(index, ref, prepare(record))
        checks.append(check_row(index, facts, ref))
    found = dict(zip(distinct, pending.result() if pending else _ghosts(distinct), strict=True))
    for check, record in zip(checks, records, strict=True):
        check["ghost_signals"], check["ghost_score"] = found[record]
    index.flush(session)
    insert_dicts(session, OrderCheck, checks)


def _helper(sessions: sessionmaker[Session], shop_id: uuid.UUID) -> Executor | None:
    """A second process for the ghost signals when the backfill is big enough to pay for
    it (forked: it starts at once and needs nothing sent but the records)."""
    with sessions() as session:
        checked = select(OrderCheck.order_id).where(OrderCheck.order_id == Order.id)
        query = select(func.count()).where(Order.shop_id == shop_id, ~checked.exists())
        if (session.scalar(query) or 0) < HELPER_FROM:
            return None
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))


def _refresh_statistics(sessions: sessionmaker[Session]) -> None:
    """After a bulk load PostgreSQL plans from row counts it last sampled (none): without
    them the history check's p99 was 13 ms instead of 3 ms at 1,000,000 orders."""
    with transaction(sessions) as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text(f"ANALYZE {', '.join(_LOADED)}"))


_LOADED = ("identity_records", "identity_keys", "identity_links", "person_members", "order_checks")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector left out of the loop: its full collections walk every
    object the index and the facts hold (millions, none of them garbage), about a seventh
    of the backfill's time at 100,000 orders and more the bigger the shop. What is held by
    then is set aside (`gc.freeze`); each chunk's young garbage is collected after it."""
    enabled = gc.isenabled()
    gc.disable()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def link_unchecked(
    sessions: sessionmaker[Session],
    shop_id: uuid.UUID,
    clock: Clock,
    actor: str,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Resolve and check every unchecked order of the shop; returns how many."""
    with _collector_paused():
        return _link_all(sessions, shop_id, clock, actor, progress)


def _link_all(
    sessions: sessionmaker[Session],
    shop_id: uuid.UUID,
    clock: Clock,
    actor: str,
    progress: Callable[[int], None] | None,
) -> int:
    with sessions() as session:
        index = MemoryIndex.load(session, shop_id, clock.now(), actor)
        facts = OrderFacts.load(session, shop_id)
    gc.freeze()
    done, after, helper = 0, None, _helper(sessions, shop_id)
    try:
        while True:
            with transaction(sessions) as session:
                rows = _unchecked(session, shop_id, after)
                if rows:
                    index.now = clock.now()
                    _link_chunk(session, index, facts, rows, helper)
            gc.collect(1)
            done += len(rows)
            if progress is not None:
                progress(done)
            if len(rows) < CHUNK:
                _refresh_statistics(sessions)
                return done
            after = (rows[-1].placed_at, rows[-1].id)
    finally:
        if helper is not None:
            helper.shutdown()


__all__ = ["CHUNK", "HELPER_FROM", "link_unchecked"]
