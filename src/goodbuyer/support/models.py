"""Ticket and ticket message tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
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
        # The inbox: a shop's tickets, most recently updated first.
        Index("ix_tickets_shop_updated", "shop_id", "updated_at"),
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
    # The latest analysed customer message: what the ticket is about now (issue 6).
    intent: Mapped[str | None] = mapped_column(String(32))
    vip: Mapped[bool] = mapped_column(Boolean, default=False)
    route: Mapped[str | None] = mapped_column(String(16))  # auto, or human: a person first
    analysis_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("message_analyses.id", use_alter=True, ondelete="SET NULL")
    )

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


class MessageAnalysis(IdMixin, Base):
    """What goodbuyer read in one inbound customer message and what it recommends: the
    triage analysis, the facts as of that moment, the playbook's resolution, the threat
    routes, the zero-tolerance step and the drafted reply (decision 8)."""

    __tablename__ = "message_analyses"
    __table_args__ = (
        UniqueConstraint("message_id"),
        Index("ix_message_analyses_ticket", "ticket_id", "analysed_at"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ticket_messages.id", ondelete="CASCADE")
    )
    lang: Mapped[str] = mapped_column(String(16))
    intent: Mapped[str] = mapped_column(String(32))
    flags: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    angry: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[dict[str, float]] = mapped_column(JSONDoc, default=dict)
    route: Mapped[str] = mapped_column(String(16))
    vip: Mapped[bool] = mapped_column(Boolean, default=False)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    resolution: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)
    dispute: Mapped[str | None] = mapped_column(Text)  # an open chargeback's facts (R4.8)
    routes: Mapped[list[str]] = mapped_column(JSONDoc, default=list)  # legal, communications
    abuse_step: Mapped[str] = mapped_column(String(32), default="none")
    draft: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)
    draft_problem: Mapped[str | None] = mapped_column(Text)  # why there is no draft
    model_version: Mapped[str] = mapped_column(String(64))
    analysed_at: Mapped[datetime]


__all__ = ["MessageAnalysis", "Ticket", "TicketMessage"]
