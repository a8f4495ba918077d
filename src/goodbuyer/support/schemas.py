"""API shapes for support messages (threads are kept as tickets)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
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


class AnalysisOut(BaseModel):
    """What goodbuyer read in one customer message and what it recommends."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    message_id: uuid.UUID
    lang: str
    intent: str
    flags: list[str]
    angry: int = Field(description="0 calm, 1 annoyed, 2 furious")
    confidence: dict[str, float]
    route: str = Field(description="auto, or human: a person reads it first")
    vip: bool
    facts: dict[str, Any]
    resolution: dict[str, Any] | None
    dispute: str | None = Field(description="an open chargeback's facts (R4.8)")
    routes: list[str] = Field(description="teams a threat goes to: legal, communications ...")
    abuse_step: str = Field(description="none, warned, blocked or already_blocked")
    draft: dict[str, Any] | None
    draft_problem: str | None
    model_version: str
    analysed_at: datetime


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
    intent: str | None
    vip: bool
    route: str | None
    created_at: datetime
    updated_at: datetime


class TicketDetail(TicketOut):
    messages: list[MessageOut]
    analyses: list[AnalysisOut] = Field(
        default_factory=list, description="one per read customer message, oldest first"
    )

    @classmethod
    def of(cls, ticket: Any, analyses: Sequence[Any]) -> TicketDetail:
        """A stored ticket with its messages and analyses."""
        return cls(
            **TicketOut.model_validate(ticket).model_dump(),
            messages=[MessageOut.model_validate(m) for m in ticket.messages],
            analyses=[AnalysisOut.model_validate(a) for a in analyses],
        )


__all__ = ["AnalysisOut", "MessageIn", "MessageOut", "TicketDetail", "TicketOut"]
