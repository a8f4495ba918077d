"""Plain functions for zero-tolerance tests: messages stored through the real service,
zero tolerance run on them in its own transaction, incidents read back."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select

from goodbuyer.audit import AuditEvent
from goodbuyer.policy.abuse import AbusePolicy, OfficialChannel
from goodbuyer.store.statuses import Source
from goodbuyer.support.abuse import AbuseStep, handle_abuse, record_threats
from goodbuyer.support.abuse_models import SupportIncident
from goodbuyer.support.models import Ticket, TicketMessage
from goodbuyer.support.schemas import MessageIn
from goodbuyer.support.service import ingest_message
from goodbuyer.web.deps import Services

POLICY = AbusePolicy(
    official_channel=OfficialChannel(email="asiakaspalvelu@kauppa.fi", url="https://kauppa.fi/y")
)
AINO = "Aino.Virtanen@example.fi"  # the e-mail of the order factory's customer


def ingest(
    services: Services, shop_id: uuid.UUID, external_id: str, body: str, *,
    ticket: str = "T-1", email: str | None = AINO, **extra: Any,
) -> uuid.UUID:  # fmt: skip
    """Store one inbound message; its id."""
    data = MessageIn(
        ticket_external_id=ticket, external_id=external_id, channel="email", body=body,
        author_email=email, sent_at=services.clock.now(), **extra,
    )  # fmt: skip
    with services.write() as session:
        result = ingest_message(
            session, shop_id, Source.API, data, services.clock.now(), "test", read=False
        )
        return result.id


def abuse(
    services: Services, shop_id: uuid.UUID, message_id: uuid.UUID, abusive: bool = True,
    policy: AbusePolicy = POLICY, lang: str = "fi",
) -> AbuseStep:  # fmt: skip
    with services.write() as session:
        message = session.get(TicketMessage, message_id)
        assert message is not None
        ticket = session.get(Ticket, message.ticket_id)
        assert ticket is not None
        return handle_abuse(
            session, shop_id, ticket, message, abusive, policy, services.clock.now(), lang
        )


def threats(
    services: Services, shop_id: uuid.UUID, message_id: uuid.UUID, flags: list[str],
    evidence: dict[str, str] | None = None,
) -> list[tuple[str, list[str], str]]:  # fmt: skip
    """(flag, routes, evidence) of each threat incident recorded."""
    with services.write() as session:
        message = session.get(TicketMessage, message_id)
        assert message is not None
        ticket = session.get(Ticket, message.ticket_id)
        assert ticket is not None
        made = record_threats(session, shop_id, ticket, message, flags, POLICY,
                              services.clock.now(), evidence=evidence)  # fmt: skip
        return [(i.flag, list(i.routes), i.evidence) for i in made]


def incidents(services: Services) -> list[tuple[str, str, datetime]]:
    """(kind, flag, at) of every incident, oldest first."""
    with services.sessions() as session:
        rows = session.scalars(select(SupportIncident).order_by(SupportIncident.at,
                                                                SupportIncident.id))  # fmt: skip
        return [(i.kind.value, i.flag, i.at) for i in rows]


def audit_actions(services: Services) -> list[str]:
    with services.sessions() as session:
        query = select(AuditEvent.action).where(AuditEvent.action.startswith("support."))
        return list(session.scalars(query.order_by(AuditEvent.at, AuditEvent.id)))


def ticket_tags(services: Services, message_id: uuid.UUID) -> list[str]:
    with services.sessions() as session:
        message = session.get(TicketMessage, message_id)
        assert message is not None
        ticket = session.get(Ticket, message.ticket_id)
        assert ticket is not None
        return list(ticket.tags)
