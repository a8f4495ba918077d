"""Persons: clusters of customer records, merged when a link bridges two and split when an
agent says "not the same person". Every change is an audit event."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Uuid, bindparam, or_, select, update
from sqlalchemy.orm import Session

from goodbuyer import audit
from goodbuyer.identity.models import IdentityLink, PersonMember
from goodbuyer.identity.statuses import LinkKind


def person_of(session: Session, customer_id: uuid.UUID) -> uuid.UUID:
    query = select(PersonMember.person_id).where(PersonMember.customer_id == customer_id)
    found = session.execute(query).first()
    return found[0] if found is not None else customer_id


_PERSON = (
    select(PersonMember.person_id).where(
        PersonMember.customer_id == bindparam("customer", type_=Uuid())
    )
).scalar_subquery()
_MEMBERS = select(PersonMember.person_id, PersonMember.customer_id).where(
    PersonMember.person_id == _PERSON
)


def person_and_members(
    session: Session, customer_id: uuid.UUID
) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """The person of a customer record and all its records, in one statement."""
    rows = session.connection().execute(_MEMBERS, {"customer": customer_id}).all()
    if not rows:
        return customer_id, [customer_id]
    return rows[0][0], sorted(r[1] for r in rows)


def members_of(session: Session, person_id: uuid.UUID) -> list[uuid.UUID]:
    """The customer records of a person (the person's own id when it was never merged)."""
    found = list(
        session.scalars(select(PersonMember.customer_id).where(PersonMember.person_id == person_id))
    )
    return found or [person_id]


def separated(session: Session, left: Sequence[uuid.UUID], right: Sequence[uuid.UUID]) -> bool:
    """True when an agent separated any record of `left` from any record of `right`."""
    return (
        session.scalar(
            select(IdentityLink.id)
            .where(
                IdentityLink.kind == LinkKind.SEPARATED,
                or_(
                    IdentityLink.customer_a.in_(left) & IdentityLink.customer_b.in_(right),
                    IdentityLink.customer_a.in_(right) & IdentityLink.customer_b.in_(left),
                ),
            )
            .limit(1)
        )
        is not None
    )


def _components(
    nodes: Iterable[uuid.UUID], edges: Iterable[tuple[uuid.UUID, uuid.UUID]]
) -> list[list[uuid.UUID]]:
    parent = {n: n for n in nodes}

    def root(n: uuid.UUID) -> uuid.UUID:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    groups: dict[uuid.UUID, list[uuid.UUID]] = {}
    for n in parent:
        groups.setdefault(root(n), []).append(n)
    return sorted(groups.values(), key=len, reverse=True)


def split_off(
    session: Session,
    shop_id: uuid.UUID,
    customer_id: uuid.UUID,
    *,
    now: datetime,
    actor: str,
    note: str,
) -> list[uuid.UUID]:
    """Take a customer record out of its person ("not the same person"): its person links
    are undone, it is separated from every other record of the person, and the rest are
    regrouped by the links that remain. Returns the records it was separated from."""
    person = person_of(session, customer_id)
    others = [m for m in members_of(session, person) if m != customer_id]
    if not others:
        return []
    touching = (IdentityLink.customer_a == customer_id) | (IdentityLink.customer_b == customer_id)
    session.execute(
        update(IdentityLink)
        .where(touching, IdentityLink.kind == LinkKind.PERSON, IdentityLink.undone_at.is_(None))
        .values(undone_at=now)
    )
    for other in others:
        low, high = sorted((customer_id, other))
        session.add(IdentityLink(
            shop_id=shop_id, customer_a=low, customer_b=high, kind=LinkKind.SEPARATED, score=0.0,
            levels={}, reasons=[note or "an agent said: not the same person"], actor=actor,
            created_at=now,
        ))  # fmt: skip
    _regroup(session, others, person if person != customer_id else min(others), now)
    session.execute(
        update(PersonMember)
        .where(PersonMember.customer_id == customer_id)
        .values(person_id=customer_id, joined_at=now)
    )
    audit.record(
        session, shop_id=shop_id, at=now, actor=actor, action="person.split",
        subject_type="person", subject_id=person, customer_id=customer_id,
        data={"separated": str(customer_id), "from": [str(o) for o in others], "note": note},
    )  # fmt: skip
    return others


def _regroup(session: Session, members: list[uuid.UUID], person: uuid.UUID, now: datetime) -> None:
    links = session.execute(
        select(IdentityLink.customer_a, IdentityLink.customer_b).where(
            IdentityLink.kind == LinkKind.PERSON,
            IdentityLink.undone_at.is_(None),
            IdentityLink.customer_a.in_(members),
            IdentityLink.customer_b.in_(members),
        )
    ).all()
    groups = _components(members, [(a, b) for a, b in links])
    for index, group in enumerate(groups):
        new_person = person if index == 0 else min(group)
        session.execute(
            update(PersonMember)
            .where(PersonMember.customer_id.in_(group))
            .values(person_id=new_person, joined_at=now)
        )


__all__ = ["members_of", "person_and_members", "person_of", "separated", "split_off"]
