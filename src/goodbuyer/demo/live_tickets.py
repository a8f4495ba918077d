"""While the demo is served, customers keep writing in: now and then one of the demo's past
customers writes a new message about one of their orders (a first message of an earlier
ticket, in its own language and channel). It arrives like any message, so it is read,
resolved by the playbook and answered with a draft at once (the /inbox page)."""

from __future__ import annotations

import random
import uuid

from sqlalchemy import func, select

from goodbuyer.db import transaction
from goodbuyer.store.models import Order
from goodbuyer.support import service as support
from goodbuyer.support.models import Ticket, TicketMessage
from goodbuyer.support.schemas import MessageIn
from goodbuyer.support.statuses import AuthorKind, Direction
from goodbuyer.web.deps import Services

_SOURCE = "api"


def new_message(services: Services, shop_id: uuid.UUID, r: random.Random) -> MessageIn | None:
    """A new ticket's first message, written like a past one of the shop's customers."""
    with services.sessions() as session:
        first = (
            TicketMessage.shop_id == shop_id,
            TicketMessage.direction == Direction.INBOUND,
            TicketMessage.author_kind == AuthorKind.CUSTOMER,
            Ticket.order_id.is_not(None),
        )
        joined = select(TicketMessage, Ticket).join(Ticket, Ticket.id == TicketMessage.ticket_id)
        count = session.scalar(
            select(func.count()).select_from(TicketMessage).join(Ticket).where(*first)
        )
        if not count:
            return None
        past, ticket = session.execute(
            joined.where(*first).offset(r.randrange(count)).limit(1)
        ).one()
        order = session.get_one(Order, ticket.order_id)
        ext = f"live-{uuid.uuid4().hex[:12]}"
        address = past.author_address or ""  # an e-mail or a phone, as the message came
        return MessageIn(
            ticket_external_id=ext,
            external_id=f"{ext}-1",
            channel=past.channel,
            author_name=past.author_name,
            author_email=address if "@" in address else None,
            author_phone=address if address and "@" not in address else None,
            subject=ticket.subject,
            body=past.body,
            language=None,
            sent_at=services.clock.now(),
            order_external_id=order.external_id,
            order_source=order.source,
        )


def write_in(services: Services, shop_id: uuid.UUID, r: random.Random) -> bool:
    """One customer writes in; false when the shop has no past message to go by."""
    data = new_message(services, shop_id, r)
    if data is None:
        return False
    with transaction(services.sessions) as session:
        support.ingest_message(session, shop_id, _SOURCE, data, services.clock.now(), "demo shop")
    return True


__all__ = ["new_message", "write_in"]
