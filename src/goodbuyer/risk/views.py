"""Decisions and treatments as the API and pages show them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.identity.persons import person_and_members
from goodbuyer.policy import service as policies
from goodbuyer.policy.models import SegmentMembership
from goodbuyer.risk.decide import Verdict
from goodbuyer.risk.features import Features
from goodbuyer.risk.models import Decision, RuleExecution
from goodbuyer.risk.schemas import DecisionOut, MembershipOut, RuleExecutionOut, TreatmentOut
from goodbuyer.risk.statuses import Outcome
from goodbuyer.store.models import Order

PAST_SHOWN = 20


def decision_out(decision: Decision) -> DecisionOut:
    executions = [RuleExecutionOut.model_validate(e) for e in decision.executions]
    return DecisionOut(
        order_id=decision.order_id, outcome=decision.outcome, score=decision.score,
        policy_version=decision.policy_version, fast_path=decision.fast_path,
        reasons=[e.reason for e in executions if e.matched],
        counterfactuals=decision.counterfactuals, segments=decision.segments,
        perks=decision.perks, limits=decision.limits, executions=executions,
        features=decision.features, contributions=decision.contributions,
        decided_at=decision.decided_at,
    )  # fmt: skip


def verdict_out(
    verdict: Verdict, features: Features, policy_version: int | None,
    contributions: dict[str, Any] | None = None,
) -> DecisionOut:  # fmt: skip
    return DecisionOut(
        order_id=None, outcome=verdict.outcome, score=verdict.score,
        policy_version=policy_version, fast_path=verdict.fast_path, reasons=verdict.reasons(),
        counterfactuals=list(verdict.counterfactuals), segments=list(verdict.segments),
        perks=[p.model_dump(mode="json") for p in verdict.perks],
        limits=[lim.model_dump(mode="json") for lim in verdict.limits],
        executions=[RuleExecutionOut.model_validate(e.as_json()) for e in verdict.executions],
        features={k: list(v) if isinstance(v, tuple) else v for k, v in features.items()},
        contributions=contributions or {}, decided_at=None,
    )  # fmt: skip


def treatment(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, now: datetime
) -> TreatmentOut:
    """The person's open segments with why, the perks and limits they bring, and the
    segments they left."""
    person, _ = person_and_members(session, customer_id)
    rows = session.scalars(
        select(SegmentMembership)
        .where(SegmentMembership.shop_id == shop_id, SegmentMembership.customer_id == person)
        .order_by(SegmentMembership.since.desc())
    ).all()
    policy = policies.active_policy(session, shop_id)
    current = [m for m in rows if m.until is None]
    perks: list[dict[str, object]] = []
    limits: list[dict[str, object]] = []
    for m in current:
        seg = policy.segment(m.segment)
        if seg is None:
            continue
        perks += [p.model_dump(mode="json") for p in seg.perks]
        limits += [lim.model_dump(mode="json") for lim in seg.limits]
    return TreatmentOut(
        person_id=person,
        segments=[MembershipOut.model_validate(m) for m in current],
        perks=_unique(perks), limits=_unique(limits),
        past_segments=[MembershipOut.model_validate(m) for m in rows if m.until][:PAST_SHOWN],
    )  # fmt: skip


def _unique(items: list[dict[str, object]]) -> list[dict[str, object]]:
    seen: list[dict[str, object]] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


RECENT = 100


@dataclass(frozen=True, slots=True)
class DecisionRow:
    order_id: uuid.UUID
    number: str
    placed_at: datetime
    total: int
    currency: str
    payment: str
    outcome: Outcome
    score: float
    first_reason: str


_newest = (
    select(Decision.id)
    .where(Decision.order_id == Order.id)
    .order_by(Decision.decided_at.desc(), Decision.id.desc())
    .limit(1)
    .correlate(Order)
    .scalar_subquery()
)


def recent_decisions(
    session: Session, shop_id: uuid.UUID, outcome: Outcome | None, limit: int = RECENT
) -> list[DecisionRow]:
    """The newest orders with their newest decision, newest first (optionally one outcome
    only)."""
    reason = (
        select(RuleExecution.reason)
        .where(RuleExecution.decision_id == Decision.id, RuleExecution.matched.is_(True))
        .order_by(RuleExecution.score_modifier.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(
            Order.id,
            Order.number,
            Order.placed_at,
            Order.total,
            Order.currency,
            Order.payment_method,
            Decision.outcome,
            Decision.score,
            reason,
        )
        .join(Decision, Decision.id == _newest)
        .where(Order.shop_id == shop_id)
        .order_by(Order.placed_at.desc())
        .limit(limit)
    )
    if outcome is not None:
        query = query.where(Decision.outcome == outcome)
    return [
        DecisionRow(r[0], r[1], r[2], r[3], r[4], r[5].value, r[6], r[7], r[8] or "")
        for r in session.execute(query)
    ]


__all__ = ["DecisionRow", "decision_out", "recent_decisions", "treatment", "verdict_out"]
