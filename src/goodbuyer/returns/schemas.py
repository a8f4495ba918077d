"""API shapes for returns."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from goodbuyer.deliveries.schemas import OrderRef
from goodbuyer.returns.statuses import ReturnReason, ReturnStatus
from goodbuyer.store.schemas import ExternalId, InModel, Minor


class ReturnLineIn(InModel):
    sku: Annotated[str, Field(min_length=1, max_length=128)]
    quantity: Annotated[int, Field(ge=1, le=100_000)]
    unit_price: Minor | None = Field(default=None, description="defaults to the order line's")
    condition: Annotated[str, Field(max_length=64)] | None = None


class ReturnIn(OrderRef):
    external_id: ExternalId
    status: ReturnStatus = ReturnStatus.REQUESTED
    reason: ReturnReason
    reason_text: Annotated[str, Field(max_length=5000)] | None = None
    photos: Annotated[list[Annotated[str, Field(max_length=1000)]], Field(max_length=20)] = Field(
        default_factory=list
    )
    requested_at: AwareDatetime
    updated_at: AwareDatetime | None = None
    lines: Annotated[list[ReturnLineIn], Field(min_length=1, max_length=1000)]
    raw: dict[str, Any] | None = None


class ReturnLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    sku: str
    quantity: int
    unit_price: int
    condition: str | None


class ReturnOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    order_id: uuid.UUID
    customer_id: uuid.UUID
    external_id: str
    status: ReturnStatus
    reason: ReturnReason
    reason_text: str | None
    photos: list[str]
    requested_at: datetime
    lines: list[ReturnLineOut]


__all__ = ["ReturnIn", "ReturnLineIn", "ReturnLineOut", "ReturnOut"]
