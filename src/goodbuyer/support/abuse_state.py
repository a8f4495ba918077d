"""Who is blocked on support channels, read from the incidents: a sender is the matched
customer and, always, the comparable e-mail or phone the message came from."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, text
from sqlalchemy.orm import Session

from goodbuyer.clock import ensure_utc
from goodbuyer.store.contacts import comparable_email, comparable_phone
from goodbuyer.support.abuse_kinds import BLOCKED_TAG, IncidentKind
from goodbuyer.support.abuse_models import SupportIncident
from goodbuyer.support.models import Ticket, TicketMessage

_STATE_KINDS = (IncidentKind.BLOCK, IncidentKind.LIFT)


@dataclass(frozen=True)
class Sender:
    """Whom a block applies to: the customer, the contact, or both; a sender with
    neither (an anonymous chat) is known by the conversation alone."""

    customer_id: uuid.UUID | None
    contact: str | None
    ticket_id: uuid.UUID | None = None

    @property
    def known(self) -> bool:
        return self.customer_id is not None or self.contact is not None or bool(self.ticket_id)


@dataclass(frozen=True)
class BlockState:
    blocked: bool
    since: datetime | None  # when the block in force was recorded
    block_id: uuid.UUID | None  # that block's incident
    window_from: datetime  # warnings after this count towards a block
    warnings: int  # warnings in the window


def sender_of(
    customer_id: uuid.UUID | None, address: str | None, ticket_id: uuid.UUID | None = None
) -> Sender:
    """The sender of a message: its ticket's customer and its author's e-mail or phone
    in comparable form (a phone's digits; an e-mail in lower case); the ticket only when
    there is neither."""
    contact = comparable_email(address) or comparable_phone(address) if address else None
    anonymous = customer_id is None and contact is None
    return Sender(customer_id, contact, ticket_id if anonymous else None)


def block_state(
    session: Session, shop_id: uuid.UUID, sender: Sender, now: datetime, window_days: int
) -> BlockState:
    """The sender's block state at `now`: blocked while the latest block or lift of the
    customer or the contact is a block; warnings counted since the later of the window's
    start and the last lift."""
    latest = _latest_state(session, shop_id, sender, now)
    window_from = now - timedelta(days=window_days)
    if latest is not None and latest.kind is IncidentKind.LIFT:
        window_from = max(window_from, ensure_utc(latest.at))
    warnings = _warnings_since(session, shop_id, sender, window_from, now)
    if latest is None or latest.kind is IncidentKind.LIFT:
        return BlockState(False, None, None, window_from, warnings)
    return BlockState(True, ensure_utc(latest.at), latest.id, window_from, warnings)


def is_blocked(
    session: Session,
    shop_id: uuid.UUID,
    customer_id: uuid.UUID | None = None,
    contact: str | None = None,
    now: datetime | None = None,
) -> bool:
    """True when the customer (or, with no customer, the e-mail or phone) is blocked on
    support channels. `contact` is compared in its comparable form."""
    sender = sender_of(customer_id, contact)
    if not sender.known:
        return False
    latest = _latest_state(session, shop_id, sender, now)
    return latest is not None and latest.kind is IncidentKind.BLOCK


def lock_sender(session: Session, shop_id: uuid.UUID, sender: Sender) -> None:
    """Serialise zero tolerance per sender until the transaction ends, so that two
    messages handled at once cannot both be taken for the first. PostgreSQL takes an
    advisory lock; SQLite already runs one writer at a time."""
    if session.get_bind().dialect.name != "postgresql" or not sender.known:
        return
    subject = (
        str(sender.customer_id) if sender.customer_id
        else f"contact:{sender.contact}" if sender.contact else f"ticket:{sender.ticket_id}"
    )  # fmt: skip
    digest = hashlib.sha256(f"support-abuse:{shop_id}:{subject}".encode()).digest()
    key = int.from_bytes(digest[:8], "big", signed=True)
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def untag_blocked_tickets(session: Session, shop_id: uuid.UUID, sender: Sender) -> int:
    """The sender's tickets no longer say `blocked`: those of the customer, of the
    sender's incidents, and of messages from the sender's e-mail."""
    incident_tickets = select(SupportIncident.ticket_id).where(*of_sender(shop_id, sender))
    which: list[ColumnElement[bool]] = [Ticket.id.in_(incident_tickets)]
    if sender.customer_id is not None:
        which.append(Ticket.customer_id == sender.customer_id)
    if sender.contact is not None:
        from_contact = select(TicketMessage.ticket_id).where(
            TicketMessage.shop_id == shop_id,
            func.lower(TicketMessage.author_address) == sender.contact,
        )
        which.append(Ticket.id.in_(from_contact))
    tickets = session.scalars(select(Ticket).where(Ticket.shop_id == shop_id, or_(*which)))
    changed = [t for t in tickets if BLOCKED_TAG in (t.tags or [])]
    for ticket in changed:
        ticket.tags = [tag for tag in ticket.tags if tag != BLOCKED_TAG]
    return len(changed)


def of_sender(shop_id: uuid.UUID, sender: Sender) -> list[Any]:
    """The conditions that select the sender's incidents."""
    who = []
    if sender.customer_id is not None:
        who.append(SupportIncident.customer_id == sender.customer_id)
    if sender.contact is not None:
        who.append(SupportIncident.contact == sender.contact)
    if not who:  # an anonymous sender: this conversation's own incidents
        who.append(SupportIncident.ticket_id == sender.ticket_id)
    return [SupportIncident.shop_id == shop_id, or_(*who)]


def _latest_state(
    session: Session, shop_id: uuid.UUID, sender: Sender, now: datetime | None
) -> SupportIncident | None:
    if not sender.known:
        return None
    query = select(SupportIncident).where(
        *of_sender(shop_id, sender), SupportIncident.kind.in_(_STATE_KINDS)
    )
    if now is not None:
        query = query.where(SupportIncident.at <= now)
    query = query.order_by(SupportIncident.at.desc(), SupportIncident.id.desc()).limit(1)
    return session.scalars(query).first()


def _warnings_since(
    session: Session, shop_id: uuid.UUID, sender: Sender, start: datetime, now: datetime
) -> int:
    if not sender.known:
        return 0
    query = select(func.count()).where(
        *of_sender(shop_id, sender),
        SupportIncident.kind == IncidentKind.WARNING,
        SupportIncident.at > start,
        SupportIncident.at <= now,
    )
    return int(session.scalar(query) or 0)


__all__ = [
    "BlockState", "Sender", "block_state", "is_blocked", "lock_sender", "of_sender", "sender_of",
    "untag_blocked_tickets",
]  # fmt: skip
