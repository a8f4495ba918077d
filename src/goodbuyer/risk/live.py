"""The features of one order now, read from the database: the same facts the replay
builds, for the person's customer records and their household, plus velocity by contact
key. The order itself never counts in its own history."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from goodbuyer.identity.models import IdentityKey
from goodbuyer.identity.snapshot import VELOCITY_KEYS
from goodbuyer.identity.statuses import KeyKind
from goodbuyer.risk.events import after_sales, order_rows, settled
from goodbuyer.risk.facts import Event, Money, PersonFacts, PlacedOrder, event_time
from goodbuyer.risk.features import Velocity, person_velocity
from goodbuyer.store.models import Order

DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Known:
    """A person's and their household's facts just before an order."""

    person: PersonFacts
    household: list[PersonFacts]


def facts_before(
    session: Session,
    shop_id: uuid.UUID,
    money: Money,
    members: Sequence[uuid.UUID],
    household: Sequence[uuid.UUID],
    order_id: uuid.UUID | None,
    placed_at: datetime,
    known_by: datetime,
) -> Known:
    """What is known by `known_by` about the person (their records `members`) and the
    household, counting the orders placed up to `placed_at` (the order itself left out)."""
    cut = (order_id, placed_at, known_by)
    person = _facts(session, shop_id, money, members, cut, with_after_sales=True)
    home = [_facts(session, shop_id, money, household, cut, with_after_sales=False)]
    return Known(person, home if household else [])


def _facts(
    session: Session,
    shop_id: uuid.UUID,
    money: Money,
    customers: Sequence[uuid.UUID],
    cut: tuple[uuid.UUID | None, datetime, datetime],
    *,
    with_after_sales: bool,
) -> PersonFacts:
    order_id, placed_at, known_by = cut
    facts = PersonFacts(money=money)
    if not customers:
        return facts
    events: list[Event] = []
    for row in order_rows(session, shop_id, list(customers)):
        if row.order_id == order_id or row.placed.placed_at > placed_at:
            continue
        events.append(row.placed)
        done = settled(row)
        if done is not None and done.at <= known_by:
            events.append(done)
    if with_after_sales:
        for found in after_sales(session, shop_id, list(customers)).values():
            events += [e for e in found if event_time(e) <= known_by]
    events.sort(key=lambda e: (event_time(e), not isinstance(e, PlacedOrder)))
    for event in events:
        facts.apply(event)
    return facts


_KEYS_OF = select(IdentityKey.kind, IdentityKey.key).where(
    IdentityKey.customer_id.in_(bindparam("customers", expanding=True)),
    IdentityKey.kind.in_(list(VELOCITY_KEYS)),
)


def keys_of(session: Session, customers: Sequence[uuid.UUID]) -> list[tuple[KeyKind, str]]:
    return [(k, v) for k, v in session.execute(_KEYS_OF, {"customers": list(customers)})]


def velocity_of(
    session: Session,
    shop_id: uuid.UUID,
    person: PersonFacts,
    order: PlacedOrder,
    keys: Sequence[tuple[KeyKind, str]],
) -> Velocity:
    """Orders in the last hour/24 hours of the person, and per phone, e-mail and building
    in the last 24 hours, this order included."""
    hour, day, duplicate = person_velocity(person, order)
    per_kind = dict.fromkeys(VELOCITY_KEYS.values(), 1)
    if keys:
        since = order.placed_at - DAY
        for kind, key in keys:
            others = (
                select(func.count(func.distinct(Order.id)))
                .join(IdentityKey, IdentityKey.customer_id == Order.customer_id)
                .where(
                    IdentityKey.shop_id == shop_id, IdentityKey.kind == kind,
                    IdentityKey.key == key, Order.placed_at >= since,
                    Order.placed_at <= order.placed_at, Order.id != order.order_id,
                )
            )  # fmt: skip
            name = VELOCITY_KEYS[kind]
            per_kind[name] = max(per_kind[name], 1 + int(session.scalar(others) or 0))
    return Velocity(hour, day, per_kind["phone"], per_kind["email"], per_kind["address"],
                    duplicate)  # fmt: skip


__all__ = ["Known", "facts_before", "keys_of", "velocity_of"]
