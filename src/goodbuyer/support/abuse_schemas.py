"""API shapes of zero tolerance: incidents, a customer's block, lifting it, and an
agent's mark on an abusive message."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from goodbuyer.store.schemas import InModel
from goodbuyer.support.abuse_kinds import AbuseOutcome, IncidentKind


class IncidentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: IncidentKind
    flag: str = Field(description="abusive, threat_legal, ...; empty for a lift")
    customer_id: uuid.UUID | None
    contact: str | None = Field(description="the sender's e-mail or phone, comparable form")
    ticket_id: uuid.UUID | None
    message_id: uuid.UUID | None
    routes: list[str] = Field(description="the teams a threat was routed to")
    evidence: str = Field(description="the words that made the incident")
    at: datetime
    actor: str
    note: str


class BlockOut(BaseModel):
    customer_id: uuid.UUID
    blocked: bool
    since: datetime | None
    warnings: int = Field(description="warnings that count towards a block now")
    window_from: datetime = Field(description="warnings after this count")


class LiftIn(InModel):
    note: Annotated[str, Field(min_length=1, max_length=2000, description="why it is lifted")]


class LegalCounselIn(InModel):
    """An agent records that a lawyer acts for the customer on a ticket."""

    note: Annotated[
        str, Field(min_length=1, max_length=2000, description="who the lawyer is, and how known")
    ]


class TicketTagsOut(BaseModel):
    ticket_id: uuid.UUID
    tags: list[str]


class AbuseIn(InModel):
    """An agent marks an inbound message abusive (the analysis missed it)."""

    note: Annotated[str, Field(max_length=2000)] = ""


class NoticeOut(BaseModel):
    notice: Literal["warning", "block"]
    language: str
    direction: Literal["ltr", "rtl"]
    text: str


class AbuseStepOut(BaseModel):
    outcome: AbuseOutcome
    incident_id: uuid.UUID | None
    drafts_reply: bool = Field(description="whether the message still gets a drafted reply")
    notice: NoticeOut | None = Field(description="the warning or block notice to send")


__all__ = ["AbuseIn", "AbuseStepOut", "BlockOut", "IncidentOut", "LiftIn", "NoticeOut"]
