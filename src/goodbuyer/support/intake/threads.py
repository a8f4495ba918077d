"""E-mails into tickets: a reply joins the ticket of the message it answers, a new mail
opens one, and a Message-Id already stored in the shop is never stored again."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.errors import FieldError, InvalidInput
from goodbuyer.store.schemas import IngestResult
from goodbuyer.support import service
from goodbuyer.support.intake.mail import InboundEmail
from goodbuyer.support.intake.quotes import strip_quoted
from goodbuyer.support.models import Ticket, TicketMessage
from goodbuyer.support.schemas import MessageIn
from goodbuyer.support.statuses import Channel

EMAIL_SOURCE = "email"
_MAX_ID = 128


def message_key(message_id: str) -> str:
    """A Message-Id as a stored external id (ids longer than the column are hashed)."""
    if len(message_id) <= _MAX_ID:
        return message_id
    return "sha256:" + hashlib.sha256(message_id.encode()).hexdigest()


def receive_email(
    session: Session, shop_id: uuid.UUID, email: InboundEmail, now: datetime, actor: str
) -> IngestResult:
    """Store one e-mail once, in its thread's ticket; the sender is matched as any message."""
    key = message_key(email.message_id)
    known = _stored(session, shop_id, [key])
    if known is not None:
        return IngestResult(id=known.id, external_id=key, action="unchanged")
    source, thread = _thread(session, shop_id, email)
    data = MessageIn(
        ticket_external_id=thread,
        external_id=key,
        channel=Channel.EMAIL,
        author_name=(email.sender_name or "")[:300] or None,
        author_email=email.sender[:320],
        subject=(email.subject or "")[:500] or None,
        body=_new_text(email),
        sent_at=email.sent_at or now,
        raw={
            "message_id": email.message_id,
            "in_reply_to": list(email.in_reply_to),
            "references": list(email.references),
            **email.extra,
        },
    )
    return service.ingest_message(session, shop_id, source, data, now, actor)


def _new_text(email: InboundEmail) -> str:
    text = email.reply or strip_quoted(email.text) or email.text.strip()
    if not text:
        raise InvalidInput("the e-mail has no text", [FieldError("body", "empty")])
    return text[:100_000]


def _thread(session: Session, shop_id: uuid.UUID, email: InboundEmail) -> tuple[str, str]:
    """(ticket source, ticket external id): the ticket of a message this one answers, else
    the thread's first Message-Id (References starts with it), else this mail's own."""
    answered = [message_key(i) for i in (*email.in_reply_to, *reversed(email.references))]
    known = _stored(session, shop_id, answered) if answered else None
    if known is not None:
        ticket = session.get(Ticket, known.ticket_id)
        assert ticket is not None  # a foreign key
        return ticket.source, ticket.external_id
    root = (email.references or email.in_reply_to or (email.message_id,))[0]
    return EMAIL_SOURCE, message_key(root)


def _stored(session: Session, shop_id: uuid.UUID, keys: list[str]) -> TicketMessage | None:
    query = (
        select(TicketMessage)
        .where(TicketMessage.shop_id == shop_id, TicketMessage.external_id.in_(keys))
        .order_by(TicketMessage.created_at)
        .limit(1)
    )
    return session.scalar(query)


__all__ = ["EMAIL_SOURCE", "message_key", "receive_email"]
