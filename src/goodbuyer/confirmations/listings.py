"""Lists of confirmations, a page at a time (keyset cursors): the call queue, the ghost
box, every confirmation with its messages, and one confirmation's timeline."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from goodbuyer.audit import AuditEvent
from goodbuyer.confirmations.calls import due_condition
from goodbuyer.confirmations.calls_schemas import (
    CallAttemptOut,
    ConfirmationDetail,
    ConfirmationPage,
    ConfirmationRow,
    EventOut,
    GhostOut,
    GhostPage,
    QueueEntryOut,
    QueuePage,
)
from goodbuyer.confirmations.cards import (
    confirmation_out,
    entry_of,
    mask_phone,
    messages_of,
    order_summaries,
)
from goodbuyer.confirmations.models import CallAttempt, Confirmation
from goodbuyer.confirmations.statuses import ConfirmationStatus
from goodbuyer.errors import InvalidInput, NotFound
from goodbuyer.store.models import Order


def queue_page(
    session: Session, shop_id: uuid.UUID, now: datetime, limit: int, cursor: str | None
) -> QueuePage:
    """Due and unclaimed, oldest due first, each with history, flags and messages."""
    query = select(Confirmation).where(due_condition(shop_id, now))
    if cursor:
        due, after = _decode(cursor)
        later = and_(Confirmation.call_due_at == due, Confirmation.id > after)
        query = query.where(or_(Confirmation.call_due_at > due, later))
    rows = list(session.scalars(
        query.order_by(Confirmation.call_due_at, Confirmation.id).limit(limit + 1)
    ))  # fmt: skip
    items = [entry_of(session, c, now, full_phone=False) for c in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return QueuePage(items=items, next_cursor=last and _encode(last.call_due_at, last.id))


def claimed_by(
    session: Session, shop_id: uuid.UUID, agent: str, now: datetime
) -> list[QueueEntryOut]:
    """The orders this agent holds (normally one), the phone in full."""
    rows = session.scalars(
        select(Confirmation)
        .where(Confirmation.shop_id == shop_id, Confirmation.claimed_by == agent,
               Confirmation.status == ConfirmationStatus.CALLING)
        .order_by(Confirmation.call_due_at)
    )  # fmt: skip
    return [entry_of(session, c, now, full_phone=True) for c in rows]


def waiting_count(session: Session, shop_id: uuid.UUID, now: datetime) -> int:
    """In the queue but not due yet (a retry later, a call back) or held by an agent."""
    calling = select(func.count()).where(
        Confirmation.shop_id == shop_id, Confirmation.status == ConfirmationStatus.CALLING
    )
    due = select(func.count()).where(due_condition(shop_id, now))
    return int(session.scalar(calling) or 0) - int(session.scalar(due) or 0)


def ghost_box_page(
    session: Session, shop_id: uuid.UUID, limit: int, cursor: str | None
) -> GhostPage:
    """Customers whose every call failed, newest first."""
    query = (
        select(Confirmation, Order.number, Order.total, Order.currency, Order.customer_name)
        .join(Order, Order.id == Confirmation.order_id)
        .where(Confirmation.shop_id == shop_id, Confirmation.status == ConfirmationStatus.GHOST)
    )
    rows = _newest_first(session, query, Confirmation.resolved_at, limit, cursor)
    items = [
        GhostOut(confirmation_id=c.id, order_id=c.order_id, number=number, total=total,
                 currency=currency, customer_id=c.customer_id, customer_name=name,
                 phone=mask_phone(c.phone), call_attempts=c.call_attempts,
                 at=c.resolved_at or c.updated_at)
        for c, number, total, currency, name in rows[:limit]
    ]  # fmt: skip
    last = rows[limit - 1][0] if len(rows) > limit else None
    return GhostPage(items=items, next_cursor=last and _encode(last.resolved_at, last.id))


def confirmations_page(
    session: Session, shop_id: uuid.UUID, status: ConfirmationStatus | None, limit: int,
    cursor: str | None,
) -> ConfirmationPage:  # fmt: skip
    """Every confirmation, newest first, with its order and messages."""
    query = select(Confirmation).where(Confirmation.shop_id == shop_id)
    if status is not None:
        query = query.where(Confirmation.status == status)
    rows = [r[0] for r in _newest_first(session, query, Confirmation.created_at, limit, cursor)]
    shown = rows[:limit]
    orders = order_summaries(session, [c.order_id for c in shown])
    messages = messages_of(session, [c.id for c in shown])
    items = [
        ConfirmationRow(confirmation=confirmation_out(c, full_phone=False),
                        order=orders[c.order_id], messages=messages[c.id])
        for c in shown
    ]  # fmt: skip
    last = rows[limit - 1] if len(rows) > limit else None
    return ConfirmationPage(items=items, next_cursor=last and _encode(last.created_at, last.id))


def confirmation_detail(
    session: Session, shop_id: uuid.UUID, confirmation_id: uuid.UUID, now: datetime, viewer: str
) -> ConfirmationDetail:
    """One confirmation: the order, history, flags, messages, calls and audit events. The
    phone is shown in full to the agent holding the claim only."""
    confirmation = session.get(Confirmation, confirmation_id)
    if confirmation is None or confirmation.shop_id != shop_id:
        raise NotFound(f"no confirmation {confirmation_id}")
    entry = entry_of(session, confirmation, now, full_phone=confirmation.claimed_by == viewer)
    calls = session.scalars(
        select(CallAttempt)
        .where(CallAttempt.confirmation_id == confirmation.id)
        .order_by(CallAttempt.at, CallAttempt.id)
    )
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.shop_id == shop_id, AuditEvent.order_id == confirmation.order_id)
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    return ConfirmationDetail(
        **dict(entry), calls=[CallAttemptOut.model_validate(c) for c in calls],
        events=[EventOut.model_validate(e) for e in events],
    )  # fmt: skip


def _newest_first(
    session: Session, query: Any, column: Any, limit: int, cursor: str | None
) -> list[Any]:
    if cursor:
        at, last = _decode(cursor)
        query = query.where(or_(column < at, and_(column == at, Confirmation.id < last)))
    query = query.order_by(column.desc(), Confirmation.id.desc()).limit(limit + 1)
    return list(session.execute(query).all())


def _encode(at: datetime | None, last: uuid.UUID) -> str:
    assert at is not None
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{last}".encode()).decode()


def _decode(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        at, last = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(at), uuid.UUID(last)
    except ValueError:
        raise InvalidInput("cursor is not one this API gave out") from None


__all__ = [
    "claimed_by", "confirmation_detail", "confirmations_page", "ghost_box_page", "queue_page",
    "waiting_count",
]  # fmt: skip
