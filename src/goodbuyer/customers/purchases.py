"""A shop's order history as arrays for the lifetime-value models: per order the person
behind it, when it was placed, and its net margin when it counts as a purchase; read in
one query, the database doing the sums."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Float,
    Select,
    String,
    Subquery,
    and_,
    case,
    cast,
    extract,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from goodbuyer.identity.models import PersonMember
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.payments.statuses import ChargebackStatus
from goodbuyer.returns.models import Return, ReturnLine
from goodbuyer.returns.statuses import ReturnStatus
from goodbuyer.store.models import Order, OrderLine
from goodbuyer.store.statuses import OrderStatus, PaymentStatus

CHUNK = 100_000  # order rows fetched and turned into arrays at a time
SECONDS_PER_DAY = 86_400.0
_JULIAN_DAY_OF_EPOCH = 2440587.5

# A purchase: the goods reached the customer or the money reached the shop, and the order
# was not undone at the door, by the carrier or before shipping.
_NOT_BOUGHT = (OrderStatus.REFUSED, OrderStatus.RETURNED_TO_ORIGIN, OrderStatus.CANCELLED)
_NEVER_PAID = (PaymentStatus.UNPAID, PaymentStatus.VOIDED)
_MONEY_IN = (PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED)
_MONEY_LOST = (ChargebackStatus.LOST, ChargebackStatus.ACCEPTED)
_GOODS_BACK = (ReturnStatus.RECEIVED, ReturnStatus.REFUNDED)  # back on the shelf

Vector = NDArray[np.float64]


@dataclass(frozen=True)
class ShopOrders:
    """One value per order of the shop (any status, any currency)."""

    persons: list[Any]  # person ids as the database writes them; `idx` points into this
    idx: NDArray[np.int64]
    days: Vector  # placed at, in days since 1970 (shifted to the shop's days)
    value: Vector  # net margin in minor units; NaN when the order is not a purchase


def read_orders(session: Session, shop_id: uuid.UUID, currency: str, shift: float) -> ShopOrders:
    """Every order of the shop; purchases are those in `currency` (the shop's) that were
    delivered or paid and not refused, returned to origin, cancelled, unpaid or voided.
    `shift` (days) is added to every time so that days start at the shop's midnight."""
    query = _order_rows(session, shop_id, currency)
    index: dict[Any, int] = {}
    idx: list[NDArray[np.int64]] = [np.zeros(0, dtype=np.int64)]
    days: list[Vector] = [np.zeros(0)]
    values: list[Vector] = [np.zeros(0)]
    with _without_nested_loops(session):
        # Core, not the ORM: no entities here, and its row handling would double the time.
        result = session.connection().execute(query.execution_options(yield_per=CHUNK))
        for part in result.partitions():
            people, placed, net = zip(*part, strict=True)
            for person in dict.fromkeys(people):  # new ones in the order first seen
                index.setdefault(person, len(index))
            idx.append(np.fromiter(map(index.__getitem__, people), np.int64, len(people)))
            days.append(np.asarray(placed, dtype=np.float64) + shift)
            values.append(np.asarray(net, dtype=np.float64))  # NULL (no purchase) is NaN
    persons, rank = _sorted(index)
    return ShopOrders(
        persons, rank[np.concatenate(idx)], np.concatenate(days), np.concatenate(values)
    )


def _sorted(index: dict[Any, int]) -> tuple[list[Any], NDArray[np.int64]]:
    """Persons in the order of their ids, and the place in it of each index: the fits then
    add up in the same order whatever order the database sent the rows in, so a shop gets
    the same parameters on every backend."""
    ids = np.array(list(index), dtype=np.str_)
    order = np.argsort(ids, kind="stable")
    rank = np.empty(order.size, dtype=np.int64)
    rank[order] = np.arange(order.size)
    return list(ids[order].tolist()), rank


def _order_rows(session: Session, shop_id: uuid.UUID, currency: str) -> Select[Any]:
    """(person id as text, placed at in days since 1970, net margin or NULL) per order.

    Net margin of a purchase: its total, less refunds and lost chargebacks, less the known
    cost of the goods the customer kept (goods back on the shelf cost nothing)."""
    refunds = _per_order(
        Refund.order_id, Refund.amount, Refund.shop_id == shop_id, Refund.currency == currency
    )
    lost = _per_order(
        Chargeback.order_id, Chargeback.amount, Chargeback.shop_id == shop_id,
        Chargeback.currency == currency, Chargeback.status.in_(_MONEY_LOST),
    )  # fmt: skip
    costs = _per_order(
        OrderLine.order_id, OrderLine.quantity * OrderLine.unit_cost,
        OrderLine.shop_id == shop_id, OrderLine.unit_cost.is_not(None),
    )  # fmt: skip
    restocked = _restocked(shop_id)
    cost, back = func.coalesce(costs.c.amount, 0), func.coalesce(restocked.c.amount, 0)
    net = (
        Order.total
        - func.coalesce(refunds.c.amount, 0)
        - func.coalesce(lost.c.amount, 0)
        - case((back > cost, 0), else_=cost - back)
    )
    person = cast(func.coalesce(PersonMember.person_id, Order.customer_id), String)
    query = select(person, _epoch_days(session, Order.placed_at), case((_purchase(currency), net)))
    query = query.select_from(Order).outerjoin(
        PersonMember, PersonMember.customer_id == Order.customer_id
    )
    for part in (refunds, lost, costs, restocked):
        query = query.outerjoin(part, part.c.order_id == Order.id)
    return query.where(Order.shop_id == shop_id)


def _purchase(currency: str) -> ColumnElement[bool]:
    return and_(
        Order.currency == currency,
        Order.status.not_in(_NOT_BOUGHT),
        Order.payment_status.not_in(_NEVER_PAID),
        or_(Order.status == OrderStatus.DELIVERED, Order.payment_status.in_(_MONEY_IN)),
    )


def _per_order(order_id: Any, amount: Any, *where: ColumnElement[bool]) -> Subquery:
    total = cast(func.sum(amount), BigInteger)  # PostgreSQL sums bigint to numeric
    return (
        select(order_id.label("order_id"), total.label("amount"))
        .where(*where)
        .group_by(order_id)
        .subquery()
    )


def _restocked(shop_id: uuid.UUID) -> Subquery:
    """Cost of the goods back on the shelf per order: returned quantity x the line's cost."""
    unit_cost = (
        select(func.max(OrderLine.unit_cost))
        .where(OrderLine.order_id == Return.order_id, OrderLine.sku == ReturnLine.sku)
        .scalar_subquery()
    )
    return _per_order(
        Return.order_id,
        ReturnLine.quantity * unit_cost,
        Return.shop_id == shop_id,
        Return.status.in_(_GOODS_BACK),
        ReturnLine.return_id == Return.id,
    )


def _epoch_days(session: Session, placed_at: Any) -> ColumnElement[Any]:
    """Days since 1970 as a float, computed by the database (no datetime per row here)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(extract("epoch", placed_at), Float) / SECONDS_PER_DAY
    return cast(func.julianday(placed_at) - _JULIAN_DAY_OF_EPOCH, Float)


@contextmanager
def _without_nested_loops(session: Session) -> Iterator[None]:
    """PostgreSQL plans from the statistics it last sampled; right after a bulk load it has
    none, expects a few dozen orders, and loops over every order once per refund (minutes
    at 200,000 orders). This query reads all of a shop's orders, for which merge and hash
    joins are right at any size, so nested loops are turned off for it alone."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    before = session.scalar(text("SELECT current_setting('enable_nestloop')"))
    session.execute(text("SELECT set_config('enable_nestloop', 'off', true)"))
    try:
        yield
    finally:
        reset = text("SELECT set_config('enable_nestloop', :before, true)")
        session.execute(reset, {"before": before})


__all__ = ["CHUNK", "SECONDS_PER_DAY", "ShopOrders", "read_orders"]
