"""API shapes for support messages (threads are kept as tickets)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from goodbuyer.store.schemas import ExternalId, InModel
from goodbuyer.store.statuses import Source
from goodbuyer.support.statuses import AuthorKind, Channel, Direction, TicketStatus


class MessageIn(InModel):
    """One message of a conversation. `ticket_external_id` groups messages into a ticket."""

    ticket_external_id: ExternalId
    external_id: ExternalId = Field(description="the message's own id; the idempotency key")
    channel: Channel
    direction: Direction = Direction.INBOUND
    author_kind: AuthorKind = AuthorKind.CUSTOMER
    author_name: Annotated[str, Field(max_length=300)] | None = None
    author_email: Annotated[str, Field(max_length=320)] | None = None
    author_phone: Annotated[str, Field(max_length=64)] | None = None
    subject: Annotated[str, Field(max_length=500)] | None = None
    body: Annotated[str, Field(min_length=1, max_length=100_000)]
    language: Annotated[str, Field(max_length=16)] | None = None
    sent_at: AwareDatetime
    order_external_id: ExternalId | None = None
    order_source: Source = Source.API
    raw: dict[str, Any] | None = None


class MessageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    external_id: str
    channel: Channel
    direction: Direction
    author_kind: AuthorKind
    author_name: str | None
    language: str | None
    body: str
    sent_at: datetime


class TicketOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    external_id: str
    customer_id: uuid.UUID | None
    order_id: uuid.UUID | None
    channel: Channel
    subject: str | None
    status: TicketStatus
    language: str | None
    tags: list[str]
    created_at: datetime
    updated_at: datetime


class TicketDetail(TicketOut):
    messages: list[MessageOut]


__all__ = ["MessageIn", "MessageOut", "TicketDetail", "TicketOut"]
