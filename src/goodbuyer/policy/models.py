"""Policy versions, segment memberships, list entries and rule snoozes: each says why,
with its evidence, and who did it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.policy.statuses import ListKind, ListSubject, PolicyStatus

_SHOP_FK = "shops.id"


class PolicyVersion(IdMixin, Base):
    """One version of a shop's policy document, from draft to active to retired."""

    __tablename__ = "policy_versions"
    __table_args__ = (
        UniqueConstraint("shop_id", "version"),
        Index("ix_policy_versions_status", "shop_id", "status"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[PolicyStatus] = mapped_column(enum_type(PolicyStatus))
    text: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc, default=list)
    based_on: Mapped[int | None] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    validated_at: Mapped[datetime | None]
    activated_at: Mapped[datetime | None]
    activated_by: Mapped[str | None] = mapped_column(String(200))
    retired_at: Mapped[datetime | None]


class SegmentMembership(IdMixin, Base):
    """A person in a segment (VIP, refuser, ...) from `since` until `until` (open: now).
    `customer_id` is the person's id (the id of their first customer record)."""

    __tablename__ = "segment_memberships"
    __table_args__ = (
        Index("ix_segment_memberships_lookup", "shop_id", "segment", "until"),
        Index("ix_segment_memberships_customer", "customer_id", "until"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    segment: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    policy_version: Mapped[int | None]
    since: Mapped[datetime]
    until: Mapped[datetime | None]
    ended_because: Mapped[str | None] = mapped_column(Text)


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


class RuleSnooze(IdMixin, Base):
    """An agent's suppression of one rule for one customer (their person) until a date."""

    __tablename__ = "rule_snoozes"
    __table_args__ = (Index("ix_rule_snoozes_customer", "shop_id", "customer_id", "until"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(64))
    until: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    lifted_at: Mapped[datetime | None]
    lifted_by: Mapped[str | None] = mapped_column(String(200))


__all__ = ["ListEntry", "PolicyVersion", "RuleSnooze", "SegmentMembership"]
