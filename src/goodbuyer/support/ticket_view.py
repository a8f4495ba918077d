"""One ticket for an agent: every message with what goodbuyer read in it, the facts it
used, the resolution, the routes, the zero-tolerance step and the drafted reply."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.errors import NotFound
from goodbuyer.store.service import Customer, Order
from goodbuyer.support.models import MessageAnalysis, Ticket, TicketMessage
from goodbuyer.support.statuses import Direction


@dataclass(frozen=True)
class MessageView:
    message: TicketMessage
    lang: str  # the message's language as best known; "" when unknown
    analysis: MessageAnalysis | None
    latest: bool  # the analysis the ticket stands on now


@dataclass(frozen=True)
class TicketView:
    ticket: Ticket
    customer_name: str | None
    messages: list[MessageView]
    orders: dict[str, uuid.UUID]  # order number -> order id, for links

    @property
    def latest(self) -> MessageAnalysis | None:
        return next((m.analysis for m in self.messages if m.latest), None)


def ticket_view(session: Session, shop_id: uuid.UUID, ticket_id: uuid.UUID) -> TicketView:
    """The ticket with its conversation and analyses; NotFound for another shop's."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.shop_id != shop_id:
        raise NotFound(f"no ticket {ticket_id} in this shop")
    analyses = {
        a.message_id: a
        for a in session.scalars(
            select(MessageAnalysis).where(MessageAnalysis.ticket_id == ticket.id)
        )
    }
    messages = [
        MessageView(
            message=m,
            lang=_language(m, analyses.get(m.id), ticket),
            analysis=analyses.get(m.id),
            latest=m.id in analyses and analyses[m.id].id == ticket.analysis_id,
        )
        for m in ticket.messages
    ]
    customer = session.get(Customer, ticket.customer_id) if ticket.customer_id else None
    first_author = next(
        (m.author_name for m in ticket.messages
         if m.author_name and m.direction == Direction.INBOUND),
        None,
    )  # fmt: skip
    return TicketView(
        ticket=ticket,
        customer_name=(customer.name if customer else None) or first_author,
        messages=messages,
        orders=_order_links(session, ticket, analyses.values()),
    )


def _language(message: TicketMessage, analysis: MessageAnalysis | None, ticket: Ticket) -> str:
    if analysis is not None:
        return analysis.lang
    return message.language or ticket.language or ""


def _order_links(
    session: Session, ticket: Ticket, analyses: Iterable[MessageAnalysis]
) -> dict[str, uuid.UUID]:
    """The orders the facts name (the ticket's own, a disputed one), by number."""
    numbers = {
        number
        for a in analyses
        for number in (
            a.facts.get("order_number"),
            (a.facts.get("open_dispute") or {}).get("order_number"),
        )
        if number
    }
    links: dict[str, uuid.UUID] = {}
    if ticket.order_id is not None:
        own = session.get(Order, ticket.order_id)
        if own is not None:
            links[own.number] = own.id
    missing = numbers - links.keys()
    if missing:
        query = (
            select(Order.number, Order.id)
            .where(Order.shop_id == ticket.shop_id, Order.number.in_(missing))
            .order_by(Order.placed_at)
        )
        links |= dict(session.execute(query).all())  # the newest of a number wins
    return links


__all__ = ["MessageView", "TicketView", "ticket_view"]
