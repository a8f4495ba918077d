"""Ticket and ticket message tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.support.statuses import AuthorKind, Channel, Direction, TicketStatus

_SHOP_FK = "shops.id"


class Ticket(IdMixin, Base):
    """One conversation thread with a customer."""

    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("shop_id", "source", "external_id"),
        Index("ix_tickets_customer", "customer_id"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(128))
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customers.id"))
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("orders.id"))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel))
    subject: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[TicketStatus] = mapped_column(enum_type(TicketStatus))
    language: Mapped[str | None] = mapped_column(String(16))
    tags: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    messages: Mapped[list[TicketMessage]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="TicketMessage.sent_at"
    )


class TicketMessage(IdMixin, Base):
    __tablename__ = "ticket_messages"
    __table_args__ = (
        UniqueConstraint("ticket_id", "external_id"),
        # An e-mail reply finds its thread by the Message-Id it answers.
        Index("ix_ticket_messages_shop_external", "shop_id", "external_id"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(128))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel))
    direction: Mapped[Direction] = mapped_column(enum_type(Direction))
    author_kind: Mapped[AuthorKind] = mapped_column(enum_type(AuthorKind))
    author_name: Mapped[str | None] = mapped_column(String(300))
    author_address: Mapped[str | None] = mapped_column(String(320))
    language: Mapped[str | None] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime]
    created_at: Mapped[datetime]
    raw: Mapped[dict[str, Any]] = mapped_column(JSONDoc)


__all__ = ["Ticket", "TicketMessage"]
