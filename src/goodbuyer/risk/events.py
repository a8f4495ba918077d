"""Read what happened to a shop's customers as time-stamped facts (risk.facts events):
orders placed, settled, returned, refunded, disputed, and tickets. For the whole shop (the
replay) or for some customer records (a live decision)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from goodbuyer.identity.outcomes import OrderOutcome, outcome_of
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.returns.models import Return, ReturnLine
from goodbuyer.risk.facts import (
    Disputed,
    Event,
    PlacedOrder,
    Refunded,
    Returned,
    Settled,
    TicketOpened,
)
from goodbuyer.store.models import Order, OrderLine
from goodbuyer.support.models import Ticket

_NOT_RECEIVED_WORDS = ("not received", "never arrived", "not_received", "never received")


@dataclass(frozen=True, slots=True)
class OrderRow:
    """What the replay needs of an order besides its events."""

    order_id: uuid.UUID
    customer_id: uuid.UUID
    number: str
    country: str
    placed: PlacedOrder
    outcome: OrderOutcome  # as it ended (or stands now), returns and disputes left out
    updated_at: datetime  # the last update at the source: when the outcome was known


def _where(column: Any, shop_id: uuid.UUID, customers: Sequence[uuid.UUID] | None) -> Any:
    return column.in_(customers) if customers is not None else column == shop_id


def _baskets(
    session: Session, shop_id: uuid.UUID, customers: Sequence[uuid.UUID] | None
) -> dict[uuid.UUID, tuple[int, frozenset[str], int]]:
    """(items, SKUs, most variants of one product) per order."""
    query = select(OrderLine.order_id, OrderLine.sku, OrderLine.product, OrderLine.size,
                   OrderLine.colour, OrderLine.quantity)  # fmt: skip
    if customers is None:
        query = query.where(OrderLine.shop_id == shop_id)
    else:
        query = query.join(Order, Order.id == OrderLine.order_id).where(
            Order.customer_id.in_(customers)
        )
    items: dict[uuid.UUID, int] = defaultdict(int)
    skus: dict[uuid.UUID, set[str]] = defaultdict(set)
    variants: dict[uuid.UUID, dict[str, set[tuple[Any, Any]]]] = defaultdict(dict)
    for order_id, sku, product, size, colour, quantity in session.execute(query):
        items[order_id] += quantity
        skus[order_id].add(sku)
        variants[order_id].setdefault(product, set()).add((size, colour))
    return {
        o: (items[o], frozenset(skus[o]), max(len(v) for v in variants[o].values())) for o in items
    }


_ORDER_COLUMNS = (
    Order.id, Order.customer_id, Order.number, Order.placed_at, Order.source_updated_at,
    Order.total, Order.currency, Order.payment_method, Order.status, Order.payment_status,
    Order.ship_country,
)  # fmt: skip


def order_rows(
    session: Session, shop_id: uuid.UUID, customers: Sequence[uuid.UUID] | None = None
) -> list[OrderRow]:
    """The orders (of the whole shop, or of these customer records), oldest first."""
    baskets = _baskets(session, shop_id, customers)
    column = Order.customer_id if customers is not None else Order.shop_id
    query = select(*_ORDER_COLUMNS).where(_where(column, shop_id, customers))
    rows = []
    for r in session.execute(query.order_by(Order.placed_at)):
        items, skus, variants = baskets.get(r.id, (0, frozenset(), 0))
        placed = PlacedOrder(r.id, r.placed_at, r.total, r.currency, r.payment_method.value,
                             items, skus, variants)  # fmt: skip
        outcome = outcome_of(r.status, r.payment_status, False, False)
        rows.append(OrderRow(r.id, r.customer_id, r.number, r.ship_country or "", placed, outcome,
                             r.source_updated_at))  # fmt: skip
    return rows


def settled(row: OrderRow) -> Settled | None:
    """The order's outcome as an event, known from its last update at the source."""
    if row.outcome is OrderOutcome.OPEN:
        return None
    return Settled(row.order_id, max(row.updated_at, row.placed.placed_at), row.outcome)


def after_sales(
    session: Session, shop_id: uuid.UUID, customers: Sequence[uuid.UUID] | None = None
) -> dict[uuid.UUID, list[Event]]:
    """Returns, refunds, disputes and tickets per customer record."""
    found: dict[uuid.UUID, list[Event]] = defaultdict(list)
    scope = _where(Return.customer_id if customers is not None else Return.shop_id, shop_id,
                   customers)  # fmt: skip
    worn = func.sum(case((ReturnLine.condition == "worn", ReturnLine.quantity), else_=0))
    returns = (
        select(
            Return.customer_id,
            Return.order_id,
            Return.requested_at,
            Return.reason,
            func.sum(ReturnLine.quantity),
            func.sum(ReturnLine.quantity * ReturnLine.unit_price),
            worn,
        )
        .join(ReturnLine, ReturnLine.return_id == Return.id)
        .where(scope)
        .group_by(
            Return.id, Return.customer_id, Return.order_id, Return.requested_at, Return.reason
        )
    )
    for customer, order, at, reason, items, value, worn_items in session.execute(returns):
        found[customer].append(
            Returned(
                order, at, int(items or 0), int(value or 0), int(worn_items or 0), reason.value
            )
        )
    for customer, event in _money_events(session, shop_id, customers):
        found[customer].append(event)
    tickets = select(Ticket.customer_id, Ticket.created_at, Ticket.tags).where(
        _where(Ticket.customer_id if customers is not None else Ticket.shop_id, shop_id, customers),
        Ticket.customer_id.is_not(None),
    )
    for customer, at, tags in session.execute(tickets):
        if customer is None:
            continue
        found[customer].append(TicketOpened(at, frozenset(tags or ())))
    return found


def _money_events(
    session: Session, shop_id: uuid.UUID, customers: Sequence[uuid.UUID] | None
) -> Iterable[tuple[uuid.UUID, Event]]:
    scope = _where(
        Order.customer_id if customers is not None else Order.shop_id, shop_id, customers
    )
    refunds = (
        select(
            Order.customer_id,
            Refund.order_id,
            Refund.refunded_at,
            Refund.amount,
            Refund.currency,
            Refund.reason,
        )
        .join(Order, Order.id == Refund.order_id)
        .where(scope)
    )
    for customer, order, at, amount, currency, reason in session.execute(refunds):
        text = (reason or "").lower()
        claim = any(w in text for w in _NOT_RECEIVED_WORDS)
        yield customer, Refunded(order, at, amount, currency, claim)
    disputes = (
        select(Order.customer_id, Chargeback.order_id, Chargeback.opened_at, Chargeback.reason)
        .join(Order, Order.id == Chargeback.order_id)
        .where(scope)
    )
    for customer, order, at, reason in session.execute(disputes):
        yield customer, Disputed(order, at, reason.value)


__all__ = ["OrderRow", "after_sales", "order_rows", "settled"]
