"""Customers, their contact points, orders and lines, and raw source events."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.store.statuses import ContactKind, OrderStatus, PaymentMethod, PaymentStatus

_SHOP_FK = "shops.id"


class Customer(IdMixin, Base):
    """A person as the shop knows them. `key` is how ingestion finds them again
    (the source's customer id, else the e-mail, else the phone)."""

    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("shop_id", "key"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(320))
    name: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ContactPoint(IdMixin, Base):
    """A phone, e-mail or address a customer used, raw and in a comparable form."""

    __tablename__ = "contact_points"
    __table_args__ = (
        UniqueConstraint("customer_id", "kind", "normalized"),
        Index("ix_contact_points_lookup", "shop_id", "kind", "normalized"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    kind: Mapped[ContactKind] = mapped_column(enum_type(ContactKind))
    value: Mapped[str] = mapped_column(String(500))
    normalized: Mapped[str] = mapped_column(String(500))
    first_seen_at: Mapped[datetime]


class Order(IdMixin, Base):
    """An order as the shop sent it, with the contact data it carried at the time."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("shop_id", "source", "external_id"),
        Index("ix_orders_shop_placed", "shop_id", "placed_at"),
        Index("ix_orders_customer_placed", "customer_id", "placed_at"),
        Index("ix_orders_shop_number", "shop_id", "number"),  # an order number in a message
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(128))
    number: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"))
    status: Mapped[OrderStatus] = mapped_column(enum_type(OrderStatus))
    payment_method: Mapped[PaymentMethod] = mapped_column(enum_type(PaymentMethod))
    payment_status: Mapped[PaymentStatus] = mapped_column(enum_type(PaymentStatus))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal: Mapped[int] = mapped_column(BigInteger)
    shipping: Mapped[int] = mapped_column(BigInteger)
    tax: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(BigInteger)
    customer_name: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(64))
    ship_name: Mapped[str | None] = mapped_column(String(300))
    ship_line1: Mapped[str | None] = mapped_column(String(300))
    ship_line2: Mapped[str | None] = mapped_column(String(300))
    ship_city: Mapped[str | None] = mapped_column(String(200))
    ship_postcode: Mapped[str | None] = mapped_column(String(32))
    ship_region: Mapped[str | None] = mapped_column(String(200))
    ship_country: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str | None] = mapped_column(String(16))
    client_ip: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    placed_at: Mapped[datetime]
    source_updated_at: Mapped[datetime]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    raw: Mapped[dict[str, Any]] = mapped_column(JSONDoc)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order",
        cascade="all, delete-orphan",
        order_by="OrderLine.position",
        lazy="selectin",
    )


class OrderLine(IdMixin, Base):
    __tablename__ = "order_lines"
    __table_args__ = (UniqueConstraint("order_id", "position"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(128))
    product: Mapped[str] = mapped_column(String(300))
    size: Mapped[str | None] = mapped_column(String(64))
    colour: Mapped[str | None] = mapped_column(String(64))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    unit_cost: Mapped[int | None] = mapped_column(BigInteger)

    order: Mapped[Order] = relationship(back_populates="lines")


class SourceEvent(IdMixin, Base):
    """Every webhook delivery as received: the raw body for audit, the id for deduplication."""

    __tablename__ = "source_events"
    __table_args__ = (UniqueConstraint("shop_id", "source", "delivery_id"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(32))
    topic: Mapped[str] = mapped_column(String(64))
    delivery_id: Mapped[str] = mapped_column(String(128))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    outcome: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[datetime]


__all__ = ["ContactPoint", "Customer", "Order", "OrderLine", "SourceEvent"]
