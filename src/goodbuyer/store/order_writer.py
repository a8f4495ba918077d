"""Writes batches of orders in a few statements per table: idempotent and order-safe.

Each order is identified by (shop, source, external id). A replay (same `updated_at`)
changes nothing; an older update is ignored ("stale"); a newer one replaces the order's
fields and lines, and its status only moves forward (`lifecycle.merge_status`).
A concurrent writer that stored the same order first makes the batch fall back to one
order at a time, each in its own savepoint, which then sees the other's row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from goodbuyer.audit import AuditEvent
from goodbuyer.clock import ensure_utc
from goodbuyer.ids import new_id
from goodbuyer.store.contacts import contact_points, customer_key
from goodbuyer.store.lifecycle import merge_status
from goodbuyer.store.models import ContactPoint, Customer, Order, OrderLine
from goodbuyer.store.schemas import IngestResult, OrderIn
from goodbuyer.store.statuses import OrderStatus

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
    latest = _latest_per_external_id(orders)
    existing = _existing_orders(session, shop_id, source, list(latest))
    results: dict[str, IngestResult] = {}
    new: list[OrderIn] = []
    newer: list[tuple[OrderIn, Any]] = []
    for ext_id, order in latest.items():
        row = existing.get(ext_id)
        if row is None:
            new.append(order)
            continue
        stored_at, incoming_at = ensure_utc(row.source_updated_at), _updated_at(order)
        action = (
            "updated"
            if incoming_at > stored_at
            else ("unchanged" if incoming_at == stored_at else "stale")
        )
        results[ext_id] = IngestResult(id=row.id, external_id=ext_id, action=action)
        if action == "updated":
            newer.append((order, row))
    customers = _customer_ids(session, shop_id, source, new, now)
    new_ids = _insert_orders(session, shop_id, source, new, customers, now)
    _update_orders(session, newer, now)
    for order in new:
        results[order.external_id] = IngestResult(
            id=new_ids[order.external_id], external_id=order.external_id, action="created"
        )
    touched = [(o, new_ids[o.external_id], customers[o.external_id]) for o in new]
    touched += [(o, row.id, row.customer_id) for o, row in newer]
    _replace_lines(session, shop_id, touched, replace=bool(newer))
    _add_contact_points(session, shop_id, touched, now)
    _audit(session, shop_id, touched, results, now, actor)
    return [results[ext_id] for ext_id in latest]


def _updated_at(order: OrderIn) -> datetime:
    return ensure_utc(order.updated_at or order.placed_at)


def _latest_per_external_id(orders: Iterable[OrderIn]) -> dict[str, OrderIn]:
    latest: dict[str, OrderIn] = {}
    for order in orders:
        seen = latest.get(order.external_id)
        if seen is None or _updated_at(order) >= _updated_at(seen):
            latest[order.external_id] = order
    return latest


def _existing_orders(
    session: Session, shop_id: uuid.UUID, source: str, external_ids: list[str]
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    cols = (
        _ORDERS.c.id,
        _ORDERS.c.external_id,
        _ORDERS.c.source_updated_at,
        _ORDERS.c.status,
        _ORDERS.c.customer_id,
    )
    for chunk in _chunks(external_ids):
        query = select(*cols).where(
            _ORDERS.c.shop_id == shop_id,
            _ORDERS.c.source == source,
            _ORDERS.c.external_id.in_(chunk),
        )
        found.update({row.external_id: row for row in session.execute(query)})
    return found


def _customer_ids(
    session: Session, shop_id: uuid.UUID, source: str, orders: list[OrderIn], now: datetime
) -> dict[str, uuid.UUID]:
    """external order id -> customer id, creating customers not seen before."""
    keys = {o.external_id: customer_key(source, o.customer, o.external_id) for o in orders}
    known: dict[str, uuid.UUID] = {}
    for chunk in _chunks(sorted(set(keys.values()))):
        query = select(_CUSTOMERS.c.key, _CUSTOMERS.c.id).where(
            _CUSTOMERS.c.shop_id == shop_id, _CUSTOMERS.c.key.in_(chunk)
        )
        known.update({row.key: row.id for row in session.execute(query)})
    rows = []
    for order in orders:
        key = keys[order.external_id]
        if key not in known:
            known[key] = new_id()
            rows.append(
                {
                    "id": known[key],
                    "shop_id": shop_id,
                    "key": key,
                    "name": order.customer.name,
                    "created_at": now,
                    "updated_at": now,
                }
            )
    if rows:
        session.execute(insert(_CUSTOMERS), rows)
    return {ext_id: known[key] for ext_id, key in keys.items()}


def _order_fields(order: OrderIn) -> dict[str, Any]:
    address = order.shipping_address
    return {
        "number": order.number,
        "payment_method": order.payment_method,
        "payment_status": order.payment_status,
        "currency": order.currency,
        "subtotal": order.subtotal,
        "shipping": order.shipping,
        "tax": order.tax,
        "discount": order.discount,
        "total": order.total,
        "customer_name": order.customer.name,
        "email": order.customer.email,
        "phone": order.customer.phone,
        "ship_name": address.name if address else None,
        "ship_line1": address.line1 if address else None,
        "ship_line2": address.line2 if address else None,
        "ship_city": address.city if address else None,
        "ship_postcode": address.postcode if address else None,
        "ship_region": address.region if address else None,
        "ship_country": address.country if address else None,
        "language": order.language,
        "client_ip": order.client_ip,
        "note": order.note,
        "tags": order.tags,
        "placed_at": order.placed_at,
        "source_updated_at": _updated_at(order),
        "raw": order.raw or {},
    }


def _insert_orders(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    orders: list[OrderIn],
    customers: dict[str, uuid.UUID],
    now: datetime,
) -> dict[str, uuid.UUID]:
    ids = {o.external_id: new_id() for o in orders}
    rows = [
        {
            **_order_fields(o),
            "id": ids[o.external_id],
            "shop_id": shop_id,
            "source": source,
            "external_id": o.external_id,
            "customer_id": customers[o.external_id],
            "status": o.status,
            "created_at": now,
            "updated_at": now,
        }
        for o in orders
    ]
    if rows:
        session.execute(insert(_ORDERS), rows)
    return ids


def _update_orders(session: Session, newer: list[tuple[OrderIn, Any]], now: datetime) -> None:
    if not newer:
        return
    rows = [
        {
            **_order_fields(o),
            "_id": row.id,
            "updated_at": now,
            "status": merge_status(OrderStatus(row.status), o.status),
        }
        for o, row in newer
    ]
    values: dict[str, Any] = {k: bindparam(k) for k in rows[0] if k != "_id"}
    statement = update(_ORDERS).where(_ORDERS.c.id == bindparam("_id")).values(values)
    session.execute(statement.execution_options(synchronize_session=False), rows)


def _replace_lines(
    session: Session,
    shop_id: uuid.UUID,
    touched: list[tuple[OrderIn, uuid.UUID, uuid.UUID]],
    *,
    replace: bool,
) -> None:
    if replace:
        for chunk in _chunks([order_id for _, order_id, _ in touched]):
            session.execute(delete(_LINES).where(_LINES.c.order_id.in_(chunk)))
    rows = [
        {
            "id": new_id(),
            "shop_id": shop_id,
            "order_id": order_id,
            "position": i,
            **line.model_dump(),
        }
        for order, order_id, _ in touched
        for i, line in enumerate(order.lines, 1)
    ]
    if rows:
        session.execute(insert(_LINES), rows)


def _add_contact_points(
    session: Session,
    shop_id: uuid.UUID,
    touched: list[tuple[OrderIn, uuid.UUID, uuid.UUID]],
    now: datetime,
) -> None:
    seen: set[tuple[uuid.UUID, str, str]] = set()
    rows = []
    for order, _, customer_id in touched:
        for kind, value, normalized in contact_points(order.customer, order.shipping_address):
            if (customer_id, kind, normalized) not in seen:
                seen.add((customer_id, kind, normalized))
                rows.append(
                    {
                        "id": new_id(),
                        "shop_id": shop_id,
                        "customer_id": customer_id,
                        "kind": kind,
                        "value": value,
                        "normalized": normalized,
                        "first_seen_at": ensure_utc(order.placed_at),
                    }
                )
    if rows:
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        statement = dialect.insert(_CONTACTS).on_conflict_do_nothing(
            index_elements=["customer_id", "kind", "normalized"]
        )
        session.execute(statement, rows)


def _audit(
    session: Session,
    shop_id: uuid.UUID,
    touched: list[tuple[OrderIn, uuid.UUID, uuid.UUID]],
    results: dict[str, IngestResult],
    now: datetime,
    actor: str,
) -> None:
    rows = [
        {
            "id": new_id(),
            "shop_id": shop_id,
            "at": now,
            "actor": actor,
            "action": f"order.{results[o.external_id].action}",
            "subject_type": "order",
            "subject_id": order_id,
            "customer_id": customer_id,
            "order_id": order_id,
            "data": {
                "external_id": o.external_id,
                "status": o.status.value,
                "source_updated_at": _updated_at(o).isoformat(),
            },
        }
        for o, order_id, customer_id in touched
    ]
    if rows:
        session.execute(insert(_AUDIT), rows)


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


__all__ = ["write_orders"]
