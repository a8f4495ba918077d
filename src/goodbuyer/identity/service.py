"""Identity use cases: resolve an order's customer, check its history and ghost signals,
show a customer (person) with its links, undo a merge."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Uuid, bindparam, delete, insert, select
from sqlalchemy.orm import Session

from goodbuyer.errors import NotFound
from goodbuyer.identity.db_index import DbIndex
from goodbuyer.identity.history import history_of
from goodbuyer.identity.index import OrderRef
from goodbuyer.identity.linking import LinkMade, contact_record, link_record
from goodbuyer.identity.models import OrderCheck
from goodbuyer.identity.persons import split_off
from goodbuyer.identity.records import PersonRecord, prepare
from goodbuyer.identity.signals import ghosts_of
from goodbuyer.store.models import Customer, Order

ORDER_ROW = select(
    Order.id, Order.shop_id, Order.customer_id, Order.number, Order.placed_at,
    Order.customer_name, Order.ship_name, Order.phone, Order.email, Order.ship_line1,
    Order.ship_line2, Order.ship_city, Order.ship_postcode, Order.ship_country,
).where(Order.id == bindparam("order", type_=Uuid()))  # fmt: skip


_DELETE_CHECK = delete(OrderCheck).where(OrderCheck.order_id == bindparam("order", type_=Uuid()))
_INSERT_CHECK = insert(OrderCheck)


def record_of_order(order: Any) -> PersonRecord:
    """The contact record of an order (an `Order` or a row with the same columns)."""
    return contact_record(
        order.customer_name or order.ship_name, order.phone, order.email, order.ship_line1,
        order.ship_line2, order.ship_city, order.ship_postcode, order.ship_country,
    )  # fmt: skip


class Checked(NamedTuple):
    """An order's stored check, as a decision reads it."""

    person_id: uuid.UUID
    history: dict[str, Any]
    ghost_signals: list[dict[str, Any]]
    ghost_score: float


class Resolved(NamedTuple):
    links: list[LinkMade]
    check: Checked


def check_order(
    session: Session, order: OrderRef, record: PersonRecord, now: datetime, *,
    replace: bool = True,
) -> Checked:  # fmt: skip
    """Compute and store the order's history check and ghost signals (replacing any earlier
    one; `replace=False` for an order stored in this transaction, which has none)."""
    person, history, flags = history_of(session, order.id, order.customer_id, order.placed_at)
    signals, score = ghosts_of(record)
    conn = session.connection()
    if replace:
        conn.execute(_DELETE_CHECK, {"order": order.id})
    conn.execute(_INSERT_CHECK, {
        "order_id": order.id, "shop_id": order.shop_id, "person_id": person, "checked_at": now,
        "history": history, "red_flags": flags, "ghost_signals": signals, "ghost_score": score,
    })  # fmt: skip
    return Checked(person, history, signals, score)


def resolve_order(
    session: Session, order_id: uuid.UUID, now: datetime, actor: str, *, replace: bool = True
) -> Resolved:
    """Link the order's customer record to the shop's others, then check the order
    (`replace=False`: the order was stored in this transaction and has no check yet)."""
    row = session.connection().execute(ORDER_ROW, {"order": order_id}).one()
    ref = OrderRef(row.id, row.shop_id, row.customer_id, row.number, row.placed_at)
    record = record_of_order(row)
    made = link_record(DbIndex(session, row.shop_id, now, actor), ref, prepare(record))
    return Resolved(made, check_order(session, ref, record, now, replace=replace))


def get_check(session: Session, shop_id: uuid.UUID, order_id: uuid.UUID) -> OrderCheck:
    order = session.get(Order, order_id)
    if order is None or order.shop_id != shop_id:
        raise NotFound(f"no order {order_id}")
    check = session.get(OrderCheck, order_id)
    if check is None:
        raise NotFound(f"order {order_id} has not been checked yet")
    return check


def require_customer(session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.shop_id != shop_id:
        raise NotFound(f"no customer {customer_id}")
    return customer


def unlink_customer(
    session: Session,
    shop_id: uuid.UUID,
    customer_id: uuid.UUID,
    now: datetime,
    actor: str,
    note: str,
) -> list[uuid.UUID]:
    """ "Not the same person": take the record out of its person; the matcher respects it."""
    require_customer(session, shop_id, customer_id)
    return split_off(session, shop_id, customer_id, now=now, actor=actor, note=note)


__all__ = [
    "ORDER_ROW",
    "Checked",
    "Resolved",
    "check_order",
    "get_check",
    "record_of_order",
    "require_customer",
    "resolve_order",
    "unlink_customer",
]
