"""`IdentityIndex` in memory, for backfills: the shop's records, keys, persons and links are
read once, orders are linked without a query each, and what changed is written in bulk by
`flush` (inside the caller's transaction)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from goodbuyer.audit import AuditEvent
from goodbuyer.identity.bulk_rows import insert_dicts
from goodbuyer.identity.index import CANDIDATES_PER_KEY, Key, OrderRef
from goodbuyer.identity.keys import blocking_keys
from goodbuyer.identity.matcher import PairDecision
from goodbuyer.identity.models import IdentityKey, IdentityLink, IdentityRecord, PersonMember
from goodbuyer.identity.records import PersonRecord, Prepared, prepare
from goodbuyer.identity.statuses import LinkKind
from goodbuyer.ids import new_id

_RECORD_COLUMNS = (
    IdentityRecord.customer_id, IdentityRecord.signature, IdentityRecord.name,
    IdentityRecord.phone, IdentityRecord.email, IdentityRecord.address, IdentityRecord.city,
    IdentityRecord.postcode, IdentityRecord.country,
)  # fmt: skip
_CHUNK = 5000  # rows per statement when writing and when listing ids


def _chunks(rows: Sequence[Any]) -> list[Sequence[Any]]:
    return [rows[i : i + _CHUNK] for i in range(0, len(rows), _CHUNK)]


class MemoryIndex:
    def __init__(self, shop_id: uuid.UUID, now: datetime, actor: str) -> None:
        self.shop_id, self.now, self.actor = shop_id, now, actor
        self._records: list[tuple[uuid.UUID, Prepared]] = []
        self._by_key: dict[Key, list[int]] = defaultdict(list)
        self._signatures: set[tuple[uuid.UUID, str]] = set()
        self._person: dict[uuid.UUID, uuid.UUID] = {}
        self._members: dict[uuid.UUID, list[uuid.UUID]] = {}
        self._separated: set[frozenset[uuid.UUID]] = set()
        self._links: dict[tuple[uuid.UUID, uuid.UUID, LinkKind], float] = {}
        self.households: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        self._new_records: list[dict[str, Any]] = []
        self._new_keys: list[dict[str, Any]] = []
        self._new_links: dict[tuple[uuid.UUID, uuid.UUID, LinkKind], dict[str, Any]] = {}
        self._better_links: dict[tuple[uuid.UUID, uuid.UUID, LinkKind], dict[str, Any]] = {}
        self._moved: set[uuid.UUID] = set()
        self._events: list[dict[str, Any]] = []

    # Reading the shop's state -------------------------------------------------------------
    @classmethod
    def load(cls, session: Session, shop_id: uuid.UUID, now: datetime, actor: str) -> MemoryIndex:
        index = cls(shop_id, now, actor)
        query = select(*_RECORD_COLUMNS).where(IdentityRecord.shop_id == shop_id)
        conn = session.connection()
        for row in conn.execute(query.order_by(IdentityRecord.id)):
            prepared = prepare(PersonRecord(*row[2:]))
            index._remember(row[0], prepared, row[1], blocking_keys(prepared))
        members = select(PersonMember.customer_id, PersonMember.person_id)
        for customer, person in conn.execute(members.where(PersonMember.shop_id == shop_id)):
            index._person[customer] = person
            index._members.setdefault(person, []).append(customer)
        links = select(IdentityLink.customer_a, IdentityLink.customer_b, IdentityLink.kind,
                       IdentityLink.score, IdentityLink.undone_at)  # fmt: skip
        for a, b, kind, score, undone in conn.execute(links.where(IdentityLink.shop_id == shop_id)):
            index._links[(a, b, kind)] = score
            if kind is LinkKind.SEPARATED:
                index._separated.add(frozenset((a, b)))
            elif kind is LinkKind.HOUSEHOLD and undone is None:
                index.households[a].add(b)
                index.households[b].add(a)
        return index

    def _remember(
        self, customer_id: uuid.UUID, prepared: Prepared, sig: str, keys: Sequence[Key]
    ) -> None:
        self._records.append((customer_id, prepared))
        position = len(self._records) - 1
        for key in keys:
            self._by_key[key].append(position)
        self._signatures.add((customer_id, sig))

    # IdentityIndex ------------------------------------------------------------------------
    def known(self, customer_id: uuid.UUID, signature: str) -> bool:
        return (customer_id, signature) in self._signatures

    def candidates(
        self, keys: Sequence[Key], customer_id: uuid.UUID
    ) -> list[tuple[uuid.UUID, Prepared]]:
        found: dict[int, None] = {}
        for key in keys:
            taken = 0
            for position in reversed(self._by_key.get(key, ())):  # the newest first
                if self._records[position][0] != customer_id:
                    found[position] = None
                    taken += 1
                    if taken == CANDIDATES_PER_KEY:
                        break
        return [self._records[p] for p in found]

    def add_record(
        self, order: OrderRef, prepared: Prepared, signature: str, keys: Sequence[Key]
    ) -> None:
        self._remember(order.customer_id, prepared, signature, keys)
        r, record_id = prepared.record, new_id()
        self._new_records.append({
            "id": record_id, "shop_id": order.shop_id, "customer_id": order.customer_id,
            "order_id": order.id, "signature": signature, "name": r.name[:300],
            "phone": r.phone[:64], "email": r.email[:320], "address": r.address[:600],
            "city": r.city[:200], "postcode": r.postcode[:32], "country": r.country[:2],
            "created_at": self.now,
        })  # fmt: skip
        self._new_keys.extend(
            {"id": new_id(), "shop_id": order.shop_id, "record_id": record_id,
             "customer_id": order.customer_id, "kind": k, "key": v}
            for k, v in keys
        )  # fmt: skip
        if order.customer_id not in self._person:
            self._person[order.customer_id] = order.customer_id
            self._members[order.customer_id] = [order.customer_id]
            self._moved.add(order.customer_id)

    def person_of(self, customer_id: uuid.UUID) -> uuid.UUID:
        return self._person.get(customer_id, customer_id)

    def members(self, person_id: uuid.UUID) -> list[uuid.UUID]:
        return self._members.get(person_id) or [person_id]

    def separated(self, left: Sequence[uuid.UUID], right: Sequence[uuid.UUID]) -> bool:
        if not self._separated:
            return False
        return any(frozenset((a, b)) in self._separated for a in left for b in right)

    def move_members(
        self, order: OrderRef, gone: uuid.UUID, keep: uuid.UUID, because: dict[str, object]
    ) -> None:
        moving = self._members.pop(gone, [gone])
        for customer in moving:
            self._person[customer] = keep
        self._members.setdefault(keep, [keep]).extend(moving)
        self._moved.update(moving)
        self._events.append({
            "id": new_id(), "shop_id": order.shop_id, "at": self.now, "actor": self.actor,
            "action": "person.merged", "subject_type": "person", "subject_id": keep,
            "customer_id": order.customer_id, "order_id": order.id,
            "data": {"into": str(keep), "merged": str(gone), **because},
        })  # fmt: skip

    def save_link(
        self, order: OrderRef, other: uuid.UUID, kind: LinkKind, decision: PairDecision
    ) -> None:
        low, high = sorted((order.customer_id, other))
        key = (low, high, kind)
        values = {
            "score": decision.score,
            "levels": decision.levels,
            "reasons": list(decision.reasons),
        }
        if kind is LinkKind.HOUSEHOLD:
            self.households[low].add(high)
            self.households[high].add(low)
        if key in self._new_links:
            if decision.score > self._new_links[key]["score"]:
                self._new_links[key].update(values)
        elif key not in self._links:
            self._links[key] = decision.score
            self._new_links[key] = {
                "id": new_id(), "shop_id": order.shop_id, "customer_a": low, "customer_b": high,
                "kind": kind, "order_id": order.id, "actor": self.actor, "created_at": self.now,
                "undone_at": None, **values,
            }  # fmt: skip
        elif decision.score > self._links[key]:
            self._links[key] = decision.score
            self._better_links[key] = values

    # Writing what changed -----------------------------------------------------------------
    def flush(self, session: Session) -> None:
        written: list[tuple[Any, list[dict[str, Any]]]] = [
            (IdentityRecord, self._new_records), (IdentityKey, self._new_keys),
            (IdentityLink, list(self._new_links.values())), (AuditEvent, self._events),
        ]  # fmt: skip
        for model, rows in written:
            insert_dicts(session, model, rows)
        for (a, b, kind), values in self._better_links.items():
            session.execute(
                update(IdentityLink)
                .where(
                    IdentityLink.customer_a == a,
                    IdentityLink.customer_b == b,
                    IdentityLink.kind == kind,
                )
                .values(**values)
            )
        moved = sorted(self._moved)
        for chunk in _chunks(moved):
            session.execute(delete(PersonMember).where(PersonMember.customer_id.in_(chunk)))
        insert_dicts(session, PersonMember, [
            {"customer_id": c, "shop_id": self.shop_id, "person_id": self._person[c],
             "joined_at": self.now}
            for c in moved
        ])  # fmt: skip
        self._new_records, self._new_keys, self._events = [], [], []
        self._new_links, self._better_links, self._moved = {}, {}, set()


__all__ = ["MemoryIndex"]
