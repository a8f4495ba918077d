"""Segment membership and list entry tables: each says why, with its evidence."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.policy.statuses import ListKind, ListSubject

_SHOP_FK = "shops.id"


class SegmentMembership(IdMixin, Base):
    """A customer in a segment (VIP, refuser, ...) from `since` until `until` (open: now)."""

    __tablename__ = "segment_memberships"
    __table_args__ = (Index("ix_segment_memberships_lookup", "shop_id", "segment", "until"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    segment: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    policy_version: Mapped[int | None]
    since: Mapped[datetime]
    until: Mapped[datetime | None]


class ListEntry(IdMixin, Base):
    __tablename__ = "list_entries"
    __table_args__ = (UniqueConstraint("shop_id", "kind", "subject", "value"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    kind: Mapped[ListKind] = mapped_column(enum_type(ListKind))
    subject: Mapped[ListSubject] = mapped_column(enum_type(ListSubject))
    value: Mapped[str] = mapped_column(String(500))
    reason: Mapped[str] = mapped_column(Text)
    added_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime | None]


__all__ = ["ListEntry", "SegmentMembership"]
