"""API shapes for shipments, carrier events and survey answers."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from goodbuyer.deliveries.statuses import ShipmentStatus, SurveyKind
from goodbuyer.store.schemas import ExternalId, InModel
from goodbuyer.store.statuses import Source


class OrderRef(InModel):
    """Which order a record belongs to: the shop's order id, from the source that sent it."""

    order_external_id: ExternalId
    order_source: Source = Source.API


class ShipmentEventIn(InModel):
    status: ShipmentStatus
    occurred_at: AwareDatetime
    location: Annotated[str, Field(max_length=200)] | None = None
    description: Annotated[str, Field(max_length=2000)] | None = None


class ShipmentIn(OrderRef):
    """A shipment and any carrier scans; the latest scan sets the shipment's status."""

    external_id: ExternalId
    carrier: Annotated[str, Field(max_length=100)] | None = None
    tracking_number: Annotated[str, Field(max_length=100)] | None = None
    tracking_url: Annotated[str, Field(max_length=500)] | None = None
    status: ShipmentStatus | None = Field(
        default=None, description="current status; defaults to the latest event's"
    )
    promised_at: AwareDatetime | None = None
    shipped_at: AwareDatetime | None = None
    delivered_at: AwareDatetime | None = None
    updated_at: AwareDatetime | None = None
    events: Annotated[list[ShipmentEventIn], Field(max_length=500)] = Field(default_factory=list)
    raw: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _defaults(self) -> ShipmentIn:
        latest = max(self.events, key=lambda e: e.occurred_at, default=None)
        if self.status is None:
            self.status = latest.status if latest else ShipmentStatus.LABEL_CREATED
        if self.updated_at is None:
            stamps = [t for t in (self.shipped_at, self.delivered_at) if t is not None]
            if latest:
                stamps.append(latest.occurred_at)
            if not stamps:
                raise ValueError("updated_at is required when the shipment has no dates or events")
            self.updated_at = max(stamps)
        return self


class ShipmentEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    status: ShipmentStatus
    occurred_at: datetime
    location: str | None
    description: str | None


class ShipmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    order_id: uuid.UUID
    external_id: str
    carrier: str | None
    tracking_number: str | None
    tracking_url: str | None
    status: ShipmentStatus
    promised_at: datetime | None
    shipped_at: datetime | None
    delivered_at: datetime | None


class SurveyAnswerIn(InModel):
    external_id: ExternalId
    kind: SurveyKind
    score: int
    comment: Annotated[str, Field(max_length=5000)] | None = None
    order_external_id: ExternalId | None = None
    order_source: Source = Source.API
    ticket_external_id: ExternalId | None = None
    ticket_source: Source = Source.API
    answered_at: AwareDatetime

    @model_validator(mode="after")
    def _score_range(self) -> SurveyAnswerIn:
        low, high = (0, 10) if self.kind == SurveyKind.NPS else (1, 5)
        if not low <= self.score <= high:
            raise ValueError(f"a {self.kind.value} score is {low} to {high}, not {self.score}")
        return self


__all__ = [
    "OrderRef",
    "ShipmentEventIn",
    "ShipmentEventOut",
    "ShipmentIn",
    "ShipmentOut",
    "SurveyAnswerIn",
]
