"""REST routes of zero tolerance: a customer's incidents and block, lifting it, an agent
marking a message abusive, and an agent marking a ticket's legal counsel (R4.9)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from goodbuyer.support import abuse_desk, ending
from goodbuyer.support.abuse import AbuseStep
from goodbuyer.support.abuse_schemas import (
    AbuseIn,
    AbuseStepOut,
    BlockOut,
    IncidentOut,
    LegalCounselIn,
    LiftIn,
    NoticeOut,
    TicketTagsOut,
)
from goodbuyer.web.deps import Reader, ReadSession, ServicesDep, Writer

router = APIRouter(prefix="/api/v1", tags=["support"])


@router.get("/customers/{customer_id}/support-incidents")
def get_incidents(
    customer_id: uuid.UUID,
    principal: Reader,
    session: ReadSession,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[IncidentOut]:
    """The customer's warnings, blocks, lifts and threats, newest first, with evidence."""
    found = abuse_desk.customer_incidents(session, principal.shop_id, customer_id, limit, offset)
    return [IncidentOut.model_validate(i) for i in found]


@router.get("/customers/{customer_id}/support-block")
def get_block(
    customer_id: uuid.UUID, principal: Reader, session: ReadSession, services: ServicesDep
) -> BlockOut:
    """Whether the customer is blocked on support channels."""
    state = abuse_desk.customer_block(session, principal.shop_id, customer_id, services.clock.now())
    return BlockOut(customer_id=customer_id, blocked=state.blocked, since=state.since,
                    warnings=state.warnings, window_from=state.window_from)  # fmt: skip


@router.post(
    "/customers/{customer_id}/support-block/lift",
    responses={404: {"description": "no such customer"}, 409: {"description": "not blocked"}},
)
def lift_block(
    customer_id: uuid.UUID, body: LiftIn, principal: Writer, services: ServicesDep
) -> IncidentOut:
    """Lift the customer's block (the note says why); the warning window starts afresh."""
    with services.write() as session:
        lift = abuse_desk.lift_customer_block(
            session, principal.shop_id, customer_id, body.note, services.clock.now(),
            principal.actor,
        )  # fmt: skip
        return IncidentOut.model_validate(lift)


@router.post(
    "/tickets/{ticket_id}/support-block/lift",
    responses={404: {"description": "no such ticket"}, 409: {"description": "not blocked"}},
)
def lift_ticket_block(
    ticket_id: uuid.UUID, body: LiftIn, principal: Writer, services: ServicesDep
) -> IncidentOut:
    """Lift the block of a ticket's sender: for a sender known only by an address or by
    an anonymous conversation."""
    with services.write() as session:
        lift = abuse_desk.lift_ticket_block(
            session, principal.shop_id, ticket_id, body.note, services.clock.now(),
            principal.actor,
        )  # fmt: skip
        return IncidentOut.model_validate(lift)


@router.post("/messages/{message_id}/abuse", responses={404: {"description": "no such message"}})
def mark_abusive(
    message_id: uuid.UUID, body: AbuseIn, principal: Writer, services: ServicesDep
) -> AbuseStepOut:
    """An agent marks an inbound message abusive: the first one is answered with a
    warning, a repeat within the window blocks the sender. Marking again changes nothing."""
    with services.write() as session:
        step = abuse_desk.mark_abusive(
            session, principal.shop_id, message_id, services.clock.now(), principal.actor,
            body.note,
        )  # fmt: skip
    return step_out(step)


@router.post(
    "/tickets/{ticket_id}/legal-counsel", responses={404: {"description": "no such ticket"}}
)
def mark_legal_counsel(
    ticket_id: uuid.UUID, body: LegalCounselIn, principal: Writer, services: ServicesDep
) -> TicketTagsOut:
    """A lawyer acts for the customer on this ticket: from its next message on, the
    conversation moves to the official channel and the legal team (policy
    `abuse.end_when_legal_counsel_involved`). Marking again changes nothing."""
    with services.write() as session:
        ticket = ending.mark_legal_counsel(
            session, principal.shop_id, ticket_id, body.note, services.clock.now(),
            principal.actor,
        )  # fmt: skip
        return TicketTagsOut(ticket_id=ticket.id, tags=list(ticket.tags))


def step_out(step: AbuseStep) -> AbuseStepOut:
    notice = step.notice
    return AbuseStepOut(
        outcome=step.outcome,
        incident_id=step.incident_id,
        drafts_reply=step.drafts_reply,
        notice=NoticeOut(notice=notice.notice, language=notice.language,
                         direction=notice.direction, text=notice.text) if notice else None,
    )  # fmt: skip


__all__ = ["router", "step_out"]
