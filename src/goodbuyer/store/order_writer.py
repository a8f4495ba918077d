"""Writes batches of orders in a few statements per table: idempotent and order-safe.

Each order is identified by (shop, source, external id). A replay (same `updated_at`)
changes nothing; an older update is ignored ("stale"); a newer one replaces the order's
fields and lines, and its statuses only move forward (`lifecycle`).
A concurrent writer that stored the same order first makes the batch fall back to one
order at a time, each in its own savepoint, which then sees the other's row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Table, bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from goodbuyer.audit import AuditEvent
from goodbuyer.clock import ensure_utc
from goodbuyer.ids import new_ids
from goodbuyer.store.bulk import DriverForm, driver_form, insert_rows
from goodbuyer.store.checked import construct
from goodbuyer.store.contacts import customer_key
from goodbuyer.store.lifecycle import merge_payment_status, merge_status
from goodbuyer.store.models import ContactPoint, Customer, Order, OrderLine
from goodbuyer.store.order_rows import (
    AUDIT_COLUMNS,
    CONTACT_COLUMNS,
    CUSTOMER_COLUMNS,
    LINE_COLUMNS,
    ORDER_COLUMNS,
    Touched,
    audit_rows,
    contact_rows,
    line_rows,
    order_fields,
    order_row,
    updated_at,
)
from goodbuyer.store.schemas import IngestResult, OrderIn
from goodbuyer.store.statuses import OrderStatus, PaymentStatus

_ORDERS: Table = Order.__table__  # type: ignore[assignment]
_LINES: Table = OrderLine.__table__  # type: ignore[assignment]
_CUSTOMERS: Table = Customer.__table__  # type: ignore[assignment]
_CONTACTS: Table = ContactPoint.__table__  # type: ignore[assignment]
_AUDIT: Table = AuditEvent.__table__  # type: ignore[assignment]
_CHUNK = 500


def write_orders(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    orders: Sequence[OrderIn],
    now: datetime,
    actor: str,
) -> list[IngestResult]:
    """Store a batch; one result per distinct external id, in first-seen order."""
    if session.get_bind().dialect.name == "sqlite":
        # One writer at a time (sqlite_lock): no concurrent insert can race this batch,
        # so the savepoint and its fallback would guard nothing and cost two statements.
        return _write_batch(session, shop_id, source, orders, now, actor)
    try:
        with session.begin_nested():
            return _write_batch(session, shop_id, source, orders, now, actor)
    except IntegrityError:
        results: list[IngestResult] = []
        for order in orders:
            results.extend(_write_one_with_retry(session, shop_id, source, order, now, actor))
        return results


def _write_one_with_retry(
    session: Session, shop_id: uuid.UUID, source: str, order: OrderIn, now: datetime, actor: str
) -> list[IngestResult]:
    for attempt in range(3):
        try:
            with session.begin_nested():
                return _write_batch(session, shop_id, source, [order], now, actor)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _write_batch(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    orders: Sequence[OrderIn],
    now: datetime,
    actor: str,
) -> list[IngestResult]:
    form = driver_form(session)
    latest = _latest_per_external_id(orders)
    existing = _existing_orders(session, form, shop_id, source, list(latest))
    results, new, newer = _sort_out(latest, existing)
    customers, created = _customer_ids(session, form, shop_id, source, new, now)
    new_ids = _insert_orders(session, form, shop_id, source, new, customers, now)
    _update_orders(session, newer, now)
    for order in new:
        results[order.external_id] = _result(
            new_ids[order.external_id], order.external_id, "created"
        )
    touched = [Touched(o, new_ids[o.external_id], customers[o.external_id]) for o in new]
    touched += [Touched(o, row.id, row.customer_id) for o, row in newer]
    _replace_lines(session, form, shop_id, touched, replace=bool(newer))
    fresh, known = contact_rows(form, shop_id, touched, created)
    insert_rows(session, _CONTACTS, CONTACT_COLUMNS, fresh)
    insert_rows(session, _CONTACTS, CONTACT_COLUMNS, known, skip_conflicts_on=_CONTACT_KEY)
    rows = audit_rows(form, shop_id, touched, results, now, actor)
    insert_rows(session, _AUDIT, AUDIT_COLUMNS, rows)
    return [results[ext_id] for ext_id in latest]


def _sort_out(
    latest: dict[str, OrderIn], existing: dict[str, Any]
) -> tuple[dict[str, IngestResult], list[OrderIn], list[tuple[OrderIn, Any]]]:
    """(results for known orders, new orders, known orders this batch updates)."""
    results: dict[str, IngestResult] = {}
    new: list[OrderIn] = []
    newer: list[tuple[OrderIn, Any]] = []
    for ext_id, order in latest.items():
        row = existing.get(ext_id)
        if row is None:
            new.append(order)
            continue
        action = _action(ensure_utc(row.source_updated_at), updated_at(order))
        results[ext_id] = _result(row.id, ext_id, action)
        if action == "updated":
            newer.append((order, row))
    return results, new, newer


def _action(stored_at: datetime, incoming_at: datetime) -> str:
    if incoming_at > stored_at:
        return "updated"
    return "unchanged" if incoming_at == stored_at else "stale"


def _result(order_id: uuid.UUID, external_id: str, action: str) -> IngestResult:
    # Built from values this module made, so pydantic's checks would only cost time.
    return construct(IngestResult, id=order_id, external_id=external_id, action=action)


def _latest_per_external_id(orders: Iterable[OrderIn]) -> dict[str, OrderIn]:
    latest: dict[str, OrderIn] = {}
    for order in orders:
        seen = latest.get(order.external_id)
        if seen is None or updated_at(order) >= updated_at(seen):
            latest[order.external_id] = order
    return latest


def _existing_orders(
    session: Session, form: DriverForm, shop_id: uuid.UUID, source: str, external_ids: list[str]
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    cols = (
        _ORDERS.c.id,
        _ORDERS.c.external_id,
        _ORDERS.c.source_updated_at,
        _ORDERS.c.status,
        _ORDERS.c.payment_status,
        _ORDERS.c.customer_id,
    )
    for chunk in _chunks(external_ids):
        query = select(*cols).where(
            _ORDERS.c.shop_id == shop_id,
            _ORDERS.c.source == source,
            _matching(_ORDERS.c.external_id, chunk, form),
        )
        found.update({row.external_id: row for row in session.execute(query)})
    return found


def _customer_ids(
    session: Session,
    form: DriverForm,
    shop_id: uuid.UUID,
    source: str,
    orders: list[OrderIn],
    now: datetime,
) -> tuple[dict[str, uuid.UUID], set[uuid.UUID]]:
    """(external order id -> customer id, the customers created here)."""
    keys = {o.external_id: customer_key(source, o.customer, o.external_id) for o in orders}
    known: dict[str, uuid.UUID] = {}
    for chunk in _chunks(sorted(set(keys.values()))):
        query = select(_CUSTOMERS.c.key, _CUSTOMERS.c.id).where(
            _CUSTOMERS.c.shop_id == shop_id, _matching(_CUSTOMERS.c.key, chunk, form)
        )
        known.update({row.key: row.id for row in session.execute(query)})
    fresh = {
        keys[o.external_id]: o.customer.name for o in orders if keys[o.external_id] not in known
    }
    ids = dict(zip(fresh, new_ids(len(fresh)), strict=True))
    shop, at = form.uid(shop_id), form.when(now)
    rows = [(form.uid(ids[key]), shop, key, name, at, at) for key, name in fresh.items()]
    insert_rows(session, _CUSTOMERS, CUSTOMER_COLUMNS, rows)
    known.update(ids)
    return {ext_id: known[key] for ext_id, key in keys.items()}, set(ids.values())


def _insert_orders(
    session: Session,
    form: DriverForm,
    shop_id: uuid.UUID,
    source: str,
    orders: list[OrderIn],
    customers: dict[str, uuid.UUID],
    now: datetime,
) -> dict[str, uuid.UUID]:
    ids = dict(zip((o.external_id for o in orders), new_ids(len(orders)), strict=True))
    shop, at = form.uid(shop_id), form.when(now)
    rows = [
        (
            *order_row(form, o, form.uid(ids[o.external_id]), form.uid(customers[o.external_id])),
            shop,
            str(source),
            at,
            at,
        )
        for o in orders
    ]
    insert_rows(session, _ORDERS, ORDER_COLUMNS, rows)
    return ids


def _update_orders(session: Session, newer: list[tuple[OrderIn, Any]], now: datetime) -> None:
    if not newer:
        return
    rows = [
        {
            **order_fields(o),
            "_id": row.id,
            "updated_at": now,
            "status": merge_status(OrderStatus(row.status), o.status),
            "payment_status": merge_payment_status(
                PaymentStatus(row.payment_status), o.payment_status
            ),
        }
        for o, row in newer
    ]
    values: dict[str, Any] = {k: bindparam(k) for k in rows[0] if k != "_id"}
    statement = update(_ORDERS).where(_ORDERS.c.id == bindparam("_id")).values(values)
    session.execute(statement.execution_options(synchronize_session=False), rows)


def _replace_lines(
    session: Session,
    form: DriverForm,
    shop_id: uuid.UUID,
    touched: list[Touched],
    *,
    replace: bool,
) -> None:
    if replace:
        for chunk in _chunks([t.order_id for t in touched]):
            session.execute(delete(_LINES).where(_LINES.c.order_id.in_(chunk)))
    insert_rows(session, _LINES, LINE_COLUMNS, line_rows(form, shop_id, touched))


def _matching(column: Any, values: list[str], form: DriverForm) -> Any:
    """`column IN values`; for one value (every REST call and webhook) an equality, whose
    compiled form is cached, where an expanding IN list is compiled anew on every call."""
    if len(values) == 1:
        return column == values[0]
    return column.in_(_listed(values, form))


def _listed(values: list[str], form: DriverForm) -> BindParameter[Any]:
    # On PostgreSQL the values are written into the SQL text: a statement it prepares
    # after a few runs gets a generic plan, which scans every order of the shop instead
    # of using the unique index for the listed ids.
    return bindparam("listed", values, expanding=True, literal_execute=form.postgres)


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


_CONTACT_KEY = ("customer_id", "kind", "normalized")

__all__ = ["write_orders"]
