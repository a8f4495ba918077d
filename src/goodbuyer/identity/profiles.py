"""A person's profile (R1.5), read from everything stored about their customer records, so
it is current after every event: orders, items, spend, returns, refusals, chargebacks,
tickets, tenure and historical value (net margin)."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from goodbuyer.identity.outcomes import OrderOutcome, outcome_of
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.payments.statuses import ChargebackReason
from goodbuyer.returns.models import Return, ReturnLine
from goodbuyer.store.models import Order, OrderLine
from goodbuyer.store.statuses import OrderStatus
from goodbuyer.support.models import Ticket


@dataclass(frozen=True, slots=True)
class Profile:
    currency: str  # money below is in this currency (the one most of the orders used)
    orders: int
    items: int
    gross_spend: int  # delivered or paid orders, minor units
    refunded: int
    net_spend: int  # gross minus refunds
    net_margin: int  # net spend minus the cost of the goods kept (historical value)
    returns: int
    return_ratio_count: float  # returned items / delivered items
    return_ratio_value: float  # returned value / gross spend
    refused: int
    returned_to_origin: int
    unpaid: int
    cancelled: int
    chargebacks: int
    not_received_claims: int
    tickets: int
    complaints: int
    first_order_at: datetime | None
    last_order_at: datetime | None
    tenure_days: int
    outcomes: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        doc = asdict(self)
        for key in ("first_order_at", "last_order_at"):
            doc[key] = doc[key].isoformat() if doc[key] else None
        return doc


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _sum(session: Session, query: Any) -> int:
    return int(session.scalar(query) or 0)


_ORDER_COLUMNS = (
    Order.id, Order.status, Order.payment_status, Order.currency, Order.total, Order.placed_at,
)  # fmt: skip


def _lines(session: Session, column: Any, order_ids: list[uuid.UUID]) -> int:
    return _sum(session, select(func.sum(column)).where(OrderLine.order_id.in_(order_ids)))


def _returned(session: Session, column: Any, order_ids: list[uuid.UUID]) -> int:
    query = select(func.sum(column)).join(Return, Return.id == ReturnLine.return_id)
    return _sum(session, query.where(Return.order_id.in_(order_ids)))


def _returned_cost(session: Session, order_ids: list[uuid.UUID]) -> int:
    """The cost of the goods sent back (they are no longer kept), by the order line's cost."""
    query = (
        select(func.sum(ReturnLine.quantity * func.coalesce(OrderLine.unit_cost, 0)))
        .join(Return, Return.id == ReturnLine.return_id)
        .join(
            OrderLine, (OrderLine.order_id == Return.order_id) & (OrderLine.sku == ReturnLine.sku)
        )
        .where(Return.order_id.in_(order_ids))
    )
    return _sum(session, query)


def _outcomes(session: Session, orders: list[Any], ids: list[uuid.UUID]) -> Counter[OrderOutcome]:
    returned = set(session.scalars(select(Return.order_id).where(Return.order_id.in_(ids))))
    disputed = set(session.scalars(select(Chargeback.order_id).where(Chargeback.order_id.in_(ids))))
    return Counter(
        outcome_of(o.status, o.payment_status, o.id in returned, o.id in disputed) for o in orders
    )


def build_profile(session: Session, members: list[uuid.UUID], now: datetime) -> Profile:
    orders = list(session.execute(select(*_ORDER_COLUMNS).where(Order.customer_id.in_(members))))
    ids = [o.id for o in orders]
    currency = Counter(o.currency for o in orders).most_common(1)[0][0] if orders else ""
    outcomes = _outcomes(session, orders, ids)
    kept = [o.id for o in orders if o.status is OrderStatus.DELIVERED and o.currency == currency]
    gross = sum(o.total for o in orders if o.id in set(kept))
    cost = _lines(session, OrderLine.quantity * func.coalesce(OrderLine.unit_cost, 0), kept)
    cost -= _returned_cost(session, kept)
    refunded = _sum(
        session,
        select(func.sum(Refund.amount)).where(
            Refund.order_id.in_(ids), Refund.currency == currency
        ),
    )
    reasons = list(session.scalars(select(Chargeback.reason).where(Chargeback.order_id.in_(ids))))
    tickets = list(session.scalars(select(Ticket.tags).where(Ticket.customer_id.in_(members))))
    first = min((o.placed_at for o in orders), default=None)
    return Profile(
        currency=currency, orders=len(orders), items=_lines(session, OrderLine.quantity, ids),
        gross_spend=gross, refunded=refunded, net_spend=gross - refunded,
        net_margin=gross - refunded - cost,
        returns=outcomes[OrderOutcome.RETURNED],
        return_ratio_count=_ratio(
            _returned(session, ReturnLine.quantity, ids), _lines(session, OrderLine.quantity, kept)
        ),
        return_ratio_value=_ratio(
            _returned(session, ReturnLine.quantity * ReturnLine.unit_price, ids), gross
        ),
        refused=outcomes[OrderOutcome.REFUSED],
        returned_to_origin=outcomes[OrderOutcome.RETURNED_TO_ORIGIN],
        unpaid=outcomes[OrderOutcome.UNPAID], cancelled=outcomes[OrderOutcome.CANCELLED],
        chargebacks=len(reasons),
        not_received_claims=sum(1 for r in reasons if r is ChargebackReason.NOT_RECEIVED),
        tickets=len(tickets), complaints=sum(1 for tags in tickets if "complaint" in tags),
        first_order_at=first, last_order_at=max((o.placed_at for o in orders), default=None),
        tenure_days=(now - first).days if first else 0,
        outcomes={k.value: v for k, v in sorted(outcomes.items())},
    )  # fmt: skip


__all__ = ["Profile", "build_profile"]
