"""The outbox: every outgoing message, recorded before the provider is called."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.confirmations.statuses import DeliveryStatus, OutboundChannel
from goodbuyer.db import Base, IdMixin, enum_type

_SHOP_FK = "shops.id"


class OutboxMessage(IdMixin, Base):
    __tablename__ = "outbox_messages"
    __table_args__ = (Index("ix_outbox_messages_status", "shop_id", "status", "created_at"),)

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
    status: Mapped[DeliveryStatus] = mapped_column(enum_type(DeliveryStatus))
    provider_message_id: Mapped[str | None] = mapped_column(String(200))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


__all__ = ["OutboxMessage"]
