"""The history check on every order (R1.1, R1.2): every earlier order of the same person and
of their household, each with its outcome, and red flags for the unsuccessful ones."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from goodbuyer.identity.models import IdentityLink
from goodbuyer.identity.outcomes import HISTORY_LIMIT, PastOrder, outcome_of, summarise
from goodbuyer.identity.persons import members_of, person_of
from goodbuyer.identity.statuses import LinkKind
from goodbuyer.payments.models import Chargeback
from goodbuyer.returns.models import Return
from goodbuyer.store.models import Order


def household_of(session: Session, members: list[uuid.UUID]) -> list[uuid.UUID]:
    rows = session.execute(
        select(IdentityLink.customer_a, IdentityLink.customer_b).where(
            IdentityLink.kind == LinkKind.HOUSEHOLD,
            IdentityLink.undone_at.is_(None),
            or_(IdentityLink.customer_a.in_(members), IdentityLink.customer_b.in_(members)),
        )
    ).all()
    inside = set(members)
    return sorted({c for pair in rows for c in pair} - inside)


_PAST_COLUMNS = (
    Order.id, Order.number, Order.placed_at, Order.total, Order.currency, Order.payment_method,
    Order.status, Order.payment_status, Order.customer_id,
)  # fmt: skip


def past_orders(
    session: Session, order: Order, members: list[uuid.UUID], household: list[uuid.UUID]
) -> list[PastOrder]:
    rows = session.execute(
        select(*_PAST_COLUMNS)
        .where(
            Order.customer_id.in_(members + household),
            Order.id != order.id,
            Order.placed_at <= order.placed_at,
        )
        .order_by(Order.placed_at.desc())
        .limit(HISTORY_LIMIT)
    ).all()
    ids = [r.id for r in rows]
    returned = (
        set(session.scalars(select(Return.order_id).where(Return.order_id.in_(ids))))
        if ids
        else set()
    )
    disputed = (
        set(session.scalars(select(Chargeback.order_id).where(Chargeback.order_id.in_(ids))))
        if ids
        else set()
    )
    inside = set(members)
    return [
        PastOrder(
            r.id, r.number, r.placed_at, r.total, r.currency, r.payment_method.value,
            outcome_of(r.status, r.payment_status, r.id in returned, r.id in disputed),
            "same person" if r.customer_id in inside else "household",
        )
        for r in rows
    ]  # fmt: skip


def history_of(
    session: Session, order: Order
) -> tuple[uuid.UUID, dict[str, Any], list[dict[str, Any]]]:
    """(person id, history document, red flags) for an order."""
    person = person_of(session, order.customer_id)
    members = members_of(session, person)
    household = household_of(session, members)
    document, flags = summarise(
        person, members, household, past_orders(session, order, members, household)
    )
    return person, document, flags


__all__ = ["history_of", "household_of", "past_orders"]
