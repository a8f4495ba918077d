"""REST routes: an order's decision, a decision on a payload without storing it, and how
the shop treats a customer now."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from goodbuyer.risk import service
from goodbuyer.risk.schemas import DecisionOut, TreatmentOut
from goodbuyer.risk.views import decision_out, treatment, verdict_out
from goodbuyer.store.schemas import OrderIn
from goodbuyer.web.deps import Reader, ReadSession, ServicesDep

router = APIRouter(prefix="/api/v1", tags=["decisions"])


@router.get("/orders/{order_id}/decision", response_model=DecisionOut)
def get_decision(order_id: uuid.UUID, principal: Reader, session: ReadSession) -> DecisionOut:
    """The order's newest decision: outcome, score, every rule with its result and
    evidence, what would have changed it, perks and limits."""
    return decision_out(service.get_decision(session, principal.shop_id, order_id))


@router.post("/decide", response_model=DecisionOut)
def decide_order(
    order: OrderIn, principal: Reader, session: ReadSession, services: ServicesDep
) -> DecisionOut:
    """Decide on an order without storing it (nothing is written): the same policy,
    history, lists and model as a stored order gets."""
    decided = service.decide_payload_in(session, principal.shop_id, order, services.clock.now())
    return verdict_out(
        decided.verdict, decided.features, decided.policy_version, decided.contributions
    )


@router.get("/customers/{customer_id}/treatment", response_model=TreatmentOut)
def get_treatment(
    customer_id: uuid.UUID, principal: Reader, session: ReadSession, services: ServicesDep
) -> TreatmentOut:
    """The person's segments with why, and the perks and limits that follow them."""
    return treatment(session, principal.shop_id, customer_id, services.clock.now())
