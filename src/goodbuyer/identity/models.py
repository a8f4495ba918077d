"""Who is who: records, blocking keys, links between customer records, clusters (persons),
and the check stored on every order."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.identity.statuses import KeyKind, LinkKind

_SHOP_FK = "shops.id"
_CUSTOMER_FK = "customers.id"


class IdentityRecord(IdMixin, Base):
    """One distinct set of contact data a customer record used (name, phone, e-mail,
    address), with the order that first carried it."""

    __tablename__ = "identity_records"
    __table_args__ = (UniqueConstraint("customer_id", "signature"),)
    # The order that first carried the record (kept when the order is deleted: SET NULL).

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_CUSTOMER_FK, ondelete="CASCADE"))
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    signature: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    address: Mapped[str] = mapped_column(String(600), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(32), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    created_at: Mapped[datetime]


class IdentityKey(IdMixin, Base):
    """A blocking key of a record: records that share one are compared."""

    __tablename__ = "identity_keys"
    __table_args__ = (
        Index("ix_identity_keys_lookup", "shop_id", "kind", "key"),
        Index("ix_identity_keys_customer", "customer_id"),
        UniqueConstraint("record_id", "kind", "key"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    record_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_records.id", ondelete="CASCADE")
    )
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_CUSTOMER_FK, ondelete="CASCADE"))
    kind: Mapped[KeyKind] = mapped_column(enum_type(KeyKind))
    key: Mapped[str] = mapped_column(String(400))


class PersonMember(Base):
    """Which person (cluster of customer records) a customer record belongs to. A record
    with no row here is a person of its own."""

    __tablename__ = "person_members"
    __table_args__ = (Index("ix_person_members_person", "person_id"),)

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey(_CUSTOMER_FK, ondelete="CASCADE"), primary_key=True
    )
    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    person_id: Mapped[uuid.UUID]
    joined_at: Mapped[datetime]


class IdentityLink(IdMixin, Base):
    """A decided pair of customer records (customer_a < customer_b): one person, a
    household, or separated by an agent; with the levels that matched and why."""

    __tablename__ = "identity_links"
    __table_args__ = (
        UniqueConstraint("customer_a", "customer_b", "kind"),
        Index("ix_identity_links_b", "customer_b"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    customer_a: Mapped[uuid.UUID] = mapped_column(ForeignKey(_CUSTOMER_FK, ondelete="CASCADE"))
    customer_b: Mapped[uuid.UUID] = mapped_column(ForeignKey(_CUSTOMER_FK, ondelete="CASCADE"))
    kind: Mapped[LinkKind] = mapped_column(enum_type(LinkKind))
    score: Mapped[float] = mapped_column(Float)
    levels: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    reasons: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    undone_at: Mapped[datetime | None]


class OrderCheck(Base):
    """The history check and ghost signals of one order, as computed when it arrived."""

    __tablename__ = "order_checks"

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True
    )
    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    person_id: Mapped[uuid.UUID]
    checked_at: Mapped[datetime]
    history: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    red_flags: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc, default=list)
    ghost_signals: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc, default=list)
    ghost_score: Mapped[float] = mapped_column(Float, default=0.0)


__all__ = ["IdentityKey", "IdentityLink", "IdentityRecord", "OrderCheck", "PersonMember"]
