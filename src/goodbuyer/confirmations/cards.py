"""A confirmation as an agent needs it before a call: the order, the person's history
(identity's profile), why it was held (the decision's reasons and signals) and the
messages already sent."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from goodbuyer.confirmations.calls_schemas import (
    ConfirmationOut,
    FlagsOut,
    HistoryOut,
    MessageOut,
    OrderSummary,
    QueueEntryOut,
)
from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.confirmations.statuses import ConfirmationStatus
from goodbuyer.errors import NotFound
from goodbuyer.identity.persons import person_and_members
from goodbuyer.identity.profiles import build_profile
from goodbuyer.risk.models import Decision
from goodbuyer.risk.views import decision_out
from goodbuyer.store.models import Order, OrderLine


def mask_phone(phone: str | None) -> str | None:
    """ "+358401234567" -> "+358•••••••67": enough to tell two numbers apart, not to call."""
    if not phone:
        return phone
    keep = 4 if phone.startswith("+") else 2
    hidden = max(len(phone) - keep - 2, 0)
    return phone[:keep] + "•" * hidden + phone[keep + hidden :]


def confirmation_out(confirmation: Confirmation, full_phone: bool) -> ConfirmationOut:
    out = ConfirmationOut.model_validate(confirmation)
    return out if full_phone else out.model_copy(update={"phone": mask_phone(out.phone)})


def order_summaries(
    session: Session, order_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, OrderSummary]:
    items = (
        select(func.coalesce(func.sum(OrderLine.quantity), 0))
        .where(OrderLine.order_id == Order.id)
        .correlate(Order)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Order.id, Order.number, Order.status, Order.total, Order.currency, items,
               Order.placed_at, Order.customer_name).where(Order.id.in_(list(order_ids)))
    )  # fmt: skip
    return {
        r[0]: OrderSummary(order_id=r[0], number=r[1], status=r[2].value, total=r[3],
                           currency=r[4], items=int(r[5]), placed_at=r[6], customer_name=r[7])
        for r in rows
    }  # fmt: skip


def messages_of(
    session: Session, confirmation_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[MessageOut]]:
    """Each confirmation's outbox rows, oldest first."""
    found: dict[uuid.UUID, list[MessageOut]] = {c: [] for c in confirmation_ids}
    rows = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.confirmation_id.in_(list(confirmation_ids)))
        .order_by(OutboxMessage.created_at, OutboxMessage.id)
    )
    for row in rows:
        assert row.confirmation_id is not None
        found[row.confirmation_id].append(MessageOut.model_validate(row))
    return found


def history_of(session: Session, confirmation: Confirmation, now: datetime) -> HistoryOut:
    _, members = person_and_members(session, confirmation.customer_id)
    profile = build_profile(session, members, now)
    ghosts = session.scalar(
        select(func.count())
        .select_from(Confirmation)
        .where(Confirmation.customer_id.in_(members),
               Confirmation.status == ConfirmationStatus.GHOST,
               Confirmation.id != confirmation.id)
    )  # fmt: skip
    return HistoryOut(
        orders=profile.orders, delivered=profile.outcomes.get("delivered_paid", 0),
        refused=profile.refused, returned_to_origin=profile.returned_to_origin,
        unpaid=profile.unpaid, cancelled=profile.cancelled, chargebacks=profile.chargebacks,
        returns=profile.returns, ghost_box=int(ghosts or 0), first_order_at=profile.first_order_at,
    )  # fmt: skip


def flags_of(session: Session, order_id: uuid.UUID) -> FlagsOut:
    decision = session.scalars(
        select(Decision)
        .where(Decision.order_id == order_id)
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
        .limit(1)
    ).first()
    if decision is None:
        return FlagsOut(outcome=None, score=0.0, reasons=[], segments=[], ghost_signals=[],
                        history_flags=[])  # fmt: skip
    out = decision_out(decision)
    return FlagsOut(
        outcome=out.outcome, score=out.score, reasons=out.reasons, segments=out.segments,
        ghost_signals=list(out.features.get("ghost.signals") or []),
        history_flags=list(out.features.get("history.flags") or []),
    )  # fmt: skip


def entry_of(
    session: Session, confirmation: Confirmation, now: datetime, full_phone: bool
) -> QueueEntryOut:
    order = order_summaries(session, [confirmation.order_id]).get(confirmation.order_id)
    if order is None:
        raise NotFound(f"order {confirmation.order_id} not found")
    return QueueEntryOut(
        confirmation=confirmation_out(confirmation, full_phone), order=order,
        history=history_of(session, confirmation, now), flags=flags_of(session, order.order_id),
        messages=messages_of(session, [confirmation.id])[confirmation.id],
    )  # fmt: skip


__all__ = [
    "confirmation_out", "entry_of", "flags_of", "history_of", "mask_phone", "messages_of",
    "order_summaries",
]  # fmt: skip
