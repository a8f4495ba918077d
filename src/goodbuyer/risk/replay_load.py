"""Read a whole shop's history for the replay, fast: plain driver rows (ids as text,
no ORM objects), aggregated while they stream, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, case, cast, func, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.types import NullType

from goodbuyer.identity.models import IdentityKey, IdentityLink, OrderCheck, PersonMember
from goodbuyer.identity.outcomes import OrderOutcome, outcome_of
from goodbuyer.identity.snapshot import VELOCITY_KEYS
from goodbuyer.identity.statuses import LinkKind
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.returns.models import Return, ReturnLine
from goodbuyer.risk.facts import Disputed, Event, PlacedOrder, Refunded, Returned, TicketOpened
from goodbuyer.store.models import Order, OrderLine
from goodbuyer.store.statuses import OrderStatus, PaymentStatus
from goodbuyer.support.models import Ticket

BATCH = 20_000  # rows fetched at a time
_NOT_RECEIVED_WORDS = ("not received", "never arrived", "not_received", "never received")


@dataclass(frozen=True, slots=True)
class LoadedOrder:
    """An order of the replay; ids are their text, `person` the person it belongs to."""

    order_id: str
    customer_id: str
    person: str
    number: str
    country: str
    placed: PlacedOrder  # its order_id is the text id too
    outcome: OrderOutcome
    updated_at: datetime


@dataclass(slots=True)
class History:
    """Everything the replay reads, in memory."""

    orders: list[LoadedOrder] = field(default_factory=list)  # oldest first
    events: list[tuple[str, Event]] = field(default_factory=list)  # (person, event)
    households: dict[str, set[str]] = field(default_factory=dict)  # person -> persons
    keys: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # record -> keys
    ghosts: dict[str, tuple[float, tuple[str, ...]]] = field(default_factory=dict)


def _text(column: Any) -> Any:
    """An id as text on both backends (SQLite keeps it as hex text already)."""
    return cast(column, String)


def _raw(column: Any) -> Any:
    return type_coerce(column, NullType())


def _rows(session: Session, query: Select[Any]) -> Iterator[tuple[Any, ...]]:
    """Driver rows as they come, without SQLAlchemy's per-row processing."""
    cursor = session.connection().execute(query).cursor
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _time(value: Any) -> datetime:
    if isinstance(value, str):
        return datetime.fromisoformat(value + "+00:00")
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)  # type: ignore[no-any-return]


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _hex(value: str) -> str:
    """The canonical text of an id: 32 hex digits, as SQLite stores it."""
    return value.replace("-", "") if len(value) == 36 else value


def _persons(session: Session, shop_id: uuid.UUID) -> dict[str, str]:
    query = select(_text(PersonMember.customer_id), _text(PersonMember.person_id)).where(
        PersonMember.shop_id == shop_id
    )
    return {_hex(c): _hex(p) for c, p in _rows(session, query)}


def _households(
    session: Session, shop_id: uuid.UUID, person: dict[str, str]
) -> dict[str, set[str]]:
    query = select(_text(IdentityLink.customer_a), _text(IdentityLink.customer_b)).where(
        IdentityLink.shop_id == shop_id, IdentityLink.kind == LinkKind.HOUSEHOLD,
        IdentityLink.undone_at.is_(None),
    )  # fmt: skip
    found: dict[str, set[str]] = defaultdict(set)
    for a, b in _rows(session, query):
        pa, pb = person.get(_hex(a), _hex(a)), person.get(_hex(b), _hex(b))
        if pa != pb:
            found[pa].add(pb)
            found[pb].add(pa)
    return dict(found)


def _keys(session: Session, shop_id: uuid.UUID) -> dict[str, list[tuple[str, str]]]:
    names = {kind.value: name for kind, name in VELOCITY_KEYS.items()}
    query = select(_text(IdentityKey.customer_id), _raw(IdentityKey.kind), IdentityKey.key).where(
        IdentityKey.shop_id == shop_id, IdentityKey.kind.in_(list(VELOCITY_KEYS))
    )
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for customer, kind, key in _rows(session, query):
        pair, held = (names[kind], key), found[_hex(customer)]
        if pair not in held:  # two records of one customer may share a key: count it once
            held.append(pair)
    return dict(found)


def _ghosts(session: Session, shop_id: uuid.UUID) -> dict[str, tuple[float, tuple[str, ...]]]:
    query = select(_text(OrderCheck.order_id), OrderCheck.ghost_score,
                   _raw(OrderCheck.ghost_signals)).where(OrderCheck.shop_id == shop_id)  # fmt: skip
    found = {}
    for order, score, signals in _rows(session, query):
        codes = tuple(s["code"] for s in _json(signals)) if signals and signals != "[]" else ()
        if score or codes:
            found[_hex(order)] = (score or 0.0, codes)
    return found


_SEP = "\x1f"  # between the SKUs of one order (the unit separator: in no SKU)


def _baskets(session: Session, shop_id: uuid.UUID) -> dict[str, tuple[int, frozenset[str], int]]:
    """(items, SKUs, most variants of one product) per order, added up by the database."""
    lines = OrderLine.__table__
    size, colour = func.coalesce(lines.c.size, ""), func.coalesce(lines.c.colour, "")
    per_product = (
        select(lines.c.order_id, func.count(func.distinct(size + _SEP + colour)).label("n"))
        .where(lines.c.shop_id == shop_id)
        .group_by(lines.c.order_id, lines.c.product)
        .subquery()
    )
    query = select(_text(per_product.c.order_id), func.max(per_product.c.n)).group_by(
        per_product.c.order_id
    )
    most = dict(_rows(session, query.having(func.max(per_product.c.n) > 1)))
    query = select(_text(lines.c.order_id), func.sum(lines.c.quantity),
                   func.aggregate_strings(lines.c.sku, _SEP))  # fmt: skip
    query = query.where(lines.c.shop_id == shop_id).group_by(lines.c.order_id)
    return {
        _hex(o): (int(items), frozenset(skus.split(_SEP)), most.get(o, 1))
        for o, items, skus in _rows(session, query)
    }


_OUTCOMES = {
    (s.value, p.value): outcome_of(s, p, False, False) for s in OrderStatus for p in PaymentStatus
}


def _orders(session: Session, shop_id: uuid.UUID, person: dict[str, str]) -> list[LoadedOrder]:
    baskets = _baskets(session, shop_id)
    query = (
        select(
            _text(Order.id),
            _text(Order.customer_id),
            Order.number,
            _raw(Order.placed_at),
            _raw(Order.source_updated_at),
            Order.total,
            Order.currency,
            _raw(Order.payment_method),
            _raw(Order.status),
            _raw(Order.payment_status),
            Order.ship_country,
        )
        .where(Order.shop_id == shop_id)
        .order_by(Order.placed_at)
    )
    empty: tuple[int, frozenset[str], int] = (0, frozenset(), 0)
    orders = []
    for oid, cid, number, placed_at, updated, total, currency, pay, status, paid, country in _rows(
        session, query
    ):
        oid, cid = _hex(oid), _hex(cid)
        items, skus, most = baskets.get(oid, empty)
        at = _time(placed_at)
        placed = PlacedOrder(oid, at, total, currency, pay, items, skus, most)  # type: ignore[arg-type]
        orders.append(LoadedOrder(oid, cid, person.get(cid, cid), number, country or "", placed,
                                  _OUTCOMES[status, paid], _time(updated)))  # fmt: skip
    return orders


def _returns(session: Session, shop_id: uuid.UUID) -> Iterator[tuple[str, Event]]:
    worn = func.sum(case((ReturnLine.condition == "worn", ReturnLine.quantity), else_=0))
    query = (
        select(
            _text(Return.customer_id),
            _text(Return.order_id),
            _raw(Return.requested_at),
            _raw(Return.reason),
            func.sum(ReturnLine.quantity),
            func.sum(ReturnLine.quantity * ReturnLine.unit_price),
            worn,
        )
        .join(ReturnLine, ReturnLine.return_id == Return.id)
        .where(Return.shop_id == shop_id)
        .group_by(
            Return.id, Return.customer_id, Return.order_id, Return.requested_at, Return.reason
        )
    )
    for customer, order, at, reason, items, value, worn_items in _rows(session, query):
        yield _hex(customer), Returned(_hex(order), _time(at), int(items or 0), int(value or 0),  # type: ignore[arg-type]
                                       int(worn_items or 0), reason)  # fmt: skip


def _money(session: Session, shop_id: uuid.UUID) -> Iterator[tuple[str, Event]]:
    refunds = (
        select(
            _text(Order.customer_id),
            _text(Refund.order_id),
            _raw(Refund.refunded_at),
            Refund.amount,
            Refund.currency,
            Refund.reason,
        )
        .join(Order, Order.id == Refund.order_id)
        .where(Order.shop_id == shop_id)
    )
    for customer, order, at, amount, currency, reason in _rows(session, refunds):
        text = (reason or "").lower()
        claim = any(w in text for w in _NOT_RECEIVED_WORDS)
        yield _hex(customer), Refunded(_hex(order), _time(at), amount, currency, claim)  # type: ignore[arg-type]
    disputes = (
        select(
            _text(Order.customer_id),
            _text(Chargeback.order_id),
            _raw(Chargeback.opened_at),
            _raw(Chargeback.reason),
        )
        .join(Order, Order.id == Chargeback.order_id)
        .where(Order.shop_id == shop_id)
    )
    for customer, order, at, reason in _rows(session, disputes):
        yield _hex(customer), Disputed(_hex(order), _time(at), reason)  # type: ignore[arg-type]


def _tickets(session: Session, shop_id: uuid.UUID) -> Iterator[tuple[str, Event]]:
    query = select(_text(Ticket.customer_id), _raw(Ticket.created_at), _raw(Ticket.tags)).where(
        Ticket.shop_id == shop_id, Ticket.customer_id.is_not(None)
    )
    for customer, at, tags in _rows(session, query):
        yield _hex(customer), TicketOpened(_time(at), frozenset(_json(tags) or ()))


def load_history(session: Session, shop_id: uuid.UUID) -> History:
    """The shop's orders, after-sales events and identity, ready to replay."""
    person = _persons(session, shop_id)
    history = History(_orders(session, shop_id, person))
    for source in (_returns, _money, _tickets):
        history.events += [(person.get(c, c), e) for c, e in source(session, shop_id)]
    history.households = _households(session, shop_id, person)
    history.keys = _keys(session, shop_id)
    history.ghosts = _ghosts(session, shop_id)
    return history


__all__ = ["History", "LoadedOrder", "load_history"]
