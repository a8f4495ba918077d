"""The support desk's pipeline for one inbound customer message (decision 8): the facts as
of now, the playbook's resolution (threat-blind), the dispute flag, the threat routes, the
zero-tolerance step and the drafted reply, stored as one `MessageAnalysis` in the caller's
transaction. `recommend` is the read-only half the CLI uses."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.policy.document import Policy
from goodbuyer.policy.service import active_policy
from goodbuyer.shops.models import Shop
from goodbuyer.support.abuse import AbuseStep, handle_abuse, record_threats
from goodbuyer.support.abuse_kinds import BLOCKED_TAG, WARNED_TAG, AbuseOutcome
from goodbuyer.support.abuse_notices import RenderedNotice, official_channel_text
from goodbuyer.support.ending import ENDED_TAG, LEGAL_COUNSEL_TAG, REASON_TAGS, Ending, ending_of
from goodbuyer.support.facts import gather_facts
from goodbuyer.support.intake.mentions import PUBLIC_TAG
from goodbuyer.support.intake.writeback import queue_helpdesk_writeback
from goodbuyer.support.models import MessageAnalysis, Ticket, TicketMessage
from goodbuyer.support.playbook import Resolution, dispute_flag, resolve
from goodbuyer.support.reading import model_version
from goodbuyer.support.replies import Draft, ReplyError, ReplyInput, draft_reply
from goodbuyer.support.replies.dates import local_day
from goodbuyer.support.routing import routes_for
from goodbuyer.support.statuses import Channel
from goodbuyer.support.ticket_facts import TicketFacts
from goodbuyer.support.triage.labels import FLAGS, INTENTS
from goodbuyer.support.triage.pipeline import Analysis

THREAT_FLAGS = ("threat_review", "threat_legal", "threat_chargeback")
# Kept from one analysis to the next: what the messages were about, zero tolerance's own
# tags (`abuse_warning`, `blocked`: set and lifted by support.abuse) and the end of the
# conversation (`conversation_ended`, `ended:<reason>`, `legal_counsel`: support.ending).
KEPT_TAGS = (
    frozenset(INTENTS) | frozenset(FLAGS) | REASON_TAGS
    | {WARNED_TAG, BLOCKED_TAG, PUBLIC_TAG, ENDED_TAG, LEGAL_COUNSEL_TAG}
)  # fmt: skip


@dataclass(frozen=True)
class Recommendation:
    """What the desk recommends for one message, before anything is stored."""

    facts: TicketFacts
    resolution: Resolution
    dispute: str | None
    routes: tuple[str, ...]
    draft: Draft | None
    draft_problem: str | None


def recommend(
    shop: Shop,
    ticket: Ticket,
    analysis: Analysis,
    policy: Policy,
    facts: TicketFacts,
    *,
    public: bool = False,
) -> Recommendation:
    """The resolution (from intent and facts only), the routes and the drafted reply."""
    resolution = resolve(policy.support, analysis.intent, facts)
    dispute = dispute_flag(analysis.intent, facts)
    routes = routes_for(analysis.flags, policy.abuse)
    draft, problem = _draft(shop, ticket, analysis, policy, facts, resolution, public)
    return Recommendation(facts, resolution, dispute, routes, draft, problem)


def process_message(
    session: Session,
    shop: Shop,
    ticket: Ticket,
    message: TicketMessage,
    analysis: Analysis,
    now: datetime,
    actor: str,
    *,
    as_of: datetime | None = None,
) -> MessageAnalysis:
    """Analyse one stored inbound message once (a replay returns the stored analysis).
    `as_of`: the message is read after the fact (a history import read later): zero
    tolerance counts it, and the facts are read, as of that moment, not of `now`."""
    stored = session.scalar(select(MessageAnalysis).where(MessageAnalysis.message_id == message.id))
    if stored is not None:
        return stored
    policy = active_policy(session, shop.id, now).policy
    at = min(as_of, now) if as_of is not None else now
    step = handle_abuse(
        session,
        shop.id,
        ticket,
        message,
        "abusive" in analysis.flags,
        policy.abuse,
        at,
        analysis.lang,
        actor=actor,
    )
    threats = [f for f in analysis.flags if f in THREAT_FLAGS]
    if threats:
        record_threats(session, shop.id, ticket, message, threats, policy.abuse, at, actor=actor)
    blocked = step.outcome in (AbuseOutcome.BLOCKED, AbuseOutcome.ALREADY_BLOCKED)
    ending = ending_of(session, ticket, at, policy.abuse, analysis.lang) if not blocked else None
    facts = gather_facts(session, ticket, policy, at, blocked=blocked, rewind=at < now)
    public = bool((message.raw or {}).get("public")) or ticket.channel == Channel.SOCIAL
    advice = recommend(shop, ticket, analysis, policy, facts, public=public)
    draft, problem = _with_abuse_step(advice.draft, advice.draft_problem, step)
    if ending is not None:
        draft, problem = _ended(ending), ending.problem
    row = MessageAnalysis(
        shop_id=shop.id,
        ticket_id=ticket.id,
        message_id=message.id,
        lang=analysis.lang,
        intent=analysis.intent,
        flags=list(analysis.flags),
        angry=analysis.angry,
        confidence=dict(analysis.confidence),
        route="human" if (problem or blocked or ending) else analysis.route,
        vip=facts.vip,
        facts=_jsonable(asdict(facts)),
        resolution=_jsonable(asdict(advice.resolution)),
        dispute=advice.dispute,
        routes=sorted({*advice.routes, *(ending.routes if ending else ())}),
        abuse_step=step.outcome.value,
        draft=_jsonable(asdict(draft)) if draft else None,
        draft_problem=problem,
        model_version=model_version(),
        analysed_at=now,
    )
    session.add(row)
    session.flush()
    _update_ticket(ticket, row)
    if ending is not None:
        _record_ending(session, ticket, ending, message, now, actor)
    queue_helpdesk_writeback(session, ticket, message.id, ticket.tags, helpdesk_note(row), now)
    record(
        session,
        shop_id=shop.id,
        at=now,
        actor=actor,
        action="message.analysed",
        subject_type="ticket",
        subject_id=ticket.id,
        customer_id=ticket.customer_id,
        order_id=ticket.order_id,
        data={
            "message_id": str(message.id),
            "intent": row.intent,
            "flags": row.flags,
            "resolution": advice.resolution.kind.value,
            "routes": row.routes,
            "abuse_step": row.abuse_step,
        },
    )
    return row


def ticket_tags(previous: list[str], row: MessageAnalysis) -> list[str]:
    """A ticket's tags (also written to a helpdesk): every intent and flag its messages
    ever had, bare (`discount_request`, `threat_legal`: the risk features count them),
    then the latest state (`lang:fi`, `vip`, `open_dispute`, `route:legal`,
    `needs_human`, `resolution:reship`); zero tolerance's `abuse_warning` and `blocked`
    stay until it lifts them."""
    content = {t for t in previous if t in KEPT_TAGS} | {row.intent, *row.flags}
    state = [f"lang:{row.lang}"]
    if row.vip:
        state.append("vip")
    if row.dispute:
        state.append("open_dispute")
    state += [f"route:{r}" for r in row.routes]
    if row.route == "human":
        state.append("needs_human")
    if row.resolution:
        state.append(f"resolution:{row.resolution['kind']}")
    return sorted(content) + state


def helpdesk_note(row: MessageAnalysis) -> str:
    """The internal note a helpdesk gets beside the tags: what was read, what to do, the
    draft (or why there is none)."""
    confidence = row.confidence.get("intent")
    lines = [
        f"Read: {row.lang}, intent {row.intent}"
        + (f" ({confidence:.0%})" if confidence is not None else "")
        + f", anger {row.angry}/2, flags: {', '.join(row.flags) or 'none'}"
        + (", for a person to check" if row.route == "human" else ""),
    ]
    if row.resolution:
        lines.append(f"Resolution: {row.resolution['kind']} ({row.resolution['reason']})")
    if row.dispute:
        lines.append(f"Open dispute: {row.dispute}")
    if row.routes:
        lines.append(f"Routed to: {', '.join(row.routes)}")
    if row.abuse_step != AbuseOutcome.NONE.value:
        lines.append(f"Zero tolerance: {row.abuse_step}")
    if row.draft:
        lines += ["", "Drafted reply:", str(row.draft["body"])]
    elif row.draft_problem:
        lines.append(f"No draft: {row.draft_problem}")
    return "\n".join(lines)


def _update_ticket(ticket: Ticket, row: MessageAnalysis) -> None:
    ticket.intent = row.intent
    ticket.vip = row.vip
    ticket.route = row.route
    ticket.analysis_id = row.id
    ticket.language = ticket.language or row.lang
    ticket.tags = ticket_tags(list(ticket.tags or ()), row)


def _draft(
    shop: Shop,
    ticket: Ticket,
    analysis: Analysis,
    policy: Policy,
    facts: TicketFacts,
    resolution: Resolution,
    public: bool,
) -> tuple[Draft | None, str | None]:
    data = ReplyInput(
        lang=analysis.lang,
        intent=analysis.intent,
        resolution=resolution.kind.value,
        goodwill=resolution.goodwill,
        channel=ticket.channel.value,
        public=public,
        flags=analysis.flags,
        first_name=facts.first_name,
        order_number=facts.order_number,
        tracking_url=facts.tracking_url,
        tracking_number=facts.tracking_number,
        carrier=facts.carrier,
        days_late=facts.days_late,
        delivered_on=local_day(facts.delivered_at, shop.timezone) if facts.delivered_at else None,
        refund_amount=resolution.refund_amount,
        credit_amount=resolution.credit_amount,
        fee_amount=resolution.fee_amount,
        currency=facts.currency or policy.currency or shop.currency,
        shop_name=shop.name,
        official_channel=policy.replies.official_channel
        or official_channel_text(policy.abuse, analysis.lang),
    )
    try:
        return draft_reply(data, policy.replies), None
    except ReplyError as e:
        return None, str(e)


def _with_abuse_step(
    draft: Draft | None, problem: str | None, step: AbuseStep
) -> tuple[Draft | None, str | None]:
    """After a warning the request is still answered, the warning first; a blocked
    sender gets the block notice once, then nothing (R4.6)."""
    if not step.drafts_reply:
        if step.notice is None:
            return None, "the sender is blocked on support channels (zero tolerance)"
        return _notice_draft(step.notice), None
    if step.text and draft is not None:
        return replace(draft, body=f"{step.text}\n\n{draft.body}"), problem
    return draft, problem


def _ended(ending: Ending) -> Draft | None:
    """The end notice for the message that ends the conversation; nothing after it."""
    return _notice_draft(ending.notice) if ending.notice is not None else None


def _notice_draft(notice: RenderedNotice) -> Draft:
    """A zero-tolerance or end notice sent as the reply (`abuse/block`, `abuse/ended`)."""
    return Draft(lang=notice.language, subject=None, body=notice.text, public_reply=None,
                 template_key=f"abuse/{notice.notice}")  # fmt: skip


def _record_ending(
    session: Session, ticket: Ticket, ending: Ending, message: TicketMessage, now: datetime,
    actor: str,
) -> None:  # fmt: skip
    """Tag the ticket; the first time (the notice goes out), an audit event says why."""
    ticket.tags = [*ticket.tags, *(t for t in ending.tags if t not in ticket.tags)]
    if ending.notice is not None:
        record(session, shop_id=ticket.shop_id, at=now, actor=actor,
               action="ticket.conversation_ended", subject_type="ticket", subject_id=ticket.id,
               customer_id=ticket.customer_id, order_id=ticket.order_id,
               data={"reason": ending.reason.value, "message_id": str(message.id)})  # fmt: skip


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value


__all__ = ["Recommendation", "helpdesk_note", "process_message", "recommend", "ticket_tags"]
