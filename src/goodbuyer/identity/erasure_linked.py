"""Erasure in the other features' tables: webhook payloads, returns, refunds, chargebacks,
shipments, tickets, surveys, the outbox, lists, segments and decisions. Free text written
by or about the person is erased whole; generated text loses the person's values."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.confirmations.statuses import OPEN_STATUSES, ConfirmationStatus, DeliveryStatus
from goodbuyer.deliveries.models import Shipment, ShipmentEvent, SurveyAnswer
from goodbuyer.identity.erasure_tables import Counts, changed, count_changed
from goodbuyer.identity.footprint import Footprint
from goodbuyer.identity.redaction import ERASED, Scrubber, erased_text, ids_only, pseudonym
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.policy.models import ListEntry, SegmentMembership
from goodbuyer.policy.statuses import ListKind, ListSubject
from goodbuyer.returns.models import Return
from goodbuyer.risk.models import Decision
from goodbuyer.store.models import SourceEvent
from goodbuyer.support.abuse_models import SupportIncident
from goodbuyer.support.intake.models import HelpdeskWriteback
from goodbuyer.support.intake.statuses import WritebackStatus
from goodbuyer.support.models import MessageAnalysis, Ticket, TicketMessage
from goodbuyer.support.statuses import AuthorKind

NOT_SENT = "not sent: the customer's personal data was erased"
_UNSENT = (DeliveryStatus.PENDING, DeliveryStatus.SENDING)
_CONTACT_SUBJECTS = (ListSubject.PHONE, ListSubject.EMAIL, ListSubject.ADDRESS)


def _payload_id(*path: str) -> Any:
    # Platforms send ids as numbers or strings: compared as text on both databases.
    return cast(SourceEvent.payload[path if len(path) > 1 else path[0]].as_string(), String)


def _source_matches(fp: Footprint) -> Any:
    """Deliveries that carried the person's orders, their records at the platform, or
    their e-mail (orders, fulfillments, refunds, customer topics; stored or rejected)."""
    by_source: dict[str, tuple[set[str], set[str]]] = {}
    for order in fp.orders:
        by_source.setdefault(order.source, (set(), set()))[0].add(order.external_id)
    for customer in fp.customers:
        source, _, external = customer.key.partition(":")
        if source not in ("email", "phone", "order", "erased") and external:
            by_source.setdefault(source, (set(), set()))[1].add(external)
    matches = [
        and_(
            SourceEvent.source == source,
            or_(
                _payload_id("id").in_(orders) & ~SourceEvent.topic.startswith("customer"),
                _payload_id("order_id").in_(orders),
                _payload_id("id").in_(customers) & SourceEvent.topic.startswith("customer"),
                _payload_id("customer", "id").in_(customers),
                _payload_id("customer_id").in_(customers),
            ),
        )
        for source, (orders, customers) in by_source.items()
    ]
    emails = sorted(fp.emails)
    matches += [
        func.lower(_payload_id(*path)).in_(emails)
        for path in (("email",), ("customer", "email"), ("billing", "email"))
    ]
    return or_(*matches)


def erase_source_events(session: Session, fp: Footprint, scrub: Scrubber) -> Counts:
    """Each delivery keeps its topic, delivery id and the ids its payload named; a
    rejected one's outcome may have quoted a value."""
    events = session.scalars(
        select(SourceEvent).where(SourceEvent.shop_id == fp.shop_id, _source_matches(fp))
    )

    def change(e: SourceEvent) -> bool:
        return changed(e, payload=ids_only(e.payload), outcome=scrub.text(e.outcome))

    return {"source_events": count_changed(events, change)}


def erase_after_sales(session: Session, fp: Footprint, scrub: Scrubber) -> Counts:
    """Returns, refunds, chargebacks and shipments keep amounts, reasons as codes, lines,
    dates and tracking; their raw documents and free texts go."""
    orders = fp.order_ids
    returns = session.scalars(
        select(Return).where(or_(Return.order_id.in_(orders), Return.customer_id.in_(fp.members)))
    )
    refunds = session.scalars(select(Refund).where(Refund.order_id.in_(orders)))
    chargebacks = session.scalars(select(Chargeback).where(Chargeback.order_id.in_(orders)))
    shipments = list(session.scalars(select(Shipment).where(Shipment.order_id.in_(orders))))
    scans = session.scalars(
        select(ShipmentEvent).where(ShipmentEvent.shipment_id.in_([s.id for s in shipments]))
    )

    def erase_return(r: Return) -> bool:
        return changed(r, reason_text=erased_text(r.reason_text), photos=[], raw=ids_only(r.raw))

    return {
        "returns": count_changed(returns, erase_return),
        "refunds": count_changed(
            refunds, lambda r: changed(r, reason=erased_text(r.reason), raw=ids_only(r.raw))
        ),
        "chargebacks": count_changed(chargebacks, lambda c: changed(c, raw=ids_only(c.raw))),
        "shipments": count_changed(shipments, lambda s: changed(s, raw=ids_only(s.raw))),
        "shipment_events": count_changed(
            scans,
            lambda e: changed(
                e, location=scrub.text(e.location), description=scrub.text(e.description)
            ),
        ),
    }


def erase_conversations(session: Session, fp: Footprint, scrub: Scrubber) -> Counts:
    """Tickets keep channel, status, tags and dates; every message body goes, and the
    person's name and address as an author. Survey scores stay, comments go."""
    tickets = fp.ticket_ids
    messages = session.scalars(select(TicketMessage).where(TicketMessage.ticket_id.in_(tickets)))
    answers = session.scalars(
        select(SurveyAnswer).where(
            or_(
                SurveyAnswer.customer_id.in_(fp.members),
                SurveyAnswer.order_id.in_(fp.order_ids),
                SurveyAnswer.ticket_id.in_(tickets),
            )
        )
    )
    threads = session.scalars(select(Ticket).where(Ticket.id.in_(tickets)))
    return {
        "tickets": count_changed(
            threads, lambda t: changed(t, subject=erased_text(t.subject), tags=scrub.doc(t.tags))
        ),
        "ticket_messages": count_changed(messages, lambda m: _erase_message(m, scrub)),
        "survey_answers": count_changed(
            answers, lambda a: changed(a, comment=erased_text(a.comment))
        ),
    }


# What a stored analysis keeps of the facts once the person is erased: the order's state,
# never a name, number, tracking code or link.
_IMPERSONAL_FACTS = (
    "has_order", "order_status", "payment_method", "shipped", "delivered_scan", "days_late",
    "days_since_delivery", "fault", "order_total", "currency", "net_value", "vip", "segments",
    "blocked", "affected_total",
)  # fmt: skip


def erase_analyses(session: Session, fp: Footprint) -> Counts:
    """A message's analysis keeps what was read (language, intent, flags, anger) and the
    resolution's kind and amounts; the facts' personal parts, the resolution's reason, the
    dispute's text and the drafted reply go."""
    analyses = session.scalars(
        select(MessageAnalysis).where(MessageAnalysis.ticket_id.in_(fp.ticket_ids))
    )

    def change(a: MessageAnalysis) -> bool:
        facts = {k: v for k, v in a.facts.items() if k in _IMPERSONAL_FACTS}
        resolution = a.resolution and {k: v for k, v in a.resolution.items() if k != "reason"}
        return changed(
            a, facts=facts, resolution=resolution, dispute=erased_text(a.dispute), draft=None,
            draft_problem=ERASED if a.draft or a.draft_problem else None,
        )  # fmt: skip

    return {"message_analyses": count_changed(analyses, change)}


# Why a write-back still waiting was stopped by an erasure.
WRITEBACK_STOPPED = "not pushed: the customer's data was erased before it reached the helpdesk"


def erase_writebacks(session: Session, fp: Footprint) -> Counts:
    """A helpdesk write-back keeps its ticket, tags and status; its note (the analysis and
    the drafted reply) goes. One not pushed yet is stopped, so nothing of the person is
    sent after the erasure; a note already in the helpdesk is the helpdesk's to erase."""
    writebacks = session.scalars(
        select(HelpdeskWriteback).where(HelpdeskWriteback.ticket_id.in_(fp.ticket_ids))
    )

    def change(w: HelpdeskWriteback) -> bool:
        if w.status is WritebackStatus.PENDING:
            return changed(w, note=ERASED, status=WritebackStatus.FAILED,
                           last_error=WRITEBACK_STOPPED)  # fmt: skip
        return changed(w, note=ERASED if w.note else "")

    return {"helpdesk_writebacks": count_changed(writebacks, change)}


def erase_incidents(session: Session, fp: Footprint) -> Counts:
    """Support incidents keep their kind, flag, routes, time and actor; the evidence
    quoted from the person's messages, the agent's note and the sender's contact go."""
    contacts = sorted(fp.emails | fp.phones)
    incidents = session.scalars(
        select(SupportIncident).where(
            SupportIncident.shop_id == fp.shop_id,
            or_(
                SupportIncident.customer_id.in_(fp.members),
                SupportIncident.ticket_id.in_(fp.ticket_ids),
                SupportIncident.contact.in_(contacts),
            ),
        )
    )

    def change(i: SupportIncident) -> bool:
        evidence = ERASED if i.evidence else ""
        return changed(i, evidence=evidence, note=ERASED if i.note else "", contact=None)

    return {"support_incidents": count_changed(incidents, change)}


def _erase_message(message: TicketMessage, scrub: Scrubber) -> bool:
    mine = message.author_kind is AuthorKind.CUSTOMER
    return changed(
        message,
        body=ERASED,
        raw=ids_only(message.raw),
        author_name=None if mine else scrub.text(message.author_name),
        author_address=None if mine else scrub.text(message.author_address),
    )


def erase_outbox(session: Session, fp: Footprint, scrub: Scrubber) -> Counts:
    """Messages to the person lose recipient, subject and body; one not sent yet never
    will be."""
    messages = session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.shop_id == fp.shop_id,
            or_(
                OutboxMessage.customer_id.in_(fp.members),
                OutboxMessage.order_id.in_(fp.order_ids),
            ),
        )
    )

    def change(m: OutboxMessage) -> bool:
        unsent = m.status in _UNSENT
        return changed(
            m,
            recipient=ERASED,
            subject=erased_text(m.subject),
            body=ERASED,
            last_error=NOT_SENT if unsent else scrub.text(m.last_error),
            status=DeliveryStatus.FAILED if unsent else m.status,
        )

    return {"outbox_messages": count_changed(messages, change)}


def erase_confirmations(session: Session, fp: Footprint) -> Counts:
    """A confirmation loses the number it was sent to and the zone that number placed it
    in; an open one stops (nobody to ask)."""
    found = session.scalars(select(Confirmation).where(Confirmation.order_id.in_(fp.order_ids)))

    def change(c: Confirmation) -> bool:
        status = ConfirmationStatus.CLOSED if c.status in OPEN_STATUSES else c.status
        return changed(c, phone=None, time_zone="UTC", claimed_by=None, status=status)

    return {"confirmations": count_changed(found, change)}


def erase_flags(session: Session, fp: Footprint, scrub: Scrubber, salt: bytes) -> Counts:
    """Block-list entries on the person's phone, e-mail, address or records are kept with
    their reason (the evidence) and an irreversible pseudonym for the value; allow-list
    entries and entries without a reason are deleted. Segment memberships stay with their
    evidence, less the person's values."""
    values = sorted(fp.values | fp.phones | fp.emails) + [str(m) for m in fp.members]
    entries = list(
        session.scalars(
            select(ListEntry).where(
                ListEntry.shop_id == fp.shop_id,
                ListEntry.subject.in_([*_CONTACT_SUBJECTS, ListSubject.CUSTOMER]),
                ListEntry.value.in_(values),
            )
        )
    )
    dropped = [e for e in entries if e.kind is not ListKind.BLOCK or not e.reason.strip()]
    for entry in dropped:
        session.delete(entry)
    kept = [e for e in entries if e not in dropped]
    rewritten = count_changed(
        kept, lambda e: changed(e, value=pseudonym(e.value, salt), reason=scrub.text(e.reason))
    )
    memberships = session.scalars(
        select(SegmentMembership).where(SegmentMembership.customer_id.in_(fp.members))
    )
    return {
        "list_entries": len(dropped) + rewritten,
        "segment_memberships": count_changed(
            memberships,
            lambda s: changed(s, reason=scrub.text(s.reason), evidence=scrub.doc(s.evidence)),
        ),
    }


def erase_decisions(session: Session, fp: Footprint, scrub: Scrubber) -> Counts:
    """Decisions keep outcome, score and every rule's verdict; reasons and evidence lose
    the person's values."""
    decisions = list(session.scalars(select(Decision).where(Decision.order_id.in_(fp.order_ids))))
    executions = [e for d in decisions for e in d.executions]
    return {
        "decisions": count_changed(
            decisions, lambda d: changed(d, counterfactuals=scrub.doc(d.counterfactuals))
        ),
        "rule_executions": count_changed(
            executions,
            lambda e: changed(e, reason=scrub.text(e.reason), evidence=scrub.doc(e.evidence)),
        ),
    }


__all__ = [
    "NOT_SENT",
    "erase_after_sales",
    "erase_analyses",
    "erase_confirmations",
    "erase_conversations",
    "erase_decisions",
    "erase_flags",
    "erase_incidents",
    "erase_outbox",
    "erase_source_events",
    "erase_writebacks",
]
