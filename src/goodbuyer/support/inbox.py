"""The agents' inbox: tickets a page at a time (keyset cursor, newest activity first),
filtered by what goodbuyer read in them, with counts per intent and per flag.

A ticket's intent, anger, route and resolution are its latest analysis's; its flags are
every flag any of its customer messages raised (a threat made once stays on the ticket).
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Select, Text, and_, case, cast, func, literal, or_, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session, aliased, lazyload

from goodbuyer.errors import FieldError, InvalidInput
from goodbuyer.store.service import Customer
from goodbuyer.support.models import MessageAnalysis, Ticket, TicketMessage
from goodbuyer.support.statuses import Channel, Direction, TicketStatus
from goodbuyer.support.triage.labels import FLAGS

BLOCKED_STEPS = ("blocked", "already_blocked")  # the customer is on the support block list
FIRST_WORDS = 12  # of the first customer message, for a ticket without a subject

_Latest = aliased(MessageAnalysis, name="latest")
_Columns = TypeVarTuple("_Columns")


@dataclass(frozen=True)
class InboxFilter:
    """What the agent asked to see; None or False means "any"."""

    status: TicketStatus | None = TicketStatus.OPEN
    intent: str | None = None
    flag: str | None = None
    vip: bool = False
    human: bool = False  # the latest analysis sent it to a person first
    blocked: bool = False
    language: str | None = None


@dataclass(frozen=True)
class InboxRow:
    ticket_id: uuid.UUID
    title: str  # the subject, or the first words of the first customer message
    customer_name: str | None
    channel: Channel
    status: TicketStatus
    language: str | None
    intent: str | None
    flags: tuple[str, ...]
    angry: int | None
    vip: bool
    route: str | None
    resolution: str | None  # the recommended resolution's kind
    blocked: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class InboxPage:
    items: list[InboxRow]
    next_cursor: str | None


@dataclass(frozen=True)
class InboxCounts:
    """Tickets per intent (all other filters applied) and per flag (likewise)."""

    total: int
    intents: dict[str, int] = field(default_factory=dict)
    flags: dict[str, int] = field(default_factory=dict)


def inbox_page(
    session: Session, shop_id: uuid.UUID, filters: InboxFilter, limit: int, cursor: str | None
) -> InboxPage:
    """Tickets matching `filters`, newest activity first; `cursor` continues a page. The
    keys are chosen on narrow rows first, then only the page's rows are loaded."""
    keys = _filtered(select(Ticket.id, Ticket.updated_at), session, shop_id, filters)
    if cursor:
        at, last = _decode(cursor)
        keys = keys.where(
            or_(Ticket.updated_at < at, and_(Ticket.updated_at == at, Ticket.id < last))
        )
    keys = keys.order_by(Ticket.updated_at.desc(), Ticket.id.desc()).limit(limit + 1)
    found = list(session.execute(keys).all())
    ids = [ticket_id for ticket_id, _ in found[:limit]]
    loaded = {
        ticket.id: (ticket, latest)
        for ticket, latest in session.execute(
            select(Ticket, _Latest)
            .outerjoin(_Latest, _Latest.id == Ticket.analysis_id)
            .where(Ticket.id.in_(ids))
            .options(lazyload(Ticket.messages))
        )
    }
    shown = [loaded[ticket_id] for ticket_id in ids]
    flags, first = _flags_of(session, ids), _first_messages(session, ids)
    names = _customer_names(session, [t.customer_id for t, _ in shown if t.customer_id])
    items = [
        _row(ticket, latest, flags.get(ticket.id, ()), first.get(ticket.id), names)
        for ticket, latest in shown
    ]
    more = len(found) > limit
    end = found[limit - 1] if more else None
    return InboxPage(items, _encode(end.updated_at, end.id) if end else None)


def inbox_counts(session: Session, shop_id: uuid.UUID, filters: InboxFilter) -> InboxCounts:
    """Counts for the top of the inbox: how many tickets each intent or flag would show.
    Flags are counted in one pass over the analyses of the matching tickets."""
    by_intent = _filtered(
        select(Ticket.intent, func.count()), session, shop_id, replace(filters, intent=None)
    ).group_by(Ticket.intent)
    intents = {intent: int(n) for intent, n in session.execute(by_intent) if intent}
    each = aliased(MessageAnalysis, name="raised")
    per_flag = [
        func.count(func.distinct(case((_raised(session, each, f), each.ticket_id)))) for f in FLAGS
    ]
    by_flag = _filtered(select(*per_flag), session, shop_id, replace(filters, flag=None))
    flag_counts = session.execute(by_flag.join(each, each.ticket_id == Ticket.id)).one()
    return InboxCounts(
        total=_total(session, shop_id, filters),
        intents=intents,
        flags={f: int(n) for f, n in zip(FLAGS, flag_counts, strict=True)},
    )


def _total(session: Session, shop_id: uuid.UUID, filters: InboxFilter) -> int:
    return int(session.scalar(_filtered(select(func.count()), session, shop_id, filters)) or 0)


def _filtered(
    query: Select[*_Columns], session: Session, shop_id: uuid.UUID, f: InboxFilter
) -> Select[*_Columns]:
    query = query.select_from(Ticket).where(Ticket.shop_id == shop_id)
    if f.blocked or f.language:
        query = query.outerjoin(_Latest, _Latest.id == Ticket.analysis_id)
    if f.status is not None:
        query = query.where(Ticket.status == f.status)
    if f.intent:
        query = query.where(Ticket.intent == f.intent)
    if f.flag:
        query = query.where(_has_flag(session, f.flag))
    if f.vip:
        query = query.where(Ticket.vip.is_(True))
    if f.human:
        query = query.where(Ticket.route == "human")
    if f.blocked:
        query = query.where(_Latest.abuse_step.in_(BLOCKED_STEPS))
    if f.language:
        query = query.where(func.coalesce(_Latest.lang, Ticket.language) == f.language)
    return query


def _has_flag(session: Session, flag: str) -> ColumnElement[bool]:
    """Any analysis of the ticket raised `flag`."""
    each = aliased(MessageAnalysis, name="any_analysis")
    return select(each.id).where(each.ticket_id == Ticket.id, _raised(session, each, flag)).exists()


def _raised(session: Session, analysis: Any, flag: str) -> ColumnElement[bool]:
    """This analysis raised `flag`: JSONB containment on PostgreSQL; elsewhere the member,
    quoted as JSON, in the array's text (LIKE's wildcards escaped)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(analysis.flags, JSONB).op("@>")(cast(literal(json.dumps([flag])), JSONB))
    token = json.dumps(flag)
    for special in ("\\", "%", "_"):
        token = token.replace(special, "\\" + special)
    return cast(analysis.flags, Text).like(f"%{token}%", escape="\\")


def _flags_of(
    session: Session, ticket_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[str, ...]]:
    raised: dict[uuid.UUID, set[str]] = {}
    if ticket_ids:
        query = select(MessageAnalysis.ticket_id, MessageAnalysis.flags).where(
            MessageAnalysis.ticket_id.in_(ticket_ids)
        )
        for ticket_id, flags in session.execute(query):
            raised.setdefault(ticket_id, set()).update(flags or ())
    return {t: tuple(f for f in FLAGS if f in found) for t, found in raised.items()}


def _first_messages(
    session: Session, ticket_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[str, str | None]]:
    """Each ticket's first customer message: (body, author name)."""
    if not ticket_ids:
        return {}
    order = func.row_number().over(
        partition_by=TicketMessage.ticket_id, order_by=(TicketMessage.sent_at, TicketMessage.id)
    )
    ranked = (
        select(TicketMessage.ticket_id, TicketMessage.body, TicketMessage.author_name,
               order.label("n"))
        .where(TicketMessage.ticket_id.in_(ticket_ids),
               TicketMessage.direction == Direction.INBOUND)
        .subquery()
    )  # fmt: skip
    query = select(ranked.c.ticket_id, ranked.c.body, ranked.c.author_name).where(ranked.c.n == 1)
    return {ticket_id: (body, author) for ticket_id, body, author in session.execute(query)}


def _customer_names(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    query = select(Customer.id, Customer.name).where(Customer.id.in_(set(ids)))
    return {customer_id: name for customer_id, name in session.execute(query) if name}


def _row(
    ticket: Ticket,
    latest: MessageAnalysis | None,
    flags: tuple[str, ...],
    first: tuple[str, str | None] | None,
    names: dict[uuid.UUID, str],
) -> InboxRow:
    body, author = first or ("", None)
    name = names.get(ticket.customer_id) if ticket.customer_id else None
    return InboxRow(
        ticket_id=ticket.id,
        title=ticket.subject or first_words(body),
        customer_name=name or author,
        channel=ticket.channel,
        status=ticket.status,
        language=(latest.lang if latest else None) or ticket.language,
        intent=ticket.intent,
        flags=flags,
        angry=latest.angry if latest else None,
        vip=ticket.vip,
        route=ticket.route,
        resolution=(latest.resolution or {}).get("kind") if latest else None,
        blocked=latest is not None and latest.abuse_step in BLOCKED_STEPS,
        created_at=ticket.created_at,
        updated_at=ticket.updated_at,
    )


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first `count` words of a message on one line, with an ellipsis when cut."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _encode(at: datetime, last: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{last}".encode()).decode()


def _decode(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        at, last = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        when, after = datetime.fromisoformat(at), uuid.UUID(last)
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        wrong = FieldError("query.cursor", "not a cursor this page gave out")
        raise InvalidInput("cursor is not one this page gave out", [wrong])
    return when, after


__all__ = [
    "BLOCKED_STEPS", "InboxCounts", "InboxFilter", "InboxPage", "InboxRow", "first_words",
    "inbox_counts", "inbox_page",
]  # fmt: skip
