"""The history check on every order (R1.1, R1.2), read from the database: every earlier
order of the same person and of their household, each with its outcome. Three statements,
built once: the person's records, their households, their past orders with outcomes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Uuid, bindparam, exists, select, union
from sqlalchemy.orm import Session

from goodbuyer.identity.models import IdentityLink
from goodbuyer.identity.outcomes import HISTORY_LIMIT, PastOrder, outcome_of, summarise
from goodbuyer.identity.persons import person_and_members
from goodbuyer.identity.statuses import LinkKind
from goodbuyer.payments.models import Chargeback
from goodbuyer.returns.models import Return
from goodbuyer.store.models import Order

_LIVE_HOUSEHOLD = (IdentityLink.kind == LinkKind.HOUSEHOLD, IdentityLink.undone_at.is_(None))
_HOUSEHOLD = union(
    select(IdentityLink.customer_b.label("customer")).where(
        IdentityLink.customer_a.in_(bindparam("members", expanding=True)), *_LIVE_HOUSEHOLD
    ),
    select(IdentityLink.customer_a.label("customer")).where(
        IdentityLink.customer_b.in_(bindparam("members", expanding=True)), *_LIVE_HOUSEHOLD
    ),
)
_PAST = (
    select(
        Order.id, Order.number, Order.placed_at, Order.total, Order.currency,
        Order.payment_method, Order.status, Order.payment_status, Order.customer_id,
        exists().where(Return.order_id == Order.id).label("returned"),
        exists().where(Chargeback.order_id == Order.id).label("disputed"),
    )
    .where(
        Order.customer_id.in_(bindparam("customers", expanding=True)),
        Order.id != bindparam("order", type_=Uuid()),
        Order.placed_at <= bindparam("placed_at"),
    )
    .order_by(Order.placed_at.desc())
    .limit(HISTORY_LIMIT)
)  # fmt: skip


def household_of(session: Session, members: list[uuid.UUID]) -> list[uuid.UUID]:
    found = session.connection().execute(_HOUSEHOLD, {"members": members}).scalars()
    inside = set(members)
    return sorted(set(found) - inside)


def past_orders(
    session: Session, order_id: uuid.UUID, placed_at: datetime, members: list[uuid.UUID],
    household: list[uuid.UUID],
) -> list[PastOrder]:  # fmt: skip
    params = {"customers": members + household, "order": order_id, "placed_at": placed_at}
    inside = set(members)
    return [
        PastOrder(
            r.id, r.number, r.placed_at, r.total, r.currency, r.payment_method.value,
            outcome_of(r.status, r.payment_status, bool(r.returned), bool(r.disputed)),
            "same person" if r.customer_id in inside else "household",
        )
        for r in session.connection().execute(_PAST, params)
    ]  # fmt: skip


def history_of(
    session: Session, order_id: uuid.UUID, customer_id: uuid.UUID, placed_at: datetime
) -> tuple[uuid.UUID, dict[str, Any], list[dict[str, Any]]]:
    """(person id, history document, red flags) for an order."""
    person, members = person_and_members(session, customer_id)
    household = household_of(session, members)
    past = past_orders(session, order_id, placed_at, members, household)
    document, flags = summarise(person, members, household, past)
    return person, document, flags


__all__ = ["history_of", "household_of", "past_orders"]
