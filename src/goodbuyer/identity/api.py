"""REST routes: a customer with everything known about them, an order's history check,
"not the same person", and erasure on request."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from goodbuyer.identity import service
from goodbuyer.identity.erasure import erase_customer
from goodbuyer.identity.schemas import (
    CustomerView,
    ErasureOut,
    OrderCheckOut,
    UnlinkIn,
    UnlinkOut,
)
from goodbuyer.identity.views import customer_view
from goodbuyer.web.deps import Admin, Reader, ReadSession, ServicesDep, Writer

router = APIRouter(prefix="/api/v1", tags=["customers"])


@router.get("/customers/{customer_id}", response_model=CustomerView)
def get_customer(
    customer_id: uuid.UUID, principal: Reader, session: ReadSession, services: ServicesDep
) -> CustomerView:
    """The person behind this customer record: profile, linked records with the reasons,
    households, and the timeline of everything that happened."""
    return customer_view(session, principal.shop_id, customer_id, services.clock.now())


@router.get("/orders/{order_id}/history", response_model=OrderCheckOut)
def get_order_history(
    order_id: uuid.UUID, principal: Reader, session: ReadSession
) -> OrderCheckOut:
    """The history check stored when the order came in: earlier orders of the same person
    and household with their outcomes, red flags, and ghost signals."""
    return OrderCheckOut.model_validate(service.get_check(session, principal.shop_id, order_id))


@router.post("/customers/{customer_id}/unlink", response_model=UnlinkOut)
def unlink_customer(
    customer_id: uuid.UUID, body: UnlinkIn, principal: Writer, services: ServicesDep
) -> UnlinkOut:
    """Not the same person: take this record out of the person it was merged into. The
    matcher never merges them again."""
    now, actor = services.clock.now(), principal.actor
    with services.write() as session:
        others = service.unlink_customer(
            session, principal.shop_id, customer_id, now, actor, body.note
        )
    return UnlinkOut(customer_id=customer_id, separated_from=others)


@router.post("/customers/{customer_id}/erase", response_model=ErasureOut)
def erase(customer_id: uuid.UUID, principal: Admin, services: ServicesDep) -> ErasureOut:
    """Erase the person behind this customer record on their request: personal data in
    every table removed or irreversibly pseudonymised, orders, money and flags with their
    evidence kept. Erasing again changes nothing more."""
    now, actor = services.clock.now(), principal.actor
    with services.write() as session:
        report = erase_customer(session, principal.shop_id, customer_id, now, actor)
    return ErasureOut.model_validate(report)


__all__ = ["router"]
