"""API shapes of the call queue, the ghost box and a confirmation's timeline."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from goodbuyer.confirmations.statuses import (
    CallOutcome,
    ConfirmationStatus,
    DeliveryStatus,
    OutboundChannel,
    ResolvedVia,
)
from goodbuyer.risk.statuses import Outcome


class MessageOut(BaseModel):
    """One message of the ladder, as the outbox recorded it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    channel: OutboundChannel
    status: DeliveryStatus
    template: str
    language: str
    subject: str | None
    body: str
    cost: int = Field(description="minor units of the shop's policy currency")
    attempts: int
    last_error: str | None
    due_at: datetime | None
    created_at: datetime
    sent_at: datetime | None


class ConfirmationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    order_id: uuid.UUID
    customer_id: uuid.UUID
    status: ConfirmationStatus
    language: str
    time_zone: str
    phone: str | None = Field(description="in full only to the agent holding the claim")
    rung: int
    channel: str | None = Field(description="the last step: sms, whatsapp, email, call")
    call_attempts: int
    call_due_at: datetime | None
    claimed_by: str | None
    claimed_until: datetime | None
    resolved_via: ResolvedVia | None
    resolved_channel: str | None
    created_at: datetime
    resolved_at: datetime | None


class OrderSummary(BaseModel):
    order_id: uuid.UUID
    number: str
    status: str
    total: int
    currency: str
    items: int
    placed_at: datetime
    customer_name: str | None


class HistoryOut(BaseModel):
    """The person's record across all their customer records (this order included)."""

    orders: int
    delivered: int
    refused: int
    returned_to_origin: int
    unpaid: int
    cancelled: int
    chargebacks: int
    returns: int
    ghost_box: int = Field(description="earlier confirmations that ended in the ghost box")
    first_order_at: datetime | None


class FlagsOut(BaseModel):
    """Why the order was held: its decision's outcome, reasons and signals."""

    outcome: Outcome | None
    score: float
    reasons: list[str]
    segments: list[str]
    ghost_signals: list[str]
    history_flags: list[str]


class QueueEntryOut(BaseModel):
    confirmation: ConfirmationOut
    order: OrderSummary
    history: HistoryOut
    flags: FlagsOut
    messages: list[MessageOut]


class QueuePage(BaseModel):
    items: list[QueueEntryOut]
    next_cursor: str | None


class CallAttemptOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    agent: str
    outcome: CallOutcome
    note: str | None
    call_back_at: datetime | None
    at: datetime


class EventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: datetime
    actor: str
    action: str
    data: dict[str, Any]


class ConfirmationDetail(QueueEntryOut):
    """One confirmation with everything that happened to it."""

    calls: list[CallAttemptOut]
    events: list[EventOut]


class ConfirmationRow(BaseModel):
    confirmation: ConfirmationOut
    order: OrderSummary
    messages: list[MessageOut]


class ConfirmationPage(BaseModel):
    items: list[ConfirmationRow]
    next_cursor: str | None


class GhostOut(BaseModel):
    confirmation_id: uuid.UUID
    order_id: uuid.UUID
    number: str
    total: int
    currency: str
    customer_id: uuid.UUID
    customer_name: str | None
    phone: str | None = Field(description="masked")
    call_attempts: int
    at: datetime = Field(description="when the order went to the ghost box")


class GhostPage(BaseModel):
    items: list[GhostOut]
    next_cursor: str | None


class CallOutcomeIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    outcome: CallOutcome
    note: str = Field(default="", max_length=2000)
    call_back_at: AwareDatetime | None = Field(
        default=None, description="for call_back: when the customer asked to be called"
    )


class SendsOut(BaseModel):
    channel: OutboundChannel
    messages: int = Field(description="recorded in the outbox")
    sent: int = Field(description="accepted by the provider (sent or delivered)")
    failed: int = Field(description="failed or undeliverable")
    cost: int = Field(description="minor units of the policy's currency")


class FunnelOut(BaseModel):
    """Confirmations created in [since, until): where each ended, how fast, at what cost."""

    since: datetime
    until: datetime
    currency: str
    confirmations: int
    confirmed_at: dict[str, int] = Field(description="confirmed, per step: sms ... call")
    confirmed: int
    cancelled: int
    ghost: int
    closed: int
    open: int
    confirm_seconds_median: float | None
    confirm_seconds_p90: float | None
    sends: list[SendsOut]
    cost: int


__all__ = [
    "CallAttemptOut", "CallOutcomeIn", "ConfirmationDetail", "ConfirmationOut",
    "ConfirmationPage", "ConfirmationRow", "EventOut", "FlagsOut", "FunnelOut", "GhostOut",
    "GhostPage", "HistoryOut", "MessageOut", "OrderSummary", "QueueEntryOut", "QueuePage",
    "SendsOut",
]  # fmt: skip
