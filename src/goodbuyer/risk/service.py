"""Decision use cases: decide on a stored order (at ingestion), decide on a payload
without storing it, keep a person's segments current, read a decision."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Uuid, bindparam, insert, select
from sqlalchemy.orm import Session

from goodbuyer.confirmations import service as confirmations
from goodbuyer.errors import NotFound
from goodbuyer.identity.history import household_of
from goodbuyer.identity.linking import contact_record
from goodbuyer.identity.lookup import look_up
from goodbuyer.identity.models import OrderCheck
from goodbuyer.identity.persons import person_and_members
from goodbuyer.identity.records import PersonRecord
from goodbuyer.identity.service import Checked
from goodbuyer.policy import service as policies
from goodbuyer.risk import model_service as models
from goodbuyer.risk.compiled import CompiledPolicy
from goodbuyer.risk.decide import Verdict, decide, segments_of
from goodbuyer.risk.decision_rows import decision_rows
from goodbuyer.risk.facts import PlacedOrder
from goodbuyer.risk.features import Context, Features, customer_features, order_features
from goodbuyer.risk.guardrails import check_guardrails
from goodbuyer.risk.live import facts_before, keys_of, velocity_of
from goodbuyer.risk.memberships import sync_memberships
from goodbuyer.risk.models import Decision, RuleExecution
from goodbuyer.risk.replay import NO_HOUSE_NUMBER
from goodbuyer.risk.statuses import Outcome
from goodbuyer.shopify import service as shopify
from goodbuyer.store.models import Order, OrderLine
from goodbuyer.store.schemas import OrderIn

_UNSTORED = uuid.UUID(int=0)
EVERYTHING = datetime.max.replace(
    tzinfo=UTC
)  # a cut-off that leaves nothing out  # the id of an order decided without storing it

_LINES = select(
    OrderLine.sku, OrderLine.product, OrderLine.size, OrderLine.colour, OrderLine.quantity
).where(OrderLine.order_id == bindparam("order", type_=Uuid()))
# What a decision reads of a stored order and its check (not the whole rows: `raw`).
_ORDER = select(
    Order.id, Order.shop_id, Order.customer_id, Order.placed_at, Order.total, Order.currency,
    Order.payment_method, Order.ship_country, Order.ship_postcode, Order.status, Order.phone,
    Order.language,
).where(Order.id == bindparam("order", type_=Uuid()))  # fmt: skip
_CHECK = select(
    OrderCheck.person_id, OrderCheck.history, OrderCheck.ghost_signals, OrderCheck.ghost_score
).where(OrderCheck.order_id == bindparam("order", type_=Uuid()))
_INSERT_DECISION = insert(Decision)
_INSERT_EXECUTIONS = insert(RuleExecution)
_LATEST = (
    select(Decision)
    .where(Decision.order_id == bindparam("order", type_=Uuid()))
    .order_by(Decision.decided_at.desc(), Decision.id.desc())
    .limit(1)
)


def placed_order(
    order_id: uuid.UUID, placed_at: datetime, total: int, currency: str, payment: str,
    lines: Sequence[tuple[str, str, str | None, str | None, int]],
) -> PlacedOrder:  # fmt: skip
    """An order as the features see it, from its lines (sku, product, size, colour, qty)."""
    variants: dict[str, set[tuple[str | None, str | None]]] = {}
    for _sku, product, size, colour, _qty in lines:
        variants.setdefault(product, set()).add((size, colour))
    return PlacedOrder(
        order_id, placed_at, total, currency, payment, sum(q for *_, q in lines),
        frozenset(sku for sku, *_ in lines), max((len(v) for v in variants.values()), default=0),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Decided:
    verdict: Verdict
    features: Features
    policy_version: int | None
    contributions: dict[str, Any]


def _features(
    session: Session, shop_id: uuid.UUID, policy: CompiledPolicy, placed: PlacedOrder,
    members: list[uuid.UUID], household: list[uuid.UUID], context: dict[str, Any],
    keys: Sequence[Any], lists: tuple[tuple[str, ...], tuple[str, ...]], now: datetime,
) -> tuple[Features, Features, dict[str, Any]]:  # fmt: skip
    """(all features, customer.* features, the model's explanation) of an order."""
    known = facts_before(session, shop_id, policy.money, members, household,
                         placed.order_id, placed.placed_at, max(now, placed.placed_at))  # fmt: skip
    velocity = velocity_of(session, shop_id, known.person, placed, keys)
    customer = customer_features(known.person, placed.placed_at)
    segments = tuple(m.segment for m in segments_of(policy, customer))
    snoozed = policies.snoozed_rules(session, shop_id, members, now)
    ctx = Context(velocity=velocity, block=lists[0], allow=lists[1], segments=segments,
                  snoozed=snoozed, **context)  # fmt: skip
    features = order_features(placed, known.person, known.household, ctx, customer=customer)
    contributions: dict[str, Any] = {}
    if policy.policy.model.enabled:
        rto, returns, contributions = models.score(session, shop_id, features)
        features["model.rto_risk"], features["model.return_risk"] = rto, returns
    return features, customer, contributions


GUARDRAIL_EVERY = timedelta(minutes=1)  # a shop's guardrails are counted at most this often
_guarded: dict[uuid.UUID, datetime] = {}


def guardrails_due(shop_id: uuid.UUID, now: datetime) -> bool:
    """True at most once per GUARDRAIL_EVERY per shop in this process (the counts read a
    whole window of decisions)."""
    last = _guarded.get(shop_id)
    if last is not None and timedelta(0) <= now - last < GUARDRAIL_EVERY:
        return False
    _guarded[shop_id] = now
    return True


class StoredDecision(NamedTuple):
    id: uuid.UUID
    outcome: Outcome


def decide_order(
    session: Session, order_id: uuid.UUID, now: datetime, actor: str, *,
    check: Checked | None = None,
) -> StoredDecision:  # fmt: skip
    """Decide on a stored, checked order (`check`: its check, when the caller has just
    made it); store the decision and bring the person's segments up to date (R2.1, R2.3)."""
    session.flush()  # read through the connection below: no autoflush
    conn = session.connection()
    order = conn.execute(_ORDER, {"order": order_id}).first()
    if check is None:
        row = conn.execute(_CHECK, {"order": order_id}).first()
        check = None if row is None else Checked(*row)
    if order is None or check is None:
        raise NotFound(f"order {order_id} is not stored and checked")
    policy = policies.active_policy(session, order.shop_id)
    found = conn.execute(_LINES, {"order": order_id})
    lines = [(r[0], r[1], r[2], r[3], r[4]) for r in found]
    placed = placed_order(order.id, order.placed_at, order.total, order.currency,
                          order.payment_method.value, lines)  # fmt: skip
    history = check.history or {}
    members = [uuid.UUID(m) for m in history.get("customer_records", [])] or [order.customer_id]
    household = [uuid.UUID(h) for h in history.get("household_records", [])]
    codes = tuple(s["code"] for s in check.ghost_signals or ())
    context = _context(order.ship_country or "", check.ghost_score, codes)
    keys = keys_of(session, [order.customer_id])
    postcode = policies.postcode_value(order.ship_country, order.ship_postcode)
    lists = _lists(session, order.shop_id, policy, keys, members, postcode, now)
    features, customer, contributions = _features(
        session, order.shop_id, policy, placed, members, household, context, keys, lists, now
    )
    sync_memberships(session, order.shop_id, check.person_id, segments_of(policy, customer),
                     policy.version, now, actor=actor)  # fmt: skip
    verdict = decide(policy, features)
    decision = store_decision(session, order.shop_id, order_id, verdict, features, policy.version,
                              now, contributions)  # fmt: skip
    _hold_if_needed(session, order, verdict.outcome, policy, now, actor)
    if guardrails_due(order.shop_id, now):
        check_guardrails(session, order.shop_id, policy, now)
    shopify.queue_decision_tags(
        session, order.shop_id, order_id, outcome=verdict.outcome, segments=verdict.segments,
        perks=verdict.perks, limits=verdict.limits, now=now,
    )  # fmt: skip
    return StoredDecision(decision, verdict.outcome)


def _hold_if_needed(
    session: Session, order: confirmations.Holdable, outcome: Outcome, policy: CompiledPolicy,
    now: datetime, actor: str,
) -> None:  # fmt: skip
    """An order decided "confirm" waits for its customer (the ladder starts in a worker)."""
    if confirmations.needs_confirmation(order, outcome, policy.policy.confirmation):
        confirmations.hold_for_confirmation(session, order, policy.version, now, actor)


def _context(country: str, ghost_score: float, codes: tuple[str, ...]) -> dict[str, Any]:
    """The order's own part of the features' context: its country and contact signals."""
    return {"country": country, "ghost_score": ghost_score, "ghost_signals": codes,
            "has_house_number": not NO_HOUSE_NUMBER & set(codes)}  # fmt: skip


def _lists(
    session: Session, shop_id: uuid.UUID, policy: CompiledPolicy, keys: Sequence[Any],
    members: list[uuid.UUID], postcode: str | None, now: datetime,
) -> tuple[tuple[str, ...], tuple[str, ...]]:  # fmt: skip
    """(block, allow) list subjects the order's contact keys, records and postcode hit."""
    by_kind = {str(k): v for k, v in keys}
    return policies.list_hits(
        session, shop_id, policy.policy, phone=by_kind.get("phone"), email=by_kind.get("email"),
        building=by_kind.get("building"), customer_ids=members, postcode=postcode, now=now,
    )  # fmt: skip


def store_decision(
    session: Session, shop_id: uuid.UUID, order_id: uuid.UUID, verdict: Verdict,
    features: Features, policy_version: int | None, now: datetime,
    contributions: dict[str, Any] | None = None,
) -> uuid.UUID:  # fmt: skip
    """Store a decision and its rule executions (two statements, no unit of work); its id."""
    decision, executions = decision_rows(shop_id, order_id, verdict, features, policy_version,
                                         now, contributions)  # fmt: skip
    conn = session.connection()
    conn.execute(_INSERT_DECISION, decision)
    if executions:  # one executemany
        conn.execute(_INSERT_EXECUTIONS, executions)
    decision_id: uuid.UUID = decision["id"]
    return decision_id


def decide_payload(
    session: Session, shop_id: uuid.UUID, placed: PlacedOrder, record: PersonRecord,
    country: str, postcode: str | None, now: datetime,
) -> Decided:  # fmt: skip
    """Decide on an order that is not stored (`POST /decide`): nothing is written."""
    policy = policies.active_policy(session, shop_id)
    found = look_up(session, shop_id, record, now)
    context = _context(country, found.ghost_score, found.ghost_codes)
    postcode_subject = policies.postcode_value(country, postcode)
    lists = _lists(session, shop_id, policy, found.keys, found.members, postcode_subject, now)
    features, _, contributions = _features(
        session, shop_id, policy, placed, found.members, found.household, context, found.keys,
        lists, now,
    )  # fmt: skip
    return Decided(decide(policy, features), features, policy.version, contributions)


def refresh_segments(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, now: datetime, actor: str
) -> tuple[list[str], list[str]]:
    """Bring a person's segments up to date after an event (delivery, return, refund,
    dispute, ticket); returns (joined, left)."""
    policy = policies.active_policy(session, shop_id)
    person, members = person_and_members(session, customer_id)
    household = household_of(session, members)
    # Everything stored counts: imports may hold events dated after the clock's now.
    known = facts_before(session, shop_id, policy.money, members, household, None,
                         EVERYTHING, EVERYTHING)  # fmt: skip
    customer = customer_features(known.person, now)
    return sync_memberships(session, shop_id, person, segments_of(policy, customer),
                            policy.version, now, actor=actor)  # fmt: skip


def get_decision(session: Session, shop_id: uuid.UUID, order_id: uuid.UUID) -> Decision:
    order = session.get(Order, order_id)
    if order is None or order.shop_id != shop_id:
        raise NotFound(f"no order {order_id}")
    decision = session.scalars(_LATEST, {"order": order_id}).first()
    if decision is None:
        raise NotFound(f"order {order_id} has no decision yet")
    return decision


def decide_payload_in(
    session: Session, shop_id: uuid.UUID, order: OrderIn, now: datetime
) -> Decided:
    """`decide_payload` for an order as the API takes it."""
    address = order.shipping_address
    lines = [(ln.sku, ln.product, ln.size, ln.colour, ln.quantity) for ln in order.lines]
    placed = placed_order(_UNSTORED, order.placed_at, order.total or 0, order.currency,
                          order.payment_method.value, lines)  # fmt: skip
    c = order.customer
    record = contact_record(
        c.name or (address.name if address else None), c.phone, c.email,
        address.line1 if address else None, address.line2 if address else None,
        address.city if address else None, address.postcode if address else None,
        address.country if address else None,
    )  # fmt: skip
    country = (address.country if address else None) or ""
    postcode = address.postcode if address else None
    return decide_payload(session, shop_id, placed, record, country, postcode, now)


__all__ = [
    "Decided", "StoredDecision", "decide_order", "decide_payload", "decide_payload_in",
    "get_decision", "placed_order", "refresh_segments", "store_decision",
]  # fmt: skip
