"""REST routes for shipments, carrier scans and survey answers."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from goodbuyer.deliveries import service
from goodbuyer.deliveries.schemas import ShipmentEventOut, ShipmentIn, ShipmentOut, SurveyAnswerIn
from goodbuyer.store.schemas import IngestResult
from goodbuyer.store.statuses import Source
from goodbuyer.web.deps import Reader, ReadSession, ServicesDep, Writer
from goodbuyer.web.ingest import INGEST_RESPONSES, answer

router = APIRouter(prefix="/api/v1", tags=["deliveries"])


@router.post("/shipments", status_code=201, responses=INGEST_RESPONSES)
def post_shipment(
    data: ShipmentIn,
    response: Response,
    principal: Writer,
    services: ServicesDep,
) -> IngestResult:
    """Create or update a shipment with its carrier scans; scans are added, never lost."""
    with services.write() as session:
        result = service.ingest_shipment(
            session, principal.shop_id, Source.API, data, services.clock.now(), principal.actor
        )
    return answer(result, response)


@router.get("/orders/{order_id}/shipments")
def get_shipments(
    order_id: uuid.UUID, principal: Reader, session: ReadSession
) -> list[ShipmentOut]:
    found = service.list_shipments(session, principal.shop_id, order_id)
    return [ShipmentOut.model_validate(s) for s in found]


@router.get("/shipments/{shipment_id}/events")
def get_events(
    shipment_id: uuid.UUID, principal: Reader, session: ReadSession
) -> list[ShipmentEventOut]:
    found = service.list_events(session, principal.shop_id, shipment_id)
    return [ShipmentEventOut.model_validate(e) for e in found]


@router.post("/survey-answers", status_code=201, responses=INGEST_RESPONSES)
def post_survey_answer(
    data: SurveyAnswerIn,
    response: Response,
    principal: Writer,
    services: ServicesDep,
) -> IngestResult:
    """An NPS (0-10) or CSAT (1-5) answer, after a delivery or a ticket."""
    with services.write() as session:
        result = service.ingest_survey_answer(
            session, principal.shop_id, Source.API, data, services.clock.now(), principal.actor
        )
    return answer(result, response)


__all__ = ["router"]
