"""Refund and chargeback tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.payments.statuses import ChargebackReason, ChargebackStatus

_SHOP_FK = "shops.id"


class Refund(IdMixin, Base):
    __tablename__ = "refunds"
    __table_args__ = (
        UniqueConstraint("shop_id", "source", "external_id"),
        Index("ix_refunds_order", "order_id"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    return_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("returns.id"))
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(128))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str | None] = mapped_column(Text)
    refunded_at: Mapped[datetime]
    created_at: Mapped[datetime]
    raw: Mapped[dict[str, Any]] = mapped_column(JSONDoc)


class Chargeback(IdMixin, Base):
    __tablename__ = "chargebacks"
    __table_args__ = (
        UniqueConstraint("shop_id", "source", "external_id"),
        Index("ix_chargebacks_order", "order_id"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(128))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[ChargebackReason] = mapped_column(enum_type(ChargebackReason))
    status: Mapped[ChargebackStatus] = mapped_column(enum_type(ChargebackStatus))
    opened_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    source_updated_at: Mapped[datetime]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    raw: Mapped[dict[str, Any]] = mapped_column(JSONDoc)


__all__ = ["Chargeback", "Refund"]
