"""`IdentityIndex` on the database: what one order at a time (REST, webhooks) links against.
Core statements, a handful per order."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Uuid, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from goodbuyer import audit
from goodbuyer.identity.index import CANDIDATES_PER_KEY, Key, OrderRef
from goodbuyer.identity.matcher import PairDecision
from goodbuyer.identity.models import IdentityKey, IdentityLink, IdentityRecord, PersonMember
from goodbuyer.identity.persons import members_of, person_and_members, separated
from goodbuyer.identity.records import PersonRecord, Prepared, prepare
from goodbuyer.identity.statuses import KeyKind, LinkKind
from goodbuyer.ids import new_id

_RECORD_COLUMNS = (
    IdentityRecord.customer_id, IdentityRecord.name, IdentityRecord.phone, IdentityRecord.email,
    IdentityRecord.address, IdentityRecord.city, IdentityRecord.postcode, IdentityRecord.country,
)  # fmt: skip
# Statements built once; each call only binds its values.
_KNOWN = (
    select(IdentityRecord.id)
    .where(
        IdentityRecord.customer_id == bindparam("customer", type_=Uuid()),
        IdentityRecord.signature == bindparam("signature"),
    )
    .limit(1)
)
_CANDIDATE_IDS = (
    select(IdentityKey.record_id)
    .where(
        IdentityKey.shop_id == bindparam("shop", type_=Uuid()),
        # kinds x values: the index (shop, kind, key) finds each pair; no value of one kind
        # can be read as a value of another (a phone, a mailbox, "country|postcode|...").
        IdentityKey.kind.in_(bindparam("kinds", expanding=True)),
        IdentityKey.key.in_(bindparam("keys", expanding=True)),
        IdentityKey.customer_id != bindparam("customer", type_=Uuid()),
    )
    .order_by(IdentityKey.id.desc())
    .limit(CANDIDATES_PER_KEY * len(KeyKind))
)
_CANDIDATES = select(*_RECORD_COLUMNS).where(
    IdentityRecord.id.in_(_CANDIDATE_IDS.scalar_subquery())
)
_PAIR = (
    IdentityLink.customer_a == bindparam("low", type_=Uuid()),
    IdentityLink.customer_b == bindparam("high", type_=Uuid()),
    IdentityLink.kind == bindparam("link_kind"),
)
_LINK_SCORE = select(IdentityLink.score).where(*_PAIR)
_INSERT_LINK = insert(IdentityLink)
_UPDATE_LINK = (
    update(IdentityLink)
    .where(*_PAIR, IdentityLink.undone_at.is_(None))
    .values(
        score=bindparam("new_score"),
        levels=bindparam("new_levels"),
        reasons=bindparam("new_reasons"),
    )
)
_INSERT_RECORD = insert(IdentityRecord)
_INSERT_KEY = insert(IdentityKey)
# A record's own person unless it has one already: one statement, no read first.
_INSERT_MEMBER = {
    "sqlite": sqlite.insert(PersonMember).on_conflict_do_nothing(index_elements=["customer_id"]),
    "postgresql": postgresql.insert(PersonMember).on_conflict_do_nothing(
        index_elements=["customer_id"]
    ),
}


class DbIndex:
    def __init__(self, session: Session, shop_id: uuid.UUID, now: datetime, actor: str) -> None:
        self.session, self.shop_id, self.now, self.actor = session, shop_id, now, actor
        self.conn = session.connection()
        # Persons read while linking this order, with their records (one statement for
        # both); forgotten when persons change.
        self._persons: dict[uuid.UUID, uuid.UUID] = {}
        self._members: dict[uuid.UUID, list[uuid.UUID]] = {}

    def known(self, customer_id: uuid.UUID, signature: str) -> bool:
        params = {"customer": customer_id, "signature": signature}
        return self.conn.execute(_KNOWN, params).first() is not None

    def candidates(
        self, keys: Sequence[Key], customer_id: uuid.UUID
    ) -> list[tuple[uuid.UUID, Prepared]]:
        if not keys:
            return []
        params = {"shop": self.shop_id, "kinds": sorted({k for k, _ in keys}),
                  "keys": [v for _, v in keys],
                  "customer": customer_id}  # fmt: skip
        rows = self.conn.execute(_CANDIDATES, params)
        return [(r[0], prepare(PersonRecord(*r[1:]))) for r in rows]

    def add_record(
        self, order: OrderRef, prepared: Prepared, signature: str, keys: Sequence[Key]
    ) -> None:
        r, record_id = prepared.record, new_id()
        self.conn.execute(_INSERT_RECORD, {
            "id": record_id, "shop_id": order.shop_id, "customer_id": order.customer_id,
            "order_id": order.id, "signature": signature, "name": r.name[:300],
            "phone": r.phone[:64], "email": r.email[:320], "address": r.address[:600],
            "city": r.city[:200], "postcode": r.postcode[:32], "country": r.country[:2],
            "created_at": self.now,
        })  # fmt: skip
        if keys:
            self.conn.execute(_INSERT_KEY, [
                {"id": new_id(), "shop_id": order.shop_id, "record_id": record_id,
                 "customer_id": order.customer_id, "kind": k, "key": v}
                for k, v in keys
            ])  # fmt: skip
        self._ensure_member(order.customer_id)

    def _ensure_member(self, customer_id: uuid.UUID) -> None:
        self.conn.execute(_INSERT_MEMBER[self.conn.dialect.name], {
            "customer_id": customer_id, "shop_id": self.shop_id, "person_id": customer_id,
            "joined_at": self.now,
        })  # fmt: skip
        self._forget_persons()

    def _forget_persons(self) -> None:
        self._persons.clear()
        self._members.clear()

    def person_of(self, customer_id: uuid.UUID) -> uuid.UUID:
        person = self._persons.get(customer_id)
        if person is None:
            person, members = person_and_members(self.session, customer_id)
            self._members[person] = members
            self._persons.update(dict.fromkeys(members, person))
            self._persons[customer_id] = person
        return person

    def members(self, person_id: uuid.UUID) -> list[uuid.UUID]:
        found = self._members.get(person_id)
        return list(found) if found is not None else members_of(self.session, person_id)

    def separated(self, left: Sequence[uuid.UUID], right: Sequence[uuid.UUID]) -> bool:
        return separated(self.session, left, right)

    def move_members(
        self, order: OrderRef, gone: uuid.UUID, keep: uuid.UUID, because: dict[str, object]
    ) -> None:
        self._forget_persons()
        self.session.execute(
            update(PersonMember)
            .where(PersonMember.person_id == gone)
            .values(person_id=keep, joined_at=self.now)
        )
        audit.record(
            self.session, shop_id=order.shop_id, at=self.now, actor=self.actor,
            action="person.merged", subject_type="person", subject_id=keep,
            customer_id=order.customer_id, order_id=order.id,
            data={"into": str(keep), "merged": str(gone), **because},
        )  # fmt: skip

    def save_link(
        self, order: OrderRef, other: uuid.UUID, kind: LinkKind, decision: PairDecision
    ) -> None:
        low, high = sorted((order.customer_id, other))
        pair = {"low": low, "high": high, "link_kind": kind}
        held = self.conn.execute(_LINK_SCORE, pair).first()
        values = {"score": decision.score, "levels": decision.levels,
                  "reasons": list(decision.reasons)}  # fmt: skip
        if held is None:
            self.conn.execute(_INSERT_LINK, {
                "id": new_id(), "shop_id": order.shop_id, "customer_a": low, "customer_b": high,
                "kind": kind, "order_id": order.id, "actor": self.actor,
                "created_at": self.now, "undone_at": None, **values,
            })  # fmt: skip
        elif decision.score > held[0]:
            changed = {f"new_{name}": value for name, value in values.items()}
            self.conn.execute(_UPDATE_LINK, {**pair, **changed})


__all__ = ["DbIndex"]
