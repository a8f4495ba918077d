"""The outbox (every outgoing message, recorded before the provider is called), one
confirmation per order held for confirmation, and the agents' call attempts."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.confirmations.statuses import (
    CallOutcome,
    ConfirmationStatus,
    DeliveryStatus,
    OutboundChannel,
    ResolvedVia,
)
from goodbuyer.db import Base, IdMixin, enum_type

_SHOP_FK = "shops.id"


class OutboxMessage(IdMixin, Base):
    __tablename__ = "outbox_messages"
    __table_args__ = (
        Index("ix_outbox_messages_status", "shop_id", "status", "created_at"),
        Index("ix_outbox_messages_confirmation", "confirmation_id"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    # The workflow id and step: a re-run step finds its message here and never sends twice.
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[OutboundChannel] = mapped_column(enum_type(OutboundChannel))
    recipient: Mapped[str] = mapped_column(String(320))
    template: Mapped[str] = mapped_column(String(128))
    language: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text)
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customers.id"))
    confirmation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("confirmations.id", ondelete="CASCADE")
    )
    status: Mapped[DeliveryStatus] = mapped_column(enum_type(DeliveryStatus))
    provider_message_id: Mapped[str | None] = mapped_column(String(200))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    cost: Mapped[int] = mapped_column(Integer, default=0)  # minor units of the shop's currency
    due_at: Mapped[datetime | None]  # when the flow wanted it sent (lateness is sent_at - due_at)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class Confirmation(IdMixin, Base):
    """An order held until its customer confirms it: the ladder's state (R3.1-R3.4)."""

    __tablename__ = "confirmations"
    __table_args__ = (
        Index("ix_confirmations_status", "status", "created_at"),
        Index("ix_confirmations_shop_status", "shop_id", "status", "call_due_at"),
        Index("ix_confirmations_phone", "shop_id", "phone"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), unique=True
    )
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    status: Mapped[ConfirmationStatus] = mapped_column(enum_type(ConfirmationStatus))
    policy_version: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(16))
    time_zone: Mapped[str] = mapped_column(String(64))  # IANA name, for quiet hours
    phone: Mapped[str | None] = mapped_column(String(64))  # E.164, where a reply comes from
    link_code: Mapped[str] = mapped_column(String(16), unique=True)  # the link's random part
    rung: Mapped[int] = mapped_column(Integer, default=-1)  # the last step started; -1: none
    channel: Mapped[str | None] = mapped_column(String(32))  # that step's channel
    next_due_at: Mapped[datetime | None]  # when the next step is due
    call_attempts: Mapped[int] = mapped_column(Integer, default=0)
    call_due_at: Mapped[datetime | None]  # in the call queue from then (a call back moves it)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_until: Mapped[datetime | None]
    delivery_slot: Mapped[str | None] = mapped_column(String(64))  # R3.7
    resolved_via: Mapped[ResolvedVia | None] = mapped_column(enum_type(ResolvedVia))
    resolved_channel: Mapped[str | None] = mapped_column(String(32))  # the step it ended at
    created_at: Mapped[datetime]
    started_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class CallAttempt(IdMixin, Base):
    """One call an agent made (or tried) to confirm an order."""

    __tablename__ = "call_attempts"
    __table_args__ = (Index("ix_call_attempts_confirmation", "confirmation_id", "at"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    confirmation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("confirmations.id", ondelete="CASCADE")
    )
    agent: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[CallOutcome] = mapped_column(enum_type(CallOutcome))
    note: Mapped[str | None] = mapped_column(Text)
    call_back_at: Mapped[datetime | None]
    at: Mapped[datetime]


__all__ = ["CallAttempt", "Confirmation", "OutboxMessage"]
