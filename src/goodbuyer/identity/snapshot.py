"""The shop's identity in memory, for replays over its whole history: which person each
customer record belongs to, the households, the contact keys each record has, and each
order's ghost signals."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.identity.models import IdentityKey, IdentityLink, OrderCheck, PersonMember
from goodbuyer.identity.statuses import KeyKind, LinkKind

VELOCITY_KEYS = {KeyKind.PHONE: "phone", KeyKind.EMAIL: "email", KeyKind.BUILDING: "address"}


@dataclass
class IdentitySnapshot:
    person: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)  # record -> person
    households: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    keys: dict[uuid.UUID, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    ghosts: dict[uuid.UUID, tuple[float, tuple[str, ...]]] = field(default_factory=dict)

    def person_of(self, customer_id: uuid.UUID) -> uuid.UUID:
        return self.person.get(customer_id, customer_id)


def load_snapshot(session: Session, shop_id: uuid.UUID) -> IdentitySnapshot:
    snap = IdentitySnapshot()
    members = select(PersonMember.customer_id, PersonMember.person_id).where(
        PersonMember.shop_id == shop_id
    )
    snap.person.update((c, p) for c, p in session.execute(members))
    links = select(IdentityLink.customer_a, IdentityLink.customer_b).where(
        IdentityLink.shop_id == shop_id,
        IdentityLink.kind == LinkKind.HOUSEHOLD,
        IdentityLink.undone_at.is_(None),
    )
    for a, b in session.execute(links):
        pa, pb = snap.person_of(a), snap.person_of(b)
        if pa != pb:
            snap.households[pa].add(pb)
            snap.households[pb].add(pa)
    snap.keys = velocity_keys(session, shop_id)
    checks = select(OrderCheck.order_id, OrderCheck.ghost_score, OrderCheck.ghost_signals).where(
        OrderCheck.shop_id == shop_id
    )
    for order, score, signals in session.execute(checks):
        snap.ghosts[order] = (score, tuple(s["code"] for s in signals or ()))
    return snap


def velocity_keys(session: Session, shop_id: uuid.UUID) -> dict[uuid.UUID, list[tuple[str, str]]]:
    """The phone, e-mail and building keys of each customer record: ("phone", "+36...")."""
    found: dict[uuid.UUID, list[tuple[str, str]]] = defaultdict(list)
    keys = select(IdentityKey.customer_id, IdentityKey.kind, IdentityKey.key).where(
        IdentityKey.shop_id == shop_id, IdentityKey.kind.in_(list(VELOCITY_KEYS))
    )
    for customer, kind, key in session.execute(keys):
        pair = (VELOCITY_KEYS[kind], key)
        if pair not in found[customer]:  # two records of one customer may share a key
            found[customer].append(pair)
    return found


__all__ = ["VELOCITY_KEYS", "IdentitySnapshot", "load_snapshot", "velocity_keys"]
