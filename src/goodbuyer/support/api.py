"""REST routes for support messages and tickets."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from goodbuyer.shops.models import Shop
from goodbuyer.store.schemas import IngestResult
from goodbuyer.store.statuses import Source
from goodbuyer.support import service
from goodbuyer.support.reading import read_messages
from goodbuyer.support.schemas import MessageIn, TicketDetail, TicketOut
from goodbuyer.support.statuses import TicketStatus
from goodbuyer.web.deps import Reader, ReadSession, ServicesDep, Writer
from goodbuyer.web.ingest import INGEST_RESPONSES, answer

router = APIRouter(prefix="/api/v1", tags=["support"])


@router.post("/messages", status_code=201, responses=INGEST_RESPONSES)
def post_message(
    data: MessageIn,
    response: Response,
    principal: Writer,
    services: ServicesDep,
    session: ReadSession,
) -> IngestResult:
    """A support message (e-mail, chat, social, ...); its thread becomes a ticket. A new
    customer message is read (language, intent, flags, anger), resolved by the playbook
    and answered with a drafted reply: see `GET /api/v1/tickets/{id}`."""
    analysis = None
    if service.needs_reading(data.direction, data.author_kind):
        languages = session.get_one(Shop, principal.shop_id).languages
        analysis = read_messages([data.body], [data.channel.value], languages)[0]
    with services.write() as writing:
        result = service.ingest_message(
            writing,
            principal.shop_id,
            Source.API,
            data,
            services.clock.now(),
            principal.actor,
            analysis=analysis,
        )
    return answer(result, response)


@router.get("/tickets")
def get_tickets(
    principal: Reader,
    session: ReadSession,
    status: TicketStatus | None = None,
    customer_id: uuid.UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[TicketOut]:
    filters = service.TicketFilter(status=status, customer_id=customer_id)
    found = service.list_tickets(session, principal.shop_id, filters, limit, offset)
    return [TicketOut.model_validate(t) for t in found]


@router.get("/tickets/{ticket_id}")
def get_ticket(ticket_id: uuid.UUID, principal: Reader, session: ReadSession) -> TicketDetail:
    ticket = service.get_ticket(session, principal.shop_id, ticket_id)
    return TicketDetail.of(ticket, service.analyses_of(session, ticket))


__all__ = ["router"]
