"""The features of one order now, read from the database: the same facts the replay
builds, for the person's customer records and their household, plus velocity by contact
key. The order itself never counts in its own history.

A few statements per decision, built once: the orders of the person and the household
with their lines (one), the person's returns, refunds, disputes and tickets (one), the
orders per contact key in the last day (one)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, Text, Uuid, bindparam, cast, func, literal, null, select
from sqlalchemy import case as when
from sqlalchemy.orm import Session

from goodbuyer.db import UTCDateTime
from goodbuyer.identity.models import IdentityKey
from goodbuyer.identity.outcomes import OrderOutcome, outcome_of
from goodbuyer.identity.snapshot import VELOCITY_KEYS
from goodbuyer.identity.statuses import KeyKind
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.returns.models import Return, ReturnLine
from goodbuyer.risk.facts import (
    Disputed,
    Event,
    Money,
    PersonFacts,
    PlacedOrder,
    Refunded,
    Returned,
    Settled,
    TicketOpened,
    event_time,
)
from goodbuyer.risk.features import Velocity, person_velocity
from goodbuyer.store.models import Order, OrderLine
from goodbuyer.support.models import Ticket

DAY = timedelta(days=1)
_NOT_RECEIVED_WORDS = ("not received", "never arrived", "not_received", "never received")
_CUSTOMERS: Any = bindparam("customers", expanding=True)

# One row per order line (an order without lines: one row of NULLs), oldest first.
_ORDERS = (
    select(
        Order.id, Order.customer_id, Order.placed_at, Order.source_updated_at, Order.total,
        Order.currency, Order.payment_method, Order.status, Order.payment_status,
        OrderLine.sku, OrderLine.product, OrderLine.size, OrderLine.colour, OrderLine.quantity,
    )
    .outerjoin(OrderLine, OrderLine.order_id == Order.id)
    .where(Order.customer_id.in_(_CUSTOMERS))
    .order_by(Order.placed_at, Order.id)
)  # fmt: skip


def _after_sales_row(
    kind: int, customer: Any, order: Any, at: Any, n1: Any = None, n2: Any = None,
    n3: Any = None, s1: Any = None, s2: Any = None,
) -> tuple[Any, ...]:  # fmt: skip
    """The columns every part of `_AFTER_SALES` shares (NULLs typed for PostgreSQL)."""
    number = [cast(n if n is not None else null(), BigInteger) for n in (n1, n2, n3)]
    text = [cast(s if s is not None else null(), Text) for s in (s1, s2)]
    return (literal(kind).label("kind"), customer, order, at, *number, *text)


_WORN = func.sum(when((ReturnLine.condition == "worn", ReturnLine.quantity), else_=0))
# Returns (1), refunds (2), disputes (3) and tickets (4) of some customer records.
_AFTER_SALES = (
    select(*_after_sales_row(
        1, Return.customer_id, Return.order_id, Return.requested_at,
        func.sum(ReturnLine.quantity), func.sum(ReturnLine.quantity * ReturnLine.unit_price),
        _WORN, Return.reason,
    ))
    .join(ReturnLine, ReturnLine.return_id == Return.id)
    .where(Return.customer_id.in_(_CUSTOMERS))
    .group_by(Return.id, Return.customer_id, Return.order_id, Return.requested_at, Return.reason)
    .union_all(
        select(*_after_sales_row(
            2, Order.customer_id, Refund.order_id, Refund.refunded_at, Refund.amount,
            s1=Refund.currency, s2=Refund.reason,
        ))
        .join(Order, Order.id == Refund.order_id)
        .where(Order.customer_id.in_(_CUSTOMERS)),
        select(*_after_sales_row(
            3, Order.customer_id, Chargeback.order_id, Chargeback.opened_at,
            s1=Chargeback.reason,
        ))
        .join(Order, Order.id == Chargeback.order_id)
        .where(Order.customer_id.in_(_CUSTOMERS)),
        select(*_after_sales_row(
            4, Ticket.customer_id, cast(null(), Uuid()), Ticket.created_at, s1=Ticket.tags,
        ))
        .where(Ticket.customer_id.in_(_CUSTOMERS)),
    )
)  # fmt: skip


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
    if not members and not household:
        return Known(PersonFacts(money=money), [])
    session.flush()  # the statements below read through the connection: no autoflush
    conn = session.connection()
    inside = set(members)
    mine: list[Event] = []
    home: list[Event] = []
    rows = conn.execute(_ORDERS, {"customers": [*members, *household]})
    for customer, placed, done in _orders(rows):
        if placed.order_id == order_id or placed.placed_at > placed_at:
            continue
        events = mine if customer in inside else home
        events.append(placed)
        if done is not None and done.at <= known_by:
            events.append(done)
    if members:
        found = conn.execute(_AFTER_SALES, {"customers": list(members)})
        mine += [e for e in _after_sales(found) if event_time(e) <= known_by]
    person = _apply(PersonFacts(money=money), mine)
    return Known(person, [_apply(PersonFacts(money=money), home)] if household else [])


def _apply(facts: PersonFacts, events: list[Event]) -> PersonFacts:
    events.sort(key=lambda e: (event_time(e), not isinstance(e, PlacedOrder)))
    for event in events:
        facts.apply(event)
    return facts


def _orders(rows: Iterable[Any]) -> Iterable[tuple[uuid.UUID, PlacedOrder, Settled | None]]:
    """(customer record, the order as placed, its outcome if settled) per order."""
    current: Any = None
    lines: list[Any] = []
    for row in rows:
        if current is not None and row[0] != current[0]:
            yield _order(current, lines)
            lines = []
        current = row
        if row.sku is not None:
            lines.append(row)
    if current is not None:
        yield _order(current, lines)


def _order(r: Any, lines: list[Any]) -> tuple[uuid.UUID, PlacedOrder, Settled | None]:
    variants: dict[str, set[tuple[Any, Any]]] = {}
    for line in lines:
        variants.setdefault(line.product, set()).add((line.size, line.colour))
    placed = PlacedOrder(
        r.id, r.placed_at, r.total, r.currency, r.payment_method.value,
        sum(line.quantity for line in lines), frozenset(line.sku for line in lines),
        max((len(v) for v in variants.values()), default=0),
    )  # fmt: skip
    outcome = outcome_of(r.status, r.payment_status, False, False)
    if outcome is OrderOutcome.OPEN:
        return r.customer_id, placed, None
    return r.customer_id, placed, Settled(r.id, max(r.source_updated_at, r.placed_at), outcome)


def _after_sales(rows: Iterable[Any]) -> Iterable[Event]:
    for kind, _customer, order, at, n1, n2, n3, s1, s2 in rows:
        if kind == 1:
            yield Returned(order, at, int(n1 or 0), int(n2 or 0), int(n3 or 0), s1)
        elif kind == 2:
            claim = any(w in (s2 or "").lower() for w in _NOT_RECEIVED_WORDS)
            yield Refunded(order, at, int(n1), s1, claim)
        elif kind == 3:
            yield Disputed(order, at, s1)
        else:
            yield TicketOpened(at, frozenset(json.loads(s1) if s1 else ()))


_KEYS_OF = select(IdentityKey.kind, IdentityKey.key).where(
    IdentityKey.customer_id.in_(_CUSTOMERS),
    IdentityKey.kind.in_(list(VELOCITY_KEYS)),
)


def keys_of(session: Session, customers: Sequence[uuid.UUID]) -> list[tuple[KeyKind, str]]:
    session.flush()
    rows = session.connection().execute(_KEYS_OF, {"customers": list(customers)})
    return [(k, v) for k, v in rows]


# Distinct orders in a window per contact key: kinds x values found by the index (shop,
# kind, key); the pairs asked for are picked out of the answer.
_PER_KEY = (
    select(IdentityKey.kind, IdentityKey.key, func.count(func.distinct(Order.id)))
    .join(Order, Order.customer_id == IdentityKey.customer_id)
    .where(
        IdentityKey.shop_id == bindparam("shop", type_=Uuid()),
        IdentityKey.kind.in_(bindparam("kinds", expanding=True)),
        IdentityKey.key.in_(bindparam("keys", expanding=True)),
        Order.placed_at >= bindparam("since", type_=UTCDateTime()),
        Order.placed_at <= bindparam("until", type_=UTCDateTime()),
        Order.id != bindparam("order", type_=Uuid()),
    )
    .group_by(IdentityKey.kind, IdentityKey.key)
)


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
    wanted = {(KeyKind(k), v) for k, v in keys}
    if wanted:
        session.flush()
        params = {"shop": shop_id, "kinds": sorted({k for k, _ in wanted}),
                  "keys": sorted({v for _, v in wanted}), "since": order.placed_at - DAY,
                  "until": order.placed_at, "order": order.order_id}  # fmt: skip
        for kind, key, others in session.connection().execute(_PER_KEY, params):
            if (kind, key) in wanted:
                name = VELOCITY_KEYS[kind]
                per_kind[name] = max(per_kind[name], 1 + int(others or 0))
    return Velocity(hour, day, per_kind["phone"], per_kind["email"], per_kind["address"],
                    duplicate)  # fmt: skip


__all__ = ["Known", "facts_before", "keys_of", "velocity_of"]
