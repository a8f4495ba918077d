"""Return and return line tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.returns.statuses import ReturnReason, ReturnStatus

_SHOP_FK = "shops.id"


class Return(IdMixin, Base):
    __tablename__ = "returns"
    __table_args__ = (
        UniqueConstraint("shop_id", "source", "external_id"),
        Index("ix_returns_order", "order_id"),
        Index("ix_returns_customer", "customer_id"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(128))
    status: Mapped[ReturnStatus] = mapped_column(enum_type(ReturnStatus))
    reason: Mapped[ReturnReason] = mapped_column(enum_type(ReturnReason))
    reason_text: Mapped[str | None] = mapped_column(Text)
    photos: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    requested_at: Mapped[datetime]
    source_updated_at: Mapped[datetime]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    raw: Mapped[dict[str, Any]] = mapped_column(JSONDoc)

    lines: Mapped[list[ReturnLine]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ReturnLine.sku"
    )


class ReturnLine(IdMixin, Base):
    __tablename__ = "return_lines"
    __table_args__ = (Index("ix_return_lines_return", "return_id"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    return_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("returns.id", ondelete="CASCADE"))
    sku: Mapped[str] = mapped_column(String(128))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    condition: Mapped[str | None] = mapped_column(String(64))


__all__ = ["Return", "ReturnLine"]
