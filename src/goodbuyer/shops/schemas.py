"""API shapes for shops and keys."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from goodbuyer.shops.scopes import Scope
from goodbuyer.store.schemas import check_country, check_currency


class ShopIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    slug: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    currency: str
    country: str
    timezone: str = "UTC"
    languages: list[str] = ["en"]
    shopify_domain: str | None = None
    shopify_webhook_secret: str | None = None
    woocommerce_webhook_secret: str | None = None

    _currency = field_validator("currency")(check_currency)

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        checked = check_country(value)
        if checked is None:
            raise ValueError("a shop needs its country")
        return checked


class ApiKeyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    scopes: list[Scope]
    created_at: datetime
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyOut):
    secret: str = Field(description="shown once; only its hash is kept")


class Principal(BaseModel):
    """Who is calling: a key of one shop with its scopes."""

    shop_id: uuid.UUID
    key_id: uuid.UUID
    key_name: str
    scopes: list[str]

    @property
    def actor(self) -> str:
        return f"api-key:{self.key_name}"


__all__ = ["ApiKeyCreated", "ApiKeyOut", "Principal", "ShopIn"]
