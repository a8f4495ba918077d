"""Identity use cases: resolve an order's customer, check its history and ghost signals,
show a customer (person) with its links, undo a merge."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.errors import NotFound
from goodbuyer.identity.checks import ghost_json
from goodbuyer.identity.db_index import DbIndex
from goodbuyer.identity.ghosts import ContactData, ghost_score, ghost_signals
from goodbuyer.identity.history import history_of
from goodbuyer.identity.index import OrderRef
from goodbuyer.identity.linking import LinkMade, contact_record, link_record
from goodbuyer.identity.models import OrderCheck
from goodbuyer.identity.persons import person_of, split_off
from goodbuyer.identity.records import PersonRecord, prepare
from goodbuyer.store.models import Customer, Order


def record_of_order(order: Order) -> PersonRecord:
    return contact_record(
        order.customer_name or order.ship_name, order.phone, order.email, order.ship_line1,
        order.ship_line2, order.ship_city, order.ship_postcode, order.ship_country,
    )  # fmt: skip


def _contact(order: Order) -> ContactData:
    r = record_of_order(order)
    return ContactData(
        name=r.name, phone=r.phone, email=r.email, address=r.address, city=r.city,
        postcode=r.postcode, country=r.country,
    )  # fmt: skip


def check_order(session: Session, order: Order, now: datetime) -> OrderCheck:
    """Compute and store the order's history check and ghost signals."""
    person, history, flags = history_of(session, order)
    signals = ghost_signals(_contact(order))
    check = session.get(OrderCheck, order.id)
    if check is None:
        check = OrderCheck(order_id=order.id, shop_id=order.shop_id)
        session.add(check)
    check.person_id, check.checked_at = person, now
    check.history, check.red_flags = history, flags
    check.ghost_signals = ghost_json(signals)
    check.ghost_score = round(ghost_score(signals), 4)
    return check


def resolve_order(session: Session, order: Order, now: datetime, actor: str) -> list[LinkMade]:
    """Link the order's customer record to the shop's others, then check the order."""
    index = DbIndex(session, order.shop_id, now, actor)
    ref = OrderRef(order.id, order.shop_id, order.customer_id, order.number, order.placed_at)
    made = link_record(index, ref, prepare(record_of_order(order)))
    check_order(session, order, now)
    return made


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


def person_id_of(session: Session, customer_id: uuid.UUID) -> uuid.UUID:
    return person_of(session, customer_id)


def orders_of(session: Session, customer_ids: list[uuid.UUID]) -> list[Order]:
    return list(
        session.scalars(
            select(Order).where(Order.customer_id.in_(customer_ids)).order_by(Order.placed_at)
        )
    )


__all__ = [
    "check_order",
    "get_check",
    "orders_of",
    "person_id_of",
    "record_of_order",
    "require_customer",
    "resolve_order",
    "unlink_customer",
]
