"""API shapes for orders and customers: `OrderIn` is what every source is turned into."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

from goodbuyer.money import is_currency
from goodbuyer.store.statuses import OrderStatus, PaymentMethod, PaymentStatus

Minor = Annotated[int, Field(ge=0, le=10**15, description="money in minor units (cents)")]
ExternalId = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^\S(.*\S)?$")]
Text300 = Annotated[str, Field(max_length=300)]


class InModel(BaseModel):
    """Input shapes refuse unknown fields and trim text."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def check_currency(value: str) -> str:
    code = value.upper()
    if not is_currency(code):
        raise ValueError(f"{value!r} is not an ISO 4217 currency code")
    return code


def check_country(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    code = value.upper()
    if len(code) != 2 or not code.isalpha() or not code.isascii():
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return code


class AddressIn(InModel):
    name: Text300 | None = None
    line1: Text300 | None = None
    line2: Text300 | None = None
    city: Annotated[str, Field(max_length=200)] | None = None
    postcode: Annotated[str, Field(max_length=32)] | None = None
    region: Annotated[str, Field(max_length=200)] | None = None
    country: str | None = None

    _country = field_validator("country")(check_country)


class CustomerIn(InModel):
    external_id: ExternalId | None = Field(default=None, description="the shop's customer id")
    name: Text300 | None = None
    email: Annotated[str, Field(max_length=320)] | None = None
    phone: Annotated[str, Field(max_length=64)] | None = None


class OrderLineIn(InModel):
    sku: Annotated[str, Field(min_length=1, max_length=128)]
    product: Annotated[str, Field(min_length=1, max_length=300)]
    size: Annotated[str, Field(max_length=64)] | None = None
    colour: Annotated[str, Field(max_length=64)] | None = None
    quantity: Annotated[int, Field(ge=1, le=100_000)]
    unit_price: Minor
    unit_cost: Minor | None = None


class OrderIn(InModel):
    """An order from any source. Totals left out are computed from the lines."""

    external_id: ExternalId = Field(description="the shop's order id; the idempotency key")
    number: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    placed_at: AwareDatetime
    updated_at: AwareDatetime | None = Field(
        default=None, description="the source's last change; older updates never win"
    )
    currency: str
    status: OrderStatus = OrderStatus.PLACED
    payment_method: PaymentMethod
    payment_status: PaymentStatus = PaymentStatus.PENDING
    customer: CustomerIn
    shipping_address: AddressIn | None = None
    lines: Annotated[list[OrderLineIn], Field(min_length=1, max_length=1000)]
    subtotal: Minor | None = None
    shipping: Minor = 0
    tax: Minor = 0
    discount: Minor = 0
    total: Minor | None = None
    language: Annotated[str, Field(max_length=16)] | None = None
    client_ip: Annotated[str, Field(max_length=64)] | None = None
    note: Annotated[str, Field(max_length=5000)] | None = None
    tags: Annotated[list[Annotated[str, Field(max_length=100)]], Field(max_length=50)] = []
    raw: dict[str, Any] | None = Field(
        default=None, description="the source payload, kept for audit"
    )

    _currency = field_validator("currency")(check_currency)

    @model_validator(mode="after")
    def _totals(self) -> OrderIn:
        if self.subtotal is None:
            self.subtotal = sum(line.unit_price * line.quantity for line in self.lines)
        if self.total is None:
            self.total = max(self.subtotal + self.shipping + self.tax - self.discount, 0)
        if self.updated_at is None:
            self.updated_at = self.placed_at
        if self.number is None:
            self.number = self.external_id
        return self


class OrderLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    position: int
    sku: str
    product: str
    size: str | None
    colour: str | None
    quantity: int
    unit_price: int
    unit_cost: int | None


class OrderOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    source: str
    external_id: str
    number: str
    customer_id: uuid.UUID
    status: OrderStatus
    payment_method: PaymentMethod
    payment_status: PaymentStatus
    currency: str
    subtotal: int
    shipping: int
    tax: int
    discount: int
    total: int
    customer_name: str | None
    email: str | None
    phone: str | None
    ship_name: str | None
    ship_line1: str | None
    ship_line2: str | None
    ship_city: str | None
    ship_postcode: str | None
    ship_region: str | None
    ship_country: str | None
    language: str | None
    tags: list[str]
    placed_at: datetime
    source_updated_at: datetime
    created_at: datetime
    updated_at: datetime
    lines: list[OrderLineOut]


class IngestResult(BaseModel):
    """What ingestion did with one record."""

    id: uuid.UUID
    external_id: str
    action: str = Field(description="created | updated | unchanged (a replay) | stale (older)")


__all__ = [
    "AddressIn",
    "CustomerIn",
    "InModel",
    "IngestResult",
    "OrderIn",
    "OrderLineIn",
    "OrderLineOut",
    "OrderOut",
    "check_country",
    "check_currency",
]
