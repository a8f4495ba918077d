"""Intake tables: per-shop provider connections, IMAP cursors, helpdesk write-backs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.support.intake.statuses import Provider, WritebackStatus

_SHOP_FK = "shops.id"


class SupportConnection(IdMixin, Base):
    """A shop's account at a provider: the secret it signs or authenticates with, and
    its other settings (Gorgias: domain, username, base_url)."""

    __tablename__ = "support_connections"
    __table_args__ = (UniqueConstraint("shop_id", "provider"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    provider: Mapped[Provider] = mapped_column(enum_type(Provider))
    # Kept readable: signatures are verified and API calls authenticated with it.
    secret: Mapped[str] = mapped_column(String(255))
    settings: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ImapCursor(IdMixin, Base):
    """How far a shop's mailbox was read: the last UID seen under one UIDVALIDITY."""

    __tablename__ = "imap_cursors"
    __table_args__ = (UniqueConstraint("shop_id", "mailbox"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    mailbox: Mapped[str] = mapped_column(String(500))  # user@host:port/folder
    uid_validity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger)
    polled_at: Mapped[datetime]


class HelpdeskWriteback(IdMixin, Base):
    """Tags and an internal note to write back to a helpdesk ticket, once per analysed
    message. `steps_done` lists the calls that succeeded, so a retry skips them."""

    __tablename__ = "helpdesk_writebacks"
    __table_args__ = (Index("ix_helpdesk_writebacks_due", "status", "next_attempt_at"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    provider: Mapped[Provider] = mapped_column(enum_type(Provider))
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    message_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ticket_messages.id", ondelete="CASCADE")
    )
    external_ticket_id: Mapped[str] = mapped_column(String(128))
    tags: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    note: Mapped[str] = mapped_column(Text)
    status: Mapped[WritebackStatus] = mapped_column(enum_type(WritebackStatus))
    steps_done: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime]
    created_at: Mapped[datetime]
    pushed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


__all__ = ["HelpdeskWriteback", "ImapCursor", "SupportConnection"]
