"""REST routes for orders (thin: parse, call the service, shape the answer)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import AwareDatetime, BaseModel

from goodbuyer.store import service
from goodbuyer.store.schemas import IngestResult, OrderIn, OrderOut
from goodbuyer.store.statuses import OrderStatus, PaymentMethod, Source
from goodbuyer.web.deps import Reader, ReadSession, ServicesDep, Writer
from goodbuyer.web.ingest import INGEST_RESPONSES, answer

router = APIRouter(prefix="/api/v1", tags=["orders"])


class OrderPage(BaseModel):
    items: list[OrderOut]
    next_cursor: str | None


@router.post(
    "/orders",
    status_code=201,
    response_model=IngestResult,
    responses=INGEST_RESPONSES,
)
def put_order(
    order: OrderIn,
    response: Response,
    principal: Writer,
    services: ServicesDep,
) -> IngestResult:
    """Create or update an order, keyed by `external_id`. Sending it again is harmless."""
    with services.write() as session:
        result = service.ingest_order(
            session, principal.shop_id, Source.API, order, services.clock.now(), principal.actor
        )
    return answer(result, response)


@router.get("/orders/{order_id}", response_model=OrderOut)
def get_order(order_id: uuid.UUID, principal: Reader, session: ReadSession) -> OrderOut:
    return OrderOut.model_validate(service.get_order(session, principal.shop_id, order_id))


@router.get("/orders", response_model=OrderPage)
def list_orders(
    principal: Reader,
    session: ReadSession,
    status: OrderStatus | None = None,
    payment_method: PaymentMethod | None = None,
    customer_id: uuid.UUID | None = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    placed_from: AwareDatetime | None = None,
    placed_to: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: str | None = None,
) -> OrderPage:
    filters = service.OrderFilter(
        status, payment_method, customer_id, country, placed_from, placed_to
    )
    page = service.list_orders(session, principal.shop_id, filters, limit, cursor)
    return OrderPage(
        items=[OrderOut.model_validate(o) for o in page.items], next_cursor=page.next_cursor
    )


__all__ = ["router"]
