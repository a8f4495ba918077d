"""REST routes for support messages and tickets."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from goodbuyer.store.schemas import IngestResult
from goodbuyer.store.statuses import Source
from goodbuyer.support import service
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
) -> IngestResult:
    """A support message (e-mail, chat, social, ...); its thread becomes a ticket."""
    with services.write() as session:
        result = service.ingest_message(
            session, principal.shop_id, Source.API, data, services.clock.now(), principal.actor
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
    return TicketDetail.model_validate(service.get_ticket(session, principal.shop_id, ticket_id))


__all__ = ["router"]
