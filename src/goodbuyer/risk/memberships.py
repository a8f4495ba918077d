"""Segment memberships in the database, kept in step with what the policy's segments say
about a person now: a new segment opens a membership with its reason and evidence, a
segment that no longer holds is closed with why; each change is an audit event."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer import audit
from goodbuyer.policy.models import SegmentMembership
from goodbuyer.risk.decide import Membership


def open_memberships(session: Session, person_id: uuid.UUID) -> list[SegmentMembership]:
    query = select(SegmentMembership).where(
        SegmentMembership.customer_id == person_id, SegmentMembership.until.is_(None)
    )
    return list(session.scalars(query))


def sync_memberships(
    session: Session,
    shop_id: uuid.UUID,
    person_id: uuid.UUID,
    found: Sequence[Membership],
    policy_version: int | None,
    now: datetime,
    *,
    actor: str = "goodbuyer",
) -> tuple[list[str], list[str]]:
    """Make the person's open memberships match `found`; returns (joined, left)."""
    held = {m.segment: m for m in open_memberships(session, person_id)}
    wanted = {m.segment: m for m in found}
    joined, left = [], []
    for name, membership in held.items():
        if name not in wanted:
            membership.until = now
            membership.ended_because = "the segment's condition no longer holds"
            left.append(name)
            _audit(session, shop_id, person_id, "segment.left", actor, now,
                   {"segment": name, "since": membership.since.isoformat()})  # fmt: skip
    for name, m in wanted.items():
        if name in held:
            continue
        session.add(SegmentMembership(
            shop_id=shop_id, customer_id=person_id, segment=name, reason=m.reason,
            evidence=m.evidence, policy_version=policy_version, since=now, until=None,
        ))  # fmt: skip
        joined.append(name)
        _audit(session, shop_id, person_id, "segment.joined", actor, now,
               {"segment": name, "reason": m.reason})  # fmt: skip
    return joined, left


def _audit(
    session: Session, shop_id: uuid.UUID, person_id: uuid.UUID, action: str, actor: str,
    now: datetime, data: dict[str, Any],
) -> None:  # fmt: skip
    audit.record(
        session, shop_id=shop_id, at=now, actor=actor, action=action, subject_type="customer",
        subject_id=person_id, customer_id=person_id, data=data,
    )  # fmt: skip


__all__ = ["open_memberships", "sync_memberships"]
