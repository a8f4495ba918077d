"""Zero tolerance for abuse (R4.6) and recorded threats (R4.5, R4.9): the first abusive
message is answered with a warning, a repeat within the window blocks the sender on
support channels and names the official channel; an agent can lift a block. Every step
is an incident with its evidence and an audit event; handling a message again adds
nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.errors import Conflict, FieldError, InvalidInput, NotFound
from goodbuyer.policy.abuse import THREAT_FLAGS, AbusePolicy
from goodbuyer.records import store_keyed
from goodbuyer.support.abuse_kinds import BLOCKED_TAG, WARNED_TAG, AbuseOutcome, IncidentKind
from goodbuyer.support.abuse_models import SupportIncident
from goodbuyer.support.abuse_notices import Notice, RenderedNotice, render_notice
from goodbuyer.support.abuse_state import (
    Sender,
    block_state,
    lock_sender,
    sender_of,
    untag_blocked_tickets,
)
from goodbuyer.support.models import Ticket, TicketMessage
from goodbuyer.support.protocol import Conversation
from goodbuyer.support.routing import routes_for
from goodbuyer.support.statuses import Direction

SYSTEM_ACTOR = "support:zero_tolerance"
ABUSIVE = "abusive"
_NOTICES: dict[IncidentKind, Notice] = {
    IncidentKind.WARNING: "warning",
    IncidentKind.BLOCK: "block",
}


@dataclass(frozen=True)
class AbuseStep:
    """What zero tolerance did with one message, and the notice to send (if any)."""

    outcome: AbuseOutcome
    incident_id: uuid.UUID | None = None
    notice: RenderedNotice | None = None

    @property
    def text(self) -> str | None:
        return self.notice.text if self.notice else None

    @property
    def drafts_reply(self) -> bool:
        """Whether the message still gets a drafted reply: yes after a warning (the
        request is still handled), never once the sender is blocked."""
        return self.outcome in (AbuseOutcome.NONE, AbuseOutcome.WARNED)


def handle_abuse(
    session: Session,
    shop_id: uuid.UUID,
    ticket: Ticket,
    message: TicketMessage,
    abusive: bool,
    policy: AbusePolicy,
    now: datetime,
    lang: str | None,
    *,
    actor: str = SYSTEM_ACTOR,
    note: str = "",
) -> AbuseStep:
    """Zero tolerance for one inbound message, inside the caller's transaction. A blocked
    sender's message is kept, tagged `blocked` and gets no reply; an abusive one gets a
    warning, or a block after `warnings_before_block` warnings within `window_days`."""
    if ticket.shop_id != shop_id or message.ticket_id != ticket.id:
        raise NotFound(f"no message {message.id} of ticket {ticket.id} in this shop")
    if message.direction is not Direction.INBOUND:
        where = FieldError("message", f"this message is {message.direction.value}")
        raise InvalidInput("zero tolerance applies to a customer's inbound messages only", [where])
    sender = sender_of(ticket.customer_id, message.author_address, ticket.id)
    lock_sender(session, shop_id, sender)
    done = _step_of_message(session, message, policy, lang)
    if done is not None:
        return done
    state = block_state(session, shop_id, sender, now, policy.window_days)
    if state.blocked:
        _tag(ticket, BLOCKED_TAG)
        return AbuseStep(AbuseOutcome.ALREADY_BLOCKED, state.block_id)
    if not (abusive and policy.enabled):
        return AbuseStep(AbuseOutcome.NONE)
    blocks = state.warnings >= policy.warnings_before_block
    kind = IncidentKind.BLOCK if blocks else IncidentKind.WARNING
    incident = _add_incident(
        session, shop_id, ticket, message, sender, kind, ABUSIVE, policy, now, actor, note=note
    )
    _tag(ticket, BLOCKED_TAG if blocks else WARNED_TAG)
    outcome = AbuseOutcome.BLOCKED if blocks else AbuseOutcome.WARNED
    return AbuseStep(outcome, incident.id, render_notice(_NOTICES[kind], lang, policy))


def record_threats(
    session: Session,
    shop_id: uuid.UUID,
    ticket: Ticket,
    message: TicketMessage,
    flags: Iterable[str],
    policy: AbusePolicy,
    now: datetime,
    *,
    evidence: Mapping[str, str] | None = None,
    actor: str = SYSTEM_ACTOR,
) -> list[SupportIncident]:
    """One `threat` incident per threat flag of the message, with its evidence (the
    sentence the analysis names, else the message's start) and the teams it is routed
    to. Threats never change the resolution; recording again adds nothing."""
    given = set(flags)
    routes_for(given, policy)  # refuses an unknown flag
    sender = sender_of(ticket.customer_id, message.author_address, ticket.id)
    return [
        _add_incident(
            session,
            shop_id,
            ticket,
            message,
            sender,
            IncidentKind.THREAT,
            flag,
            policy,
            now,
            actor,
            evidence=(evidence or {}).get(flag),
        )
        for flag in THREAT_FLAGS
        if flag in given
    ]


def lift_block(
    session: Session,
    shop_id: uuid.UUID,
    sender: Sender,
    note: str,
    now: datetime,
    actor: str,
) -> SupportIncident:
    """An agent lifts the sender's block (the note says why); the warning window starts
    afresh. Raises InvalidInput without a note, Conflict when the sender is not blocked."""
    if not note.strip():
        raise InvalidInput("a note is required to lift a block",
                           [FieldError("note", "say why the block is lifted")])  # fmt: skip
    lock_sender(session, shop_id, sender)
    state = block_state(session, shop_id, sender, now, 1)
    if not state.blocked or state.block_id is None:
        raise Conflict("this customer is not blocked on support channels")
    block = session.get(SupportIncident, state.block_id)
    assert block is not None
    lift = SupportIncident(
        shop_id=shop_id, customer_id=sender.customer_id or block.customer_id,
        contact=block.contact or sender.contact, ticket_id=sender.ticket_id, message_id=None,
        kind=IncidentKind.LIFT, flag="", routes=[], evidence="", at=now, actor=actor,
        note=note.strip(),
    )  # fmt: skip
    session.add(lift)
    session.flush()
    untagged = untag_blocked_tickets(session, shop_id, Sender(lift.customer_id, lift.contact,
                                                       lift.ticket_id))  # fmt: skip
    _audit(session, lift, {"block_id": str(block.id), "note": lift.note, "tickets": untagged})
    return lift


def list_incidents(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, limit: int = 100, offset: int = 0
) -> list[SupportIncident]:
    """The customer's incidents, newest first."""
    query = (
        select(SupportIncident)
        .where(SupportIncident.shop_id == shop_id, SupportIncident.customer_id == customer_id)
        .order_by(SupportIncident.at.desc(), SupportIncident.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(query))


def conversation_of(
    session: Session, shop_id: uuid.UUID, ticket: Ticket, now: datetime, *, legal_counsel: bool
) -> Conversation:
    """The ticket as the protocol sees it, from its incidents: the abusive and threat
    flags of each message, and whether its sender is blocked now."""
    rows = session.execute(
        select(SupportIncident.message_id, SupportIncident.flag)
        .where(SupportIncident.ticket_id == ticket.id, SupportIncident.message_id.is_not(None))
        .order_by(SupportIncident.at, SupportIncident.id)
    )
    by_message: dict[uuid.UUID, set[str]] = {}
    for message_id, flag in rows:
        if message_id is not None:
            by_message.setdefault(message_id, set()).add(flag)
    blocked = BLOCKED_TAG in (ticket.tags or [])
    if not blocked:
        sender = Sender(ticket.customer_id, None)
        blocked = sender.known and block_state(session, shop_id, sender, now, 1).blocked
    flags = [frozenset(f) for f in by_message.values()]
    return Conversation(flags, blocked=blocked, legal_counsel=legal_counsel)


def _step_of_message(
    session: Session, message: TicketMessage, policy: AbusePolicy, lang: str | None
) -> AbuseStep | None:
    """The step already taken for this message (a replay), if any."""
    found = session.scalars(
        select(SupportIncident).where(
            SupportIncident.message_id == message.id,
            SupportIncident.kind.in_((IncidentKind.WARNING, IncidentKind.BLOCK)),
        )
    ).first()
    if found is None:
        return None
    outcome = AbuseOutcome.BLOCKED if found.kind is IncidentKind.BLOCK else AbuseOutcome.WARNED
    return AbuseStep(outcome, found.id, render_notice(_NOTICES[found.kind], lang, policy))


def _add_incident(
    session: Session,
    shop_id: uuid.UUID,
    ticket: Ticket,
    message: TicketMessage,
    sender: Sender,
    kind: IncidentKind,
    flag: str,
    policy: AbusePolicy,
    now: datetime,
    actor: str,
    *,
    evidence: str | None = None,
    note: str = "",
) -> SupportIncident:
    routes = list(routes_for([flag], policy)) if kind is IncidentKind.THREAT else []

    def create() -> SupportIncident:
        return SupportIncident(
            shop_id=shop_id, customer_id=sender.customer_id, contact=sender.contact,
            ticket_id=ticket.id, message_id=message.id, kind=kind, flag=flag, routes=routes,
            evidence=excerpt(evidence or message.body, policy.evidence_chars), at=now,
            actor=actor, note=note,
        )  # fmt: skip

    key = {"message_id": message.id, "kind": kind, "flag": flag}
    incident, action = store_keyed(session, SupportIncident, key, create=create)
    if action == "created":
        _audit(session, incident, {"message_id": str(message.id), "flag": flag, "routes": routes})
    return incident


def excerpt(text: str, limit: int) -> str:
    """The first `limit` characters of the text on one line, "…" when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _tag(ticket: Ticket, tag: str) -> None:
    if tag not in (ticket.tags or []):
        ticket.tags = [*(ticket.tags or []), tag]


def _audit(session: Session, incident: SupportIncident, data: dict[str, object]) -> None:
    record(
        session, shop_id=incident.shop_id, at=incident.at, actor=incident.actor,
        action=f"support.{_ACTIONS[incident.kind]}", subject_type="support_incident",
        subject_id=incident.id, customer_id=incident.customer_id,
        data={"kind": incident.kind.value, "ticket_id": str(incident.ticket_id or ""), **data},
    )  # fmt: skip


_ACTIONS = {
    IncidentKind.WARNING: "abuse_warned",
    IncidentKind.BLOCK: "sender_blocked",
    IncidentKind.LIFT: "block_lifted",
    IncidentKind.THREAT: "threat_recorded",
}

__all__ = [
    "SYSTEM_ACTOR",
    "AbuseStep",
    "conversation_of",
    "excerpt",
    "handle_abuse",
    "lift_block",
    "list_incidents",
    "record_threats",
]  # fmt: skip
