"""Zero tolerance at the agents' desk: mark a message abusive, see and lift a customer's
block, list the customer's incidents. Each reads the shop's active policy."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.errors import NotFound
from goodbuyer.identity.service import require_customer
from goodbuyer.policy.abuse import AbusePolicy
from goodbuyer.policy.service import active_policy
from goodbuyer.support.abuse import AbuseStep, handle_abuse, lift_block, list_incidents
from goodbuyer.support.abuse_kinds import IncidentKind
from goodbuyer.support.abuse_models import SupportIncident
from goodbuyer.support.abuse_state import BlockState, Sender, block_state, sender_of
from goodbuyer.support.models import Ticket, TicketMessage


def abuse_policy(session: Session, shop_id: uuid.UUID, now: datetime) -> AbusePolicy:
    """The `abuse:` section of the shop's active policy."""
    return active_policy(session, shop_id, now).policy.abuse


def mark_abusive(
    session: Session, shop_id: uuid.UUID, message_id: uuid.UUID, now: datetime, actor: str,
    note: str = "",
) -> AbuseStep:  # fmt: skip
    """An agent marks an inbound message abusive: a warning or a block as if the analysis
    had flagged it; marking it again changes nothing."""
    message = session.get(TicketMessage, message_id)
    if message is None or message.shop_id != shop_id:
        raise NotFound(f"no message {message_id} in this shop")
    ticket = session.get(Ticket, message.ticket_id)
    assert ticket is not None  # a message belongs to its ticket (foreign key)
    lang = message.language or ticket.language
    policy = abuse_policy(session, shop_id, now)
    return handle_abuse(
        session, shop_id, ticket, message, True, policy, now, lang, actor=actor, note=note
    )


def customer_block(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, now: datetime
) -> BlockState:
    """Whether the customer is blocked on support channels, and the warnings that count."""
    require_customer(session, shop_id, customer_id)
    window = abuse_policy(session, shop_id, now).window_days
    return block_state(session, shop_id, Sender(customer_id, None), now, window)


def lift_customer_block(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, note: str, now: datetime,
    actor: str,
) -> SupportIncident:  # fmt: skip
    require_customer(session, shop_id, customer_id)
    return lift_block(session, shop_id, Sender(customer_id, None), note, now, actor)


def lift_contact_block(
    session: Session, shop_id: uuid.UUID, contact: str, note: str, now: datetime, actor: str
) -> SupportIncident:
    """Lift a block recorded for an e-mail or phone that matched no customer."""
    return lift_block(session, shop_id, sender_of(None, contact), note, now, actor)


def lift_ticket_block(
    session: Session, shop_id: uuid.UUID, ticket_id: uuid.UUID, note: str, now: datetime,
    actor: str,
) -> SupportIncident:  # fmt: skip
    """Lift the block of the sender of a ticket, whoever it was recorded for (the
    customer, the address, or an anonymous conversation)."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.shop_id != shop_id:
        raise NotFound(f"no ticket {ticket_id} in this shop")
    block = session.scalars(
        select(SupportIncident)
        .where(SupportIncident.ticket_id == ticket.id, SupportIncident.kind == IncidentKind.BLOCK)
        .order_by(SupportIncident.at.desc(), SupportIncident.id.desc())
    ).first()
    customer = ticket.customer_id or (block.customer_id if block else None)
    sender = sender_of(customer, block.contact if block else None, ticket.id)
    return lift_block(session, shop_id, sender, note, now, actor)


def customer_incidents(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, limit: int, offset: int
) -> list[SupportIncident]:
    require_customer(session, shop_id, customer_id)
    return list_incidents(session, shop_id, customer_id, limit, offset)


__all__ = [
    "abuse_policy", "customer_block", "customer_incidents", "lift_contact_block",
    "lift_customer_block", "lift_ticket_block", "mark_abusive",
]  # fmt: skip
