"""What the identity routes answer."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from goodbuyer.customers.schemas import CustomerValueOut


class LinkOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    customer_a: uuid.UUID
    customer_b: uuid.UUID
    kind: str = Field(description="person | household | separated")
    score: float
    levels: dict[str, Any]
    reasons: list[str]
    actor: str
    created_at: datetime
    undone_at: datetime | None


class IdentityRecordOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    customer_id: uuid.UUID
    order_id: uuid.UUID | None
    name: str
    phone: str
    email: str
    address: str
    city: str
    postcode: str
    country: str
    created_at: datetime


class TimelineItem(BaseModel):
    at: datetime
    action: str
    customer_id: uuid.UUID | None
    order_id: uuid.UUID | None
    data: dict[str, Any]


class CustomerView(BaseModel):
    """A customer as goodbuyer knows them: the person behind every customer record."""

    customer_id: uuid.UUID
    person_id: uuid.UUID
    customer_records: list[uuid.UUID]
    identities: list[IdentityRecordOut]
    links: list[LinkOut]
    households: list[uuid.UUID]
    profile: dict[str, Any]
    timeline: list[TimelineItem]
    value: CustomerValueOut | None = Field(
        default=None, description="lifetime value as last fitted; null before the first fit"
    )


class OrderCheckOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    order_id: uuid.UUID
    person_id: uuid.UUID
    checked_at: datetime
    history: dict[str, Any]
    red_flags: list[dict[str, Any]]
    ghost_signals: list[dict[str, Any]]
    ghost_score: float


class UnlinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=500, description="why they are not the same person")


class UnlinkOut(BaseModel):
    customer_id: uuid.UUID
    separated_from: list[uuid.UUID]


class ErasureOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    customer_id: uuid.UUID
    person_id: uuid.UUID
    customer_records: list[uuid.UUID] = Field(description="every record of the person, erased")
    counts: dict[str, int] = Field(
        description="rows rewritten or deleted per table; all 0 when erased before"
    )


__all__ = [
    "CustomerView",
    "ErasureOut",
    "IdentityRecordOut",
    "LinkOut",
    "OrderCheckOut",
    "TimelineItem",
    "UnlinkIn",
    "UnlinkOut",
]
