"""Guardrails on live decisions: an alert when, over the policy's window, too many orders
got friction or too many orders of good-segment customers (VIPs) were hit.

`check_guardrails` runs after a decision, in its transaction. It raises at most one
alert per kind per window (none while an alert of that kind is younger than the window)
and writes an audit event with each.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import String, case, cast, func, or_, select
from sqlalchemy.orm import Session

from goodbuyer import audit
from goodbuyer.ids import new_id
from goodbuyer.risk.compiled import CompiledPolicy
from goodbuyer.risk.models import Decision, GuardrailAlert
from goodbuyer.risk.statuses import Outcome

FRICTION = "friction_share"  # orders with any outcome but approve
VIP_HIT = "vip_hit_share"  # orders of customers in a good segment, with friction


@dataclass(frozen=True, slots=True)
class Share:
    kind: str
    part: int
    whole: int
    threshold: float

    @property
    def share(self) -> float:
        return self.part / self.whole if self.whole else 0.0


def _counts(
    session: Session, shop_id: uuid.UUID, start: datetime, good: list[str]
) -> tuple[int, int, int, int]:
    """(decisions, with friction, of good-segment customers, of which with friction)."""
    friction = Decision.outcome != Outcome.APPROVE
    text = cast(Decision.segments, String)
    member = or_(*(text.like(f'%"{name}"%') for name in good)) if good else None
    one = 1
    columns = [func.count(), func.sum(case((friction, one), else_=0))]
    if member is not None:
        columns += [
            func.sum(case((member, one), else_=0)),
            func.sum(case((member & friction, one), else_=0)),
        ]
    row = session.execute(
        select(*columns).where(Decision.shop_id == shop_id, Decision.decided_at > start)
    ).one()
    values = [int(v or 0) for v in row] + [0, 0]
    return values[0], values[1], values[2], values[3]


def _recent(session: Session, shop_id: uuid.UUID, start: datetime) -> set[str]:
    query = select(GuardrailAlert.kind).where(
        GuardrailAlert.shop_id == shop_id, GuardrailAlert.raised_at > start
    )
    return set(session.scalars(query))


def check_guardrails(
    session: Session, shop_id: uuid.UUID, policy: CompiledPolicy, now: datetime
) -> list[GuardrailAlert]:
    """The alerts raised now (stored, with an audit event each); usually none."""
    rails = policy.policy.guardrails
    start = now - timedelta(hours=rails.window_hours)
    raised = _recent(session, shop_id, start)
    if {FRICTION, VIP_HIT} <= raised:
        return []
    good = [s.name for s in policy.segments if s.good]
    total, friction, members, hit = _counts(session, shop_id, start, good)
    shares = [Share(FRICTION, friction, total, rails.friction_share),
              Share(VIP_HIT, hit, members, rails.vip_hit_share)]  # fmt: skip
    alerts = []
    for s in shares:
        if s.kind in raised or s.whole < rails.min_orders or s.share <= s.threshold:
            continue
        alerts.append(_raise(session, shop_id, policy, s, start, now))
    return alerts


def _raise(
    session: Session, shop_id: uuid.UUID, policy: CompiledPolicy, s: Share, start: datetime,
    now: datetime,
) -> GuardrailAlert:  # fmt: skip
    what = "orders got friction" if s.kind == FRICTION else "good-segment orders were hit"
    hours = policy.policy.guardrails.window_hours
    message = (
        f"{s.share:.1%} of {s.whole} {what} in the last {hours} h (threshold {s.threshold:.1%})"
    )
    alert = GuardrailAlert(
        id=new_id(), shop_id=shop_id, kind=s.kind, share=round(s.share, 4),
        threshold=s.threshold, orders=s.whole, window_start=start, window_end=now,
        policy_version=policy.version, message=message, raised_at=now, acknowledged_at=None,
    )  # fmt: skip
    session.add(alert)
    audit.record(
        session, shop_id=shop_id, at=now, actor="guardrails", action="guardrail.alerted",
        subject_type="guardrail_alert", subject_id=alert.id,
        data={"kind": s.kind, "share": alert.share, "threshold": s.threshold,
              "orders": s.whole, "policy_version": policy.version},
    )  # fmt: skip
    return alert


__all__ = ["FRICTION", "VIP_HIT", "Share", "check_guardrails"]
