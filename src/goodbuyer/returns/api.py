"""REST routes for returns."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from goodbuyer.returns import service
from goodbuyer.returns.schemas import ReturnIn, ReturnOut
from goodbuyer.store.schemas import IngestResult
from goodbuyer.store.statuses import Source
from goodbuyer.web.deps import Reader, ReadSession, ServicesDep, Writer
from goodbuyer.web.ingest import INGEST_RESPONSES, answer

router = APIRouter(prefix="/api/v1", tags=["returns"])


@router.post("/returns", status_code=201, responses=INGEST_RESPONSES)
def post_return(
    data: ReturnIn,
    response: Response,
    principal: Writer,
    services: ServicesDep,
) -> IngestResult:
    """Create or update a return (RMA) for an order's lines."""
    with services.write() as session:
        result = service.ingest_return(
            session, principal.shop_id, Source.API, data, services.clock.now(), principal.actor
        )
    return answer(result, response)


@router.get("/orders/{order_id}/returns")
def get_returns(order_id: uuid.UUID, principal: Reader, session: ReadSession) -> list[ReturnOut]:
    return [
        ReturnOut.model_validate(r)
        for r in service.list_returns(session, principal.shop_id, order_id)
    ]


__all__ = ["router"]
