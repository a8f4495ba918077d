"""Writes batches of orders in a few statements per table: idempotent and order-safe.

Each order is identified by (shop, source, external id). A replay (same `updated_at`)
changes nothing; an older update is ignored ("stale"); a newer one replaces the order's
fields and lines, and its statuses only move forward (`lifecycle`).
A concurrent writer that stored the same order first makes the batch fall back to one
order at a time, each in its own savepoint, which then sees the other's row.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import BindParameter, Table, bindparam, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from goodbuyer.audit import AuditEvent
from goodbuyer.identity.redaction import PSEUDONYM_PREFIX, erased_text, postcode_area
from goodbuyer.ids import new_id_hexes
from goodbuyer.store.bulk import DriverForm, driver_form, insert_rows, update_rows
from goodbuyer.store.checked import construct
from goodbuyer.store.lifecycle import merge_payment_status, merge_status
from goodbuyer.store.models import ContactPoint, Customer, Order, OrderLine
from goodbuyer.store.order_rows import (
    AUDIT_COLUMNS,
    CONTACT_COLUMNS,
    CUSTOMER_COLUMNS,
    LINE_COLUMNS,
    ORDER_CELLS,
    ORDER_COLUMNS,
    PAYMENT_STATUS,
    STATUS,
    ContactKey,
    OrderRows,
    StoredContacts,
    Touched,
    audit_rows,
    contact_rows,
    line_rows,
    microseconds,
    order_rows,
)
from goodbuyer.store.schemas import IngestResult, OrderIn
from goodbuyer.store.statuses import OrderStatus, PaymentStatus

_ORDERS: Table = Order.__table__  # type: ignore[assignment]
_LINES: Table = OrderLine.__table__  # type: ignore[assignment]
_CUSTOMERS: Table = Customer.__table__  # type: ignore[assignment]
_CONTACTS: Table = ContactPoint.__table__  # type: ignore[assignment]
_AUDIT: Table = AuditEvent.__table__  # type: ignore[assignment]
_CHUNK = 500
_UPDATED = (*ORDER_COLUMNS[1:ORDER_CELLS], "updated_at")
_CONTACT_KEY = ("customer_id", "kind", "normalized")
_PERSONAL = (
    "customer_name", "email", "phone", "ship_name", "ship_line1", "ship_line2", "ship_city",
    "ship_region", "client_ip",
)  # fmt: skip

Outcome = tuple[Any, str]
"""What became of one order: (its id, as a UUID or as 32 hex digits; the action)."""


def write_orders(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    orders: Sequence[OrderIn],
    now: datetime,
    actor: str,
) -> list[IngestResult]:
    """Store a batch; one result per distinct external id, in first-seen order."""
    rows = order_rows(driver_form(session), source, orders)
    outcomes = write_order_rows(session, shop_id, source, rows, now, actor)
    return [_result(order_id, ext_id, action) for ext_id, (order_id, action) in outcomes.items()]


def write_order_rows(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    orders: Sequence[OrderRows],
    now: datetime,
    actor: str,
    stored: StoredContacts | None = None,
) -> dict[str, Outcome]:
    """Store a batch built by `order_rows` (with the same session's driver form): each
    distinct external id's outcome, in first-seen order. Contact points in `stored` are
    not offered again; the ones this batch offers are added to it."""
    write = partial(_write_batch, session, shop_id, source, now, actor)
    stored = StoredContacts(0) if stored is None else stored
    if session.get_bind().dialect.name == "sqlite":
        # One writer at a time (sqlite_lock): no concurrent insert can race this batch,
        # so a savepoint and its fallback would guard nothing and cost two statements.
        outcomes, offered = write(orders, stored)
    else:
        try:
            with session.begin_nested():
                outcomes, offered = write(orders, stored)
        except IntegrityError:
            return _one_at_a_time(session, write, orders)
    stored.add_all(offered)
    return outcomes


def _one_at_a_time(
    session: Session, write: Callable[..., Any], orders: Sequence[OrderRows]
) -> dict[str, Outcome]:
    """After a concurrent writer stored some of the batch first: each order in a savepoint
    of its own, which then sees the other's row."""
    outcomes: dict[str, Outcome] = {}
    for order in _latest_per_external_id(orders).values():
        for attempt in range(3):
            try:
                with session.begin_nested():
                    outcomes.update(write([order], StoredContacts(0))[0])
                break
            except IntegrityError:
                if attempt == 2:
                    raise
    return {order.external_id: outcomes[order.external_id] for order in orders}


def _write_batch(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    now: datetime,
    actor: str,
    orders: Sequence[OrderRows],
    stored: StoredContacts,
) -> tuple[dict[str, Outcome], set[ContactKey]]:
    form = driver_form(session)
    latest = _latest_per_external_id(orders)
    existing = _existing_orders(session, form, shop_id, source, list(latest))
    outcomes, new, newer = _sort_out(latest, existing)
    customers, created = _customer_ids(session, form, shop_id, new, now)
    shop, at = form.uid(shop_id), form.when(now)
    ids = new_id_hexes(len(new))
    touched: list[Touched] = [
        (o, oid, customers[o.external_id]) for o, oid in zip(new, ids, strict=True)
    ]
    tail = (shop, source, at, at)
    rows = [(*order.order, oid, cid, *tail) for order, oid, cid in touched]
    insert_rows(session, _ORDERS, ORDER_COLUMNS, rows)
    outcomes.update({order.external_id: (oid, "created") for order, oid, _ in touched})
    _update_orders(session, form, newer, at)
    # An erased customer's orders take no contact data back from a later update.
    touched += [(o, row.id.hex, row.customer_id.hex) for o, row in newer if not row.erased]
    more = iter(new_id_hexes(sum(len(o.lines) for o, _, _ in touched) + len(touched)))
    _replace_lines(session, newer, line_rows(touched, shop, more))
    fresh, known, offered = contact_rows(touched, created, stored, shop)
    insert_rows(session, _CONTACTS, CONTACT_COLUMNS, fresh)
    insert_rows(session, _CONTACTS, CONTACT_COLUMNS, known, skip_conflicts_on=_CONTACT_KEY)
    insert_rows(
        session, _AUDIT, AUDIT_COLUMNS, audit_rows(touched, outcomes, (shop, at, actor), more)
    )
    return {ext_id: outcomes[ext_id] for ext_id in latest}, offered


def _sort_out(
    latest: dict[str, OrderRows], existing: dict[str, Any]
) -> tuple[dict[str, Outcome], list[OrderRows], list[tuple[OrderRows, Any]]]:
    """(outcomes for known orders, new orders, known orders this batch updates)."""
    outcomes: dict[str, Outcome] = {}
    new: list[OrderRows] = []
    newer: list[tuple[OrderRows, Any]] = []
    for ext_id, order in latest.items():
        row = existing.get(ext_id)
        if row is None:
            new.append(order)
            continue
        action = _action(microseconds(row.source_updated_at), order.changed_us)
        outcomes[ext_id] = (row.id, action)
        if action == "updated":
            newer.append((order, row))
    return outcomes, new, newer


def _action(stored_at: int, incoming_at: int) -> str:
    if incoming_at > stored_at:
        return "updated"
    return "unchanged" if incoming_at == stored_at else "stale"


def _result(order_id: Any, external_id: str, action: str) -> IngestResult:
    # Built from values this module made, so pydantic's checks would only cost time.
    if not isinstance(order_id, uuid.UUID):
        order_id = uuid.UUID(order_id)
    return construct(IngestResult, id=order_id, external_id=external_id, action=action)


def _latest_per_external_id(orders: Iterable[OrderRows]) -> dict[str, OrderRows]:
    latest: dict[str, OrderRows] = {}
    for order in orders:
        seen = latest.get(order.external_id)
        if seen is None or order.changed_us >= seen.changed_us:
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
        _CUSTOMERS.c.key.startswith(PSEUDONYM_PREFIX).label("erased"),
    )
    joined = _ORDERS.join(_CUSTOMERS, _CUSTOMERS.c.id == _ORDERS.c.customer_id)
    for chunk in _chunks(external_ids):
        query = (
            select(*cols)
            .select_from(joined)
            .where(
                _ORDERS.c.shop_id == shop_id,
                _ORDERS.c.source == source,
                _matching(_ORDERS.c.external_id, chunk, form),
            )
        )
        found.update({row.external_id: row for row in session.execute(query)})
    return found


def _customer_ids(
    session: Session, form: DriverForm, shop_id: uuid.UUID, orders: list[OrderRows], now: datetime
) -> tuple[dict[str, Any], set[Any]]:
    """(external order id -> customer id, the customers created here), ids as 32 hex
    digits on both backends, so that one customer always has the same key."""
    known: dict[str, Any] = {}
    for chunk in _chunks(sorted({o.customer_key for o in orders})):
        query = select(_CUSTOMERS.c.key, _CUSTOMERS.c.id).where(
            _CUSTOMERS.c.shop_id == shop_id, _matching(_CUSTOMERS.c.key, chunk, form)
        )
        known.update({row.key: row.id.hex for row in session.execute(query)})
    fresh = {o.customer_key: o.customer_name for o in orders if o.customer_key not in known}
    ids = dict(zip(fresh, new_id_hexes(len(fresh)), strict=True))
    shop, at = form.uid(shop_id), form.when(now)
    rows = [(ids[key], shop, key, name, at, at) for key, name in fresh.items()]
    insert_rows(session, _CUSTOMERS, CUSTOMER_COLUMNS, rows)
    known.update(ids)
    return {o.external_id: known[o.customer_key] for o in orders}, set(ids.values())


def _forget_personal(cells: list[Any], form: DriverForm) -> None:
    """What the erasure left of an order (identity.erasure_tables), kept on an update."""
    for name in _PERSONAL:
        cells[ORDER_COLUMNS.index(name)] = None
    postcode = ORDER_COLUMNS.index("ship_postcode")
    cells[postcode] = postcode_area(cells[postcode])
    note = ORDER_COLUMNS.index("note")
    cells[note] = erased_text(cells[note])
    cells[ORDER_COLUMNS.index("tags")] = form.doc([])
    cells[ORDER_COLUMNS.index("raw")] = form.doc({"erased": True})


def _update_orders(
    session: Session, form: DriverForm, newer: list[tuple[OrderRows, Any]], at: Any
) -> None:
    rows = []
    for order, row in newer:
        cells = list(order.order)
        if row.erased:
            _forget_personal(cells, form)
        status = merge_status(OrderStatus(row.status), OrderStatus(cells[STATUS]))
        incoming = PaymentStatus(cells[PAYMENT_STATUS])
        paid = merge_payment_status(PaymentStatus(row.payment_status), incoming)
        cells[STATUS], cells[PAYMENT_STATUS] = status.value, paid.value
        rows.append((*cells[1:], at, row.id.hex))
    update_rows(session, _ORDERS, _UPDATED, rows)


def _replace_lines(
    session: Session, newer: list[tuple[OrderRows, Any]], lines: list[tuple[Any, ...]]
) -> None:
    """Lines of the batch's orders; an updated order's replace its stored ones."""
    for chunk in _chunks([row.id for _, row in newer]):
        session.execute(delete(_LINES).where(_LINES.c.order_id.in_(chunk)))
    insert_rows(session, _LINES, LINE_COLUMNS, lines)


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


__all__ = ["Outcome", "write_order_rows", "write_orders"]
