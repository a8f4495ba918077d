"""REST routes of the call queue, the ghost box, confirmations and their funnel. Reading
needs the read scope; claiming and recording calls need write. The agent is the API key."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import AwareDatetime

from goodbuyer.confirmations import calls, listings
from goodbuyer.confirmations.calls_schemas import (
    CallOutcomeIn,
    ConfirmationDetail,
    ConfirmationOut,
    ConfirmationPage,
    FunnelOut,
    GhostPage,
    QueueEntryOut,
    QueuePage,
)
from goodbuyer.confirmations.cards import confirmation_out, entry_of
from goodbuyer.confirmations.funnel import confirmation_funnel, default_period
from goodbuyer.confirmations.statuses import ConfirmationStatus
from goodbuyer.web.deps import Reader, ReadSession, ServicesDep, Writer

router = APIRouter(prefix="/api/v1/confirmations", tags=["confirmations"])
Limit = Annotated[int, Query(ge=1, le=500)]
FUNNEL_DAYS = 30


@router.get("", response_model=ConfirmationPage)
def list_confirmations(
    principal: Reader, session: ReadSession, status: ConfirmationStatus | None = None,
    limit: Limit = 50, cursor: str | None = None,
) -> ConfirmationPage:  # fmt: skip
    """Every confirmation, newest first, with its order and the messages sent."""
    return listings.confirmations_page(session, principal.shop_id, status, limit, cursor)


@router.get("/queue", response_model=QueuePage)
def get_queue(
    principal: Reader, session: ReadSession, services: ServicesDep, limit: Limit = 50,
    cursor: str | None = None,
) -> QueuePage:  # fmt: skip
    """Orders due for a call and not claimed, oldest due first, with the customer's
    history and flags and the messages already sent (phones masked)."""
    now = services.clock.now()
    return listings.queue_page(session, principal.shop_id, now, limit, cursor)


@router.post("/queue/claim-next", response_model=QueueEntryOut,
             responses={204: {"description": "the queue is empty"}})  # fmt: skip
def claim_next(principal: Writer, services: ServicesDep) -> QueueEntryOut | Response:
    """Claim the oldest due order for this key's agent; its phone is shown in full."""
    now = services.clock.now()
    with services.write() as session:
        taken = calls.claim_next(session, principal.shop_id, principal.actor, now)
        if taken is None:
            return Response(status_code=204)
        return entry_of(session, taken, now, full_phone=True)


@router.get("/ghost-box", response_model=GhostPage)
def get_ghost_box(
    principal: Reader, session: ReadSession, limit: Limit = 50, cursor: str | None = None
) -> GhostPage:
    """Orders cancelled because every call failed, newest first (phones masked)."""
    return listings.ghost_box_page(session, principal.shop_id, limit, cursor)


@router.get("/funnel", response_model=FunnelOut)
def get_funnel(
    principal: Reader, session: ReadSession, services: ServicesDep,
    since: AwareDatetime | None = None, until: AwareDatetime | None = None,
) -> FunnelOut:  # fmt: skip
    """Confirmations created in [since, until) (default: the 30 UTC days ending today):
    confirmed per step, cancelled, ghost, open; time to confirm; messages and their cost
    per channel."""
    until = until or default_period(services.clock.now(), FUNNEL_DAYS)[1]
    since = since or until - timedelta(days=FUNNEL_DAYS)
    return confirmation_funnel(session, principal.shop_id, since, until)


@router.get("/{confirmation_id}", response_model=ConfirmationDetail)
def get_confirmation(
    confirmation_id: uuid.UUID, principal: Reader, session: ReadSession, services: ServicesDep
) -> ConfirmationDetail:
    """One confirmation with its timeline: messages, calls and audit events."""
    now = services.clock.now()
    return listings.confirmation_detail(
        session, principal.shop_id, confirmation_id, now, principal.actor
    )


@router.post("/{confirmation_id}/claim", response_model=QueueEntryOut)
def claim(confirmation_id: uuid.UUID, principal: Writer, services: ServicesDep) -> QueueEntryOut:
    """Claim this order (409 while another agent holds it)."""
    now = services.clock.now()
    with services.write() as session:
        taken = calls.claim(session, principal.shop_id, confirmation_id, principal.actor, now)
        return entry_of(session, taken, now, full_phone=True)


@router.post("/{confirmation_id}/release", response_model=ConfirmationOut)
def release(
    confirmation_id: uuid.UUID, principal: Writer, services: ServicesDep
) -> ConfirmationOut:
    """Give a claimed order back to the queue without a call."""
    now = services.clock.now()
    with services.write() as session:
        done = calls.release(session, principal.shop_id, confirmation_id, principal.actor, now)
        return confirmation_out(done, full_phone=False)


@router.post("/{confirmation_id}/outcome", response_model=ConfirmationOut)
def record_outcome(
    confirmation_id: uuid.UUID, body: CallOutcomeIn, principal: Writer, services: ServicesDep
) -> ConfirmationOut:
    """Record a call: confirmed, cancelled, no_answer, wrong_number or call_back (with
    `call_back_at`). Only the agent holding the claim may (409 otherwise)."""
    now = services.clock.now()
    with services.write() as session:
        done = calls.record_call(session, principal.shop_id, confirmation_id, principal.actor,
                                 body.outcome, body.note, body.call_back_at, now)  # fmt: skip
        return confirmation_out(done, full_phone=False)


__all__ = ["router"]
