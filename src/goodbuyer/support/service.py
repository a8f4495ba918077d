"""Support use cases: take messages in (threads become tickets), read tickets back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.errors import NotFound
from goodbuyer.records import shop_key, store_keyed
from goodbuyer.shops.models import Shop
from goodbuyer.store import service as store
from goodbuyer.store.schemas import IngestResult
from goodbuyer.support.desk import process_message
from goodbuyer.support.intake.matching import OrderMatch, match_order_reference
from goodbuyer.support.models import MessageAnalysis, Ticket, TicketMessage
from goodbuyer.support.reading import read_messages
from goodbuyer.support.schemas import MessageIn
from goodbuyer.support.statuses import AuthorKind, Direction, TicketStatus
from goodbuyer.support.triage.pipeline import Analysis


def ingest_message(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    data: MessageIn,
    now: datetime,
    actor: str,
    *,
    analysis: Analysis | None = None,
    read: bool = True,
) -> IngestResult:
    """Store one message once, in its ticket; the sender is matched to a customer and order
    (the order given, else the e-mail or phone, else an order number or tracking code).
    A new inbound customer message is read and answered in the same transaction (`analysis`
    when the caller read it before taking the write lock); `read=False` leaves it to
    `goodbuyer support read` (history imports)."""
    order = (
        store.require_order(session, shop_id, data.order_source, data.order_external_id)
        if data.order_external_id
        else None
    )
    ticket = _ticket_for(session, shop_id, source, data, now)
    match = _match_sender(session, ticket, data, order)

    def create() -> TicketMessage:
        return TicketMessage(
            shop_id=shop_id,
            ticket_id=ticket.id,
            external_id=data.external_id,
            channel=data.channel,
            direction=data.direction,
            author_kind=data.author_kind,
            author_name=data.author_name,
            author_address=data.author_email or data.author_phone,
            language=data.language,
            body=data.body,
            sent_at=data.sent_at,
            created_at=now,
            raw={**(data.raw or {}), **({"matched": match.evidence()} if match else {})},
        )

    key = {"ticket_id": ticket.id, "external_id": data.external_id}
    message, action = store_keyed(session, TicketMessage, key, create=create)
    if action == "created":
        _reopen(ticket, data, now)
        record(
            session,
            shop_id=shop_id,
            at=now,
            actor=actor,
            action="message.received" if data.direction == Direction.INBOUND else "message.sent",
            subject_type="ticket",
            subject_id=ticket.id,
            customer_id=ticket.customer_id,
            order_id=ticket.order_id,
            data={
                "message_id": str(message.id),
                "channel": data.channel.value,
                **({"matched": match.evidence()} if match else {}),
            },
        )
        if read and needs_reading(data.direction, data.author_kind):
            shop = session.get_one(Shop, shop_id)
            session.flush()
            found = analysis or read_messages([data.body], [data.channel.value], shop.languages)[0]
            process_message(session, shop, ticket, message, found, now, actor)
    return IngestResult(id=message.id, external_id=data.external_id, action=action)


def _match_sender(
    session: Session, ticket: Ticket, data: MessageIn, order: store.Order | None
) -> OrderMatch | None:
    """Link the ticket to its customer and order; the match found in the text, if one was.
    Only the customer's own messages say who they are: an agent's address is not theirs."""
    inbound = data.direction == Direction.INBOUND
    customer_id = ticket.customer_id or (order.customer_id if order else None)
    if customer_id is None and inbound:
        customer_id = store.find_customer_by_contact(
            session, ticket.shop_id, data.author_email, data.author_phone
        )
    match = None
    if order is None and ticket.order_id is None and inbound:
        texts = (data.subject, data.body)
        match = match_order_reference(session, ticket.shop_id, texts, customer_id)
    if ticket.order_id is None:
        ticket.order_id = order.id if order else (match.order_id if match else None)
    if ticket.customer_id is None:
        ticket.customer_id = customer_id or (match.customer_id if match else None)
    return match


def needs_reading(direction: Direction, author: AuthorKind) -> bool:
    """Only what customers write is read, analysed and answered."""
    return direction == Direction.INBOUND and author == AuthorKind.CUSTOMER


def _ticket_for(
    session: Session, shop_id: uuid.UUID, source: str, data: MessageIn, now: datetime
) -> Ticket:
    def create() -> Ticket:
        return Ticket(
            shop_id=shop_id,
            source=source,
            external_id=data.ticket_external_id,
            channel=data.channel,
            subject=data.subject,
            status=TicketStatus.OPEN,
            language=data.language,
            tags=[],
            created_at=now,
            updated_at=now,
        )

    ticket, _ = store_keyed(
        session,
        Ticket,
        shop_key(shop_id, source, data.ticket_external_id),
        create=create,
    )
    return ticket


def _reopen(ticket: Ticket, data: MessageIn, now: datetime) -> None:
    ticket.updated_at = now
    if data.direction == Direction.INBOUND and ticket.status != TicketStatus.CLOSED:
        ticket.status = TicketStatus.OPEN
    if ticket.subject is None and data.subject:
        ticket.subject = data.subject
    if ticket.language is None and data.language:
        ticket.language = data.language


def require_ticket(session: Session, shop_id: uuid.UUID, source: str, external_id: str) -> Ticket:
    ticket = session.scalar(
        select(Ticket).where(
            Ticket.shop_id == shop_id, Ticket.source == source, Ticket.external_id == external_id
        )
    )
    if ticket is None:
        raise NotFound(f"no ticket with external id {external_id!r} from source '{source}'")
    return ticket


def get_ticket(session: Session, shop_id: uuid.UUID, ticket_id: uuid.UUID) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.shop_id != shop_id:
        raise NotFound(f"no ticket {ticket_id} in this shop")
    return ticket


def analyses_of(session: Session, ticket: Ticket) -> list[MessageAnalysis]:
    """The ticket's analyses, oldest first."""
    query = select(MessageAnalysis).where(MessageAnalysis.ticket_id == ticket.id)
    return list(session.scalars(query.order_by(MessageAnalysis.analysed_at, MessageAnalysis.id)))


def _unread(shop_id: uuid.UUID) -> ColumnElement[bool]:
    analysed = select(MessageAnalysis.id).where(MessageAnalysis.message_id == TicketMessage.id)
    return and_(
        TicketMessage.shop_id == shop_id,
        TicketMessage.direction == Direction.INBOUND,
        TicketMessage.author_kind == AuthorKind.CUSTOMER,
        ~analysed.exists(),
    )


def unread_count(session: Session, shop_id: uuid.UUID) -> int:
    """Customer messages of the shop not read yet (`goodbuyer support read` reads them)."""
    return int(session.scalar(select(func.count()).where(_unread(shop_id))) or 0)


def unread_messages(session: Session, shop_id: uuid.UUID, limit: int) -> list[TicketMessage]:
    """The oldest unread customer messages (zero tolerance counts in the order sent)."""
    query = select(TicketMessage).where(_unread(shop_id))
    return list(
        session.scalars(query.order_by(TicketMessage.sent_at, TicketMessage.id).limit(limit))
    )


@dataclass(frozen=True)
class TicketFilter:
    status: TicketStatus | None = None
    customer_id: uuid.UUID | None = None


def list_tickets(
    session: Session, shop_id: uuid.UUID, filters: TicketFilter, limit: int, offset: int
) -> list[Ticket]:
    query = select(Ticket).where(Ticket.shop_id == shop_id)
    if filters.status:
        query = query.where(Ticket.status == filters.status)
    if filters.customer_id:
        query = query.where(Ticket.customer_id == filters.customer_id)
    query = query.order_by(Ticket.updated_at.desc(), Ticket.id.desc()).limit(limit).offset(offset)
    return list(session.scalars(query))


__all__ = [
    "TicketFilter", "analyses_of", "get_ticket", "ingest_message", "list_tickets", "needs_reading",
    "require_ticket", "unread_count", "unread_messages",
]  # fmt: skip
