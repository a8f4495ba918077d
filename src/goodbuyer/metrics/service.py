"""The shop's numbers, computed in the database (one grouped query per figure family)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import Session

from goodbuyer.identity.models import PersonMember
from goodbuyer.metrics.schemas import MonthFigures, Overview
from goodbuyer.returns.models import Return
from goodbuyer.shops.service import get_shop
from goodbuyer.store.service import Customer, Order
from goodbuyer.store.statuses import OrderStatus, PaymentMethod

_FINISHED = (OrderStatus.DELIVERED, OrderStatus.REFUSED, OrderStatus.RETURNED_TO_ORIGIN)
_REFUSED = (OrderStatus.REFUSED, OrderStatus.RETURNED_TO_ORIGIN)


def shop_overview(session: Session, shop_id: uuid.UUID) -> Overview:
    shop = get_shop(session, shop_id)
    # Persons, not customer records: one person's records (an account, a guest e-mail, a
    # new phone) count once.
    person = func.coalesce(PersonMember.person_id, Customer.id)
    count = (
        select(func.count(person.distinct()))
        .select_from(Customer)
        .outerjoin(PersonMember, PersonMember.customer_id == Customer.id)
        .where(Customer.shop_id == shop_id)
    )
    months = monthly_figures(session, shop_id)
    return Overview(
        shop_name=shop.name,
        currency=shop.currency,
        orders=sum(m.orders for m in months),
        customers=session.scalar(count) or 0,
        revenue=revenue_by_currency(session, shop_id),
        months=months,
    )


def revenue_by_currency(session: Session, shop_id: uuid.UUID) -> dict[str, int]:
    """Totals of orders not cancelled, per currency (never summed across currencies)."""
    total = func.sum(Order.total)
    query = (
        select(Order.currency, total)
        .where(Order.shop_id == shop_id, Order.status != OrderStatus.CANCELLED)
        .group_by(Order.currency)
        .order_by(total.desc())
    )
    return {currency: int(amount) for currency, amount in session.execute(query)}


def monthly_figures(session: Session, shop_id: uuid.UUID) -> list[MonthFigures]:
    month = _month(session, Order.placed_at)
    is_cod = Order.payment_method == PaymentMethod.CASH_ON_DELIVERY
    returned = select(Return.order_id).where(Return.shop_id == shop_id).distinct()
    query = (
        select(
            month.label("month"),
            func.count().label("orders"),
            _count_if(is_cod).label("cod_orders"),
            _count_if(is_cod & Order.status.in_(_FINISHED)).label("cod_finished"),
            _count_if(is_cod & Order.status.in_(_REFUSED)).label("refused"),
            _count_if(Order.status == OrderStatus.DELIVERED).label("delivered"),
            _count_if((Order.status == OrderStatus.DELIVERED) & Order.id.in_(returned)).label(
                "returned"
            ),
        )
        .where(Order.shop_id == shop_id)
        .group_by(month)
        .order_by(month)
    )
    return [MonthFigures(**row._asdict()) for row in session.execute(query)]


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0).cast(Integer)


def _month(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.strftime("%Y-%m", column)


__all__ = ["monthly_figures", "revenue_by_currency", "shop_overview"]
