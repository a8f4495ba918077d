"""Shop and API key tables."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.db import Base, IdMixin, JSONDoc


class Shop(IdMixin, Base):
    """One store; every other row belongs to exactly one shop."""

    __tablename__ = "shops"

    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3))
    country: Mapped[str] = mapped_column(String(2))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    languages: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    shopify_domain: Mapped[str | None] = mapped_column(String(255), unique=True)
    # Webhook secrets must be readable to verify signatures, so they are kept, not hashed.
    shopify_webhook_secret: Mapped[str | None] = mapped_column(String(255))
    woocommerce_webhook_secret: Mapped[str | None] = mapped_column(String(255))
    # The Admin API token writes tags back (kept readable: it is sent on every call).
    shopify_access_token: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime]


class ApiKey(IdMixin, Base):
    """A per-shop API key. Only a SHA-256 of the secret is stored; the prefix finds it."""

    __tablename__ = "api_keys"

    shop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("shops.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[list[str]] = mapped_column(JSONDoc)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]


__all__ = ["ApiKey", "Shop"]
