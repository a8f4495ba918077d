"""The support incidents table: warnings, blocks, lifts and threats, each with its
evidence (R4.6, R4.9, R7.2). A sender's block state is read from these rows."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.support.abuse_kinds import IncidentKind


class SupportIncident(IdMixin, Base):
    """One step of zero tolerance or one recorded threat. A message gives at most one
    incident per kind and flag, so processing it again adds nothing."""

    __tablename__ = "support_incidents"
    __table_args__ = (
        UniqueConstraint("message_id", "kind", "flag"),
        Index("ix_support_incidents_customer", "shop_id", "customer_id", "at"),
        Index("ix_support_incidents_contact", "shop_id", "contact", "at"),
        Index("ix_support_incidents_ticket", "ticket_id"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shops.id", ondelete="CASCADE"))
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customers.id"))
    # The sender's comparable e-mail or phone: the block's subject when no customer matched.
    contact: Mapped[str | None] = mapped_column(String(320))
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="CASCADE")
    )
    message_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("ticket_messages.id", ondelete="CASCADE")
    )
    kind: Mapped[IncidentKind] = mapped_column(enum_type(IncidentKind))
    flag: Mapped[str] = mapped_column(String(32), default="")  # abusive, threat_legal, ...
    routes: Mapped[list[str]] = mapped_column(JSONDoc, default=list)  # teams told (threats)
    evidence: Mapped[str] = mapped_column(Text, default="")  # the words that made it
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")


__all__ = ["SupportIncident"]
