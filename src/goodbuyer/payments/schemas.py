"""API shapes for refunds and chargebacks."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from goodbuyer.deliveries.schemas import OrderRef
from goodbuyer.payments.statuses import ChargebackReason, ChargebackStatus
from goodbuyer.store.schemas import ExternalId, Minor, check_currency


class RefundIn(OrderRef):
    external_id: ExternalId
    amount: Minor
    currency: str
    reason: Annotated[str, Field(max_length=2000)] | None = None
    return_external_id: ExternalId | None = None
    refunded_at: AwareDatetime
    raw: dict[str, Any] | None = None

    _currency = field_validator("currency")(check_currency)


class ChargebackIn(OrderRef):
    external_id: ExternalId
    amount: Minor
    currency: str
    reason: ChargebackReason = ChargebackReason.GENERAL
    status: ChargebackStatus = ChargebackStatus.OPEN
    opened_at: AwareDatetime
    resolved_at: AwareDatetime | None = None
    updated_at: AwareDatetime | None = None
    raw: dict[str, Any] | None = None

    _currency = field_validator("currency")(check_currency)


class RefundOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    order_id: uuid.UUID
    return_id: uuid.UUID | None
    external_id: str
    amount: int
    currency: str
    reason: str | None
    refunded_at: datetime


class ChargebackOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    order_id: uuid.UUID
    external_id: str
    amount: int
    currency: str
    reason: ChargebackReason
    status: ChargebackStatus
    opened_at: datetime
    resolved_at: datetime | None


__all__ = ["ChargebackIn", "ChargebackOut", "RefundIn", "RefundOut"]
