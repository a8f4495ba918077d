"""REST routes for refunds and chargebacks."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from goodbuyer.payments import service
from goodbuyer.payments.schemas import ChargebackIn, ChargebackOut, RefundIn, RefundOut
from goodbuyer.store.schemas import IngestResult
from goodbuyer.store.statuses import Source
from goodbuyer.web.deps import Reader, ReadSession, ServicesDep, Writer
from goodbuyer.web.ingest import INGEST_RESPONSES, answer

router = APIRouter(prefix="/api/v1", tags=["payments"])


@router.post("/refunds", status_code=201, responses=INGEST_RESPONSES)
def post_refund(
    data: RefundIn,
    response: Response,
    principal: Writer,
    services: ServicesDep,
) -> IngestResult:
    """Record a refund (a fact: sending it again changes nothing)."""
    with services.write() as session:
        result = service.ingest_refund(
            session, principal.shop_id, Source.API, data, services.clock.now(), principal.actor
        )
    return answer(result, response)


@router.post("/chargebacks", status_code=201, responses=INGEST_RESPONSES)
def post_chargeback(
    data: ChargebackIn,
    response: Response,
    principal: Writer,
    services: ServicesDep,
) -> IngestResult:
    """Create or update a chargeback (dispute) as it moves to its outcome."""
    with services.write() as session:
        result = service.ingest_chargeback(
            session, principal.shop_id, Source.API, data, services.clock.now(), principal.actor
        )
    return answer(result, response)


@router.get("/orders/{order_id}/refunds")
def get_refunds(order_id: uuid.UUID, principal: Reader, session: ReadSession) -> list[RefundOut]:
    return [
        RefundOut.model_validate(r)
        for r in service.list_refunds(session, principal.shop_id, order_id)
    ]


@router.get("/orders/{order_id}/chargebacks")
def get_chargebacks(
    order_id: uuid.UUID, principal: Reader, session: ReadSession
) -> list[ChargebackOut]:
    return [
        ChargebackOut.model_validate(c)
        for c in service.list_chargebacks(session, principal.shop_id, order_id)
    ]


__all__ = ["router"]
