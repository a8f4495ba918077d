"""When a conversation ends (R4.9), as the desk applies it: after each inbound message
the ticket's conversation is read against the policy's criteria
(`protocol.conversation_should_end`: legal counsel involved, abusive messages, repeated
threats). The message that ends it is answered with the end notice in the customer's
language, moving the conversation to the official channel; later messages of the ticket
are kept, routed and never answered with a draft. A blocked sender is zero tolerance's
to handle (`support.abuse`).

Legal counsel is not read from the text: an agent marks the ticket (`mark_legal_counsel`,
`POST /api/v1/tickets/{id}/legal-counsel`), which tags it `legal_counsel`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.errors import FieldError, InvalidInput, NotFound
from goodbuyer.policy.abuse import AbusePolicy
from goodbuyer.support.abuse import conversation_of
from goodbuyer.support.abuse_notices import RenderedNotice, render_notice
from goodbuyer.support.models import Ticket
from goodbuyer.support.protocol import EndReason, conversation_should_end

ENDED_TAG = "conversation_ended"
LEGAL_COUNSEL_TAG = "legal_counsel"
REASON_TAGS = frozenset(f"ended:{reason.value}" for reason in EndReason)
# Who takes an ended conversation over: the legal team when a lawyer is involved.
_ROUTES = {EndReason.LEGAL_COUNSEL: ("legal",)}


@dataclass(frozen=True)
class Ending:
    reason: EndReason
    notice: RenderedNotice | None  # the message that ends it gets the notice; later, None

    @property
    def problem(self) -> str | None:
        """Why a later message gets no draft (None for the one that ends it)."""
        if self.notice is not None:
            return None
        return (f"the conversation has ended ({self.reason.value}): it goes on only through "
                "the official channel")  # fmt: skip

    @property
    def routes(self) -> tuple[str, ...]:
        return _ROUTES.get(self.reason, ())

    @property
    def tags(self) -> tuple[str, str]:
        return ENDED_TAG, f"ended:{self.reason.value}"


def ending_of(
    session: Session, ticket: Ticket, at: datetime, policy: AbusePolicy, lang: str | None
) -> Ending | None:
    """The ticket's ending after its latest inbound message (its incidents recorded), or
    None while the conversation goes on or the sender is blocked."""
    tags = ticket.tags or []
    history = conversation_of(session, ticket.shop_id, ticket, at,
                              legal_counsel=LEGAL_COUNSEL_TAG in tags)  # fmt: skip
    reason = conversation_should_end(history, policy)
    if reason is None or reason is EndReason.BLOCKED:
        return None
    first = ENDED_TAG not in tags
    return Ending(reason, render_notice("ended", lang, policy) if first else None)


def mark_legal_counsel(
    session: Session, shop_id: uuid.UUID, ticket_id: uuid.UUID, note: str, now: datetime,
    actor: str,
) -> Ticket:  # fmt: skip
    """An agent records that a lawyer acts for the customer on this ticket: from its next
    message on, the conversation goes to the legal team only (when the policy's
    `end_when_legal_counsel_involved` is on). Marking again changes nothing."""
    if not note.strip():
        raise InvalidInput("a note is required", [FieldError("note", "say who the lawyer is")])
    ticket = session.get(Ticket, ticket_id)
    if ticket is None or ticket.shop_id != shop_id:
        raise NotFound(f"no ticket {ticket_id}")
    if LEGAL_COUNSEL_TAG in (ticket.tags or []):
        return ticket
    ticket.tags = sorted({*(ticket.tags or []), LEGAL_COUNSEL_TAG})
    record(session, shop_id=shop_id, at=now, actor=actor, action="ticket.legal_counsel",
           subject_type="ticket", subject_id=ticket.id, customer_id=ticket.customer_id,
           order_id=ticket.order_id, data={"note": note.strip()})  # fmt: skip
    return ticket


__all__ = [
    "ENDED_TAG", "LEGAL_COUNSEL_TAG", "REASON_TAGS", "Ending", "ending_of", "mark_legal_counsel",
]  # fmt: skip
