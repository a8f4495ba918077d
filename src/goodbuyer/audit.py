"""Every state change is an audit event; a customer's timeline is read from these."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from goodbuyer.db import Base, IdMixin, JSONDoc


class AuditEvent(IdMixin, Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_customer", "shop_id", "customer_id", "at"),
        Index("ix_audit_events_subject", "subject_type", "subject_id"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shops.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))  # a past-tense fact: "order.created"
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[uuid.UUID | None]
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customers.id"))
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    data: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)


def record(
    session: Session,
    *,
    shop_id: uuid.UUID,
    at: datetime,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: uuid.UUID | None,
    customer_id: uuid.UUID | None = None,
    order_id: uuid.UUID | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one audit event to the caller's transaction (it commits or rolls back with it)."""
    event = AuditEvent(
        shop_id=shop_id,
        at=at,
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        customer_id=customer_id,
        order_id=order_id,
        data=data or {},
    )
    session.add(event)
    return event


class OrderBound(Protocol):
    """An order, as far as its audit events need it."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def shop_id(self) -> uuid.UUID: ...
    @property
    def customer_id(self) -> uuid.UUID: ...


def record_on_order(
    session: Session,
    order: OrderBound,
    action: str,
    subject_id: uuid.UUID,
    *,
    at: datetime,
    actor: str,
    data: dict[str, Any],
) -> AuditEvent:
    """An event about a record of `order` (its shipment, return, refund, ...), on that
    order's and customer's timeline. The subject type is the action's first word."""
    return record(
        session,
        shop_id=order.shop_id,
        at=at,
        actor=actor,
        action=action,
        subject_type=action.split(".", 1)[0],
        subject_id=subject_id,
        customer_id=order.customer_id,
        order_id=order.id,
        data=data,
    )


__all__ = ["AuditEvent", "OrderBound", "record", "record_on_order"]
