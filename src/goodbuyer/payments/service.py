"""Payment use cases: refunds and chargebacks, each tracked to its outcome."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from goodbuyer.audit import record_on_order
from goodbuyer.errors import FieldError, InvalidInput
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.payments.schemas import ChargebackIn, RefundIn
from goodbuyer.payments.statuses import ChargebackStatus
from goodbuyer.records import shop_key, store_keyed
from goodbuyer.returns import service as returns
from goodbuyer.risk import service as risk
from goodbuyer.store import service as store
from goodbuyer.store.schemas import IngestResult
from goodbuyer.store.service import Order
from goodbuyer.store.statuses import PaymentStatus


def ingest_refund(
    session: Session, shop_id: uuid.UUID, source: str, data: RefundIn, now: datetime, actor: str,
    *, segments: bool = True,
) -> IngestResult:  # fmt: skip
    """Store a refund once (refunds are facts) and mark the order (partially) refunded.
    `segments`: bring the customer's segments up to date (bulk imports do it at the end)."""
    order = store.require_order(session, shop_id, data.order_source, data.order_external_id)
    _same_currency(order, data.currency)
    return_id = (
        returns.find_return(session, shop_id, data.order_source, data.return_external_id).id
        if data.return_external_id
        else None
    )

    def create() -> Refund:
        return Refund(
            shop_id=shop_id,
            order_id=order.id,
            return_id=return_id,
            source=source,
            external_id=data.external_id,
            amount=data.amount,
            currency=data.currency,
            reason=data.reason,
            refunded_at=data.refunded_at,
            created_at=now,
            raw=data.raw or {},
        )

    refund, action = store_keyed(
        session,
        Refund,
        shop_key(shop_id, source, data.external_id),
        create=create,
    )
    if action == "created":
        record_on_order(
            session,
            order,
            "refund.created",
            refund.id,
            at=now,
            actor=actor,
            data={"amount": data.amount, "currency": data.currency},
        )
        refunded = (
            session.scalar(select(func.sum(Refund.amount)).where(Refund.order_id == order.id)) or 0
        )
        status = (
            PaymentStatus.REFUNDED
            if refunded >= order.total
            else (PaymentStatus.PARTIALLY_REFUNDED)
        )
        store.advance_order(
            session, order, None, status, now, actor, because=f"refund {data.external_id}"
        )
    if segments and action in ("created", "updated"):
        risk.refresh_segments(session, shop_id, order.customer_id, now, actor)
    return IngestResult(id=refund.id, external_id=data.external_id, action=action)


def ingest_chargeback(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    data: ChargebackIn,
    now: datetime,
    actor: str,
    *,
    segments: bool = True,
) -> IngestResult:
    """Store a chargeback once; newer versions move it towards its outcome.
    `segments`: bring the customer's segments up to date (bulk imports do it at the end)."""
    order = store.require_order(session, shop_id, data.order_source, data.order_external_id)
    _same_currency(order, data.currency)
    version = data.updated_at or data.resolved_at or data.opened_at

    def create() -> Chargeback:
        return Chargeback(
            shop_id=shop_id,
            order_id=order.id,
            source=source,
            external_id=data.external_id,
            created_at=now,
            updated_at=now,
            source_updated_at=version,
            **_chargeback_fields(data),
        )

    def update(existing: Chargeback) -> None:
        for name, value in _chargeback_fields(data).items():
            setattr(existing, name, value)
        existing.updated_at = now

    found, action = store_keyed(
        session,
        Chargeback,
        shop_key(shop_id, source, data.external_id),
        version=version,
        create=create,
        update=update,
    )
    if action in ("created", "updated"):
        record_on_order(
            session,
            order,
            f"chargeback.{action}",
            found.id,
            at=now,
            actor=actor,
            data={"status": data.status.value, "reason": data.reason.value},
        )
    if segments and action in ("created", "updated"):
        risk.refresh_segments(session, shop_id, order.customer_id, now, actor)
    return IngestResult(id=found.id, external_id=data.external_id, action=action)


def _chargeback_fields(data: ChargebackIn) -> dict[str, object]:
    return {
        "amount": data.amount,
        "currency": data.currency,
        "reason": data.reason,
        "status": data.status,
        "opened_at": data.opened_at,
        "resolved_at": data.resolved_at,
        "raw": data.raw or {},
    }


def _same_currency(order: Order, currency: str) -> None:
    if currency != order.currency:
        raise InvalidInput(
            f"order {order.number} is in {order.currency}, not {currency}",
            errors=[FieldError("currency", f"must be the order's currency {order.currency}")],
        )


def list_refunds(session: Session, shop_id: uuid.UUID, order_id: uuid.UUID) -> list[Refund]:
    store.get_order(session, shop_id, order_id)
    query = select(Refund).where(Refund.shop_id == shop_id, Refund.order_id == order_id)
    return list(session.scalars(query.order_by(Refund.refunded_at)))


def list_chargebacks(session: Session, shop_id: uuid.UUID, order_id: uuid.UUID) -> list[Chargeback]:
    store.get_order(session, shop_id, order_id)
    query = select(Chargeback).where(Chargeback.shop_id == shop_id, Chargeback.order_id == order_id)
    return list(session.scalars(query.order_by(Chargeback.opened_at)))


def open_chargebacks(
    session: Session,
    shop_id: uuid.UUID,
    customer_ids: list[uuid.UUID],
    as_of: datetime | None = None,
) -> list[tuple[Chargeback, str]]:
    """(chargeback, order number) of the disputes still open on these customers' orders,
    newest first; with `as_of`, those that were open then (opened by then, and still open
    or resolved only after it)."""
    still_open = Chargeback.status.in_((ChargebackStatus.OPEN, ChargebackStatus.UNDER_REVIEW))
    query = (
        select(Chargeback, Order.number)
        .join(Order, Order.id == Chargeback.order_id)
        .where(Chargeback.shop_id == shop_id, Order.customer_id.in_(customer_ids))
        .order_by(Chargeback.opened_at.desc(), Chargeback.id)
    )
    if as_of is None:
        query = query.where(still_open)
    else:
        query = query.where(
            Chargeback.opened_at <= as_of, or_(still_open, Chargeback.resolved_at > as_of)
        )
    return [(row[0], row[1]) for row in session.execute(query)]


__all__ = [
    "ingest_chargeback", "ingest_refund", "list_chargebacks", "list_refunds", "open_chargebacks",
]  # fmt: skip
