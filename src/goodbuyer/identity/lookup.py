"""Who would an order's contact data be, without storing anything: the customer records
of the persons it matches, their households, its contact keys and ghost signals. Used to
decide on an order payload that is not stored (`POST /decide`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from goodbuyer.identity.db_index import DbIndex
from goodbuyer.identity.history import household_of
from goodbuyer.identity.keys import blocking_keys
from goodbuyer.identity.linking import best_per_customer
from goodbuyer.identity.persons import person_and_members
from goodbuyer.identity.records import PersonRecord, prepare
from goodbuyer.identity.signals import ghosts_of
from goodbuyer.identity.snapshot import VELOCITY_KEYS
from goodbuyer.identity.statuses import KeyKind

_NOBODY = uuid.UUID(int=0)


@dataclass(frozen=True, slots=True)
class Lookup:
    members: list[uuid.UUID]  # customer records of the matched persons
    household: list[uuid.UUID]  # customer records of their households
    keys: list[tuple[KeyKind, str]]  # the contact keys velocity counts by
    ghost_score: float
    ghost_codes: tuple[str, ...]
    reasons: list[str]  # why it matched, per matched record


def look_up(session: Session, shop_id: uuid.UUID, record: PersonRecord, now: datetime) -> Lookup:
    prepared = prepare(record)
    keys = list(dict.fromkeys(blocking_keys(prepared)))
    index = DbIndex(session, shop_id, now, "lookup")
    members: set[uuid.UUID] = set()
    reasons: list[str] = []
    for other, decision in best_per_customer(prepared, index.candidates(keys, _NOBODY)).items():
        if decision.same_person:
            if other not in members:  # records of a person already found bring no one new
                members.update(person_and_members(session, other)[1])
            reasons.append(f"{other}: " + "; ".join(decision.reasons[:3]))
    household = household_of(session, sorted(members)) if members else []
    signals, score = ghosts_of(record)
    return Lookup(
        sorted(members), household, [(k, v) for k, v in keys if k in VELOCITY_KEYS], score,
        tuple(s["code"] for s in signals), reasons,
    )  # fmt: skip


__all__ = ["Lookup", "look_up"]
