"""Incremental linking: an order's contact data is compared with the records that share a
blocking key with it; person links merge persons (unless an agent separated them),
household links are kept as context. The same steps run against the database (one order
at a time) and against memory (backfills), through `IdentityIndex`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from goodbuyer.identity.index import IdentityIndex, OrderRef
from goodbuyer.identity.keys import blocking_keys, signature
from goodbuyer.identity.matcher import PairDecision, decide
from goodbuyer.identity.records import PersonRecord, Prepared
from goodbuyer.identity.statuses import LinkKind


@dataclass(frozen=True, slots=True)
class LinkMade:
    other_customer_id: uuid.UUID
    kind: LinkKind
    decision: PairDecision


def contact_record(
    name: str | None,
    phone: str | None,
    email: str | None,
    line1: str | None,
    line2: str | None,
    city: str | None,
    postcode: str | None,
    country: str | None,
) -> PersonRecord:
    """The record an order's contact columns make."""
    line = " ".join(p for p in (line1, line2) if p)
    return PersonRecord(
        name or "", phone or "", email or "", line, city or "", postcode or "", country or ""
    )


def _rank(decision: PairDecision) -> tuple[bool, bool, float]:
    return decision.same_person, decision.household, decision.score


def _tie_break(decision: PairDecision) -> tuple[float, tuple[tuple[str, str, str], ...]]:
    return decision.weight, tuple((e.comparison, e.label, e.detail) for e in decision.evidence)


def _better(decision: PairDecision, held: PairDecision) -> bool:
    """Ranked by kind and score; equal ones by what they found, so that the link stores the
    same levels whichever order the database and memory list the candidates in."""
    ranked, rank_held = _rank(decision), _rank(held)
    if ranked != rank_held:
        return ranked > rank_held
    return _tie_break(decision) > _tie_break(held)


def best_per_customer(
    prepared: Prepared, candidates: list[tuple[uuid.UUID, Prepared]]
) -> dict[uuid.UUID, PairDecision]:
    best: dict[uuid.UUID, PairDecision] = {}
    for customer_id, other in candidates:
        decision = decide(prepared, other)
        held = best.get(customer_id)
        if held is None or _better(decision, held):
            best[customer_id] = decision
    return best


def _strongest_first(
    best: dict[uuid.UUID, PairDecision],
) -> list[tuple[uuid.UUID, PairDecision]]:
    """The matched customer records in one order whatever order the candidates came in
    (the first merge's event names its evidence): the strongest first, then by id."""
    return sorted(best.items(), key=lambda item: (_rank(item[1]), -item[0].int), reverse=True)


def merge(
    index: IdentityIndex, order: OrderRef, other: uuid.UUID, because: dict[str, object]
) -> bool:
    """Merge the persons of the order's customer record and `other`; False when an agent
    separated them (nothing changes then)."""
    person_a, person_b = index.person_of(order.customer_id), index.person_of(other)
    if person_a == person_b:
        return True
    members_a, members_b = index.members(person_a), index.members(person_b)
    if index.separated(members_a, members_b):
        return False
    if len(members_a) >= len(members_b):
        index.move_members(order, person_b, person_a, because)
    else:
        index.move_members(order, person_a, person_b, because)
    return True


def link_record(index: IdentityIndex, order: OrderRef, prepared: Prepared) -> list[LinkMade]:
    """Link one order's contact data. Contact data its customer record already used
    changes nothing (replays, status updates)."""
    sig = signature(prepared)
    if index.known(order.customer_id, sig):
        return []
    keys = list(dict.fromkeys(blocking_keys(prepared)))
    candidates = index.candidates(keys, order.customer_id)
    index.add_record(order, prepared, sig, keys)
    made: list[LinkMade] = []
    for other, decision in _strongest_first(best_per_customer(prepared, candidates)):
        if not (decision.same_person or decision.household):
            continue
        kind = LinkKind.PERSON if decision.same_person else LinkKind.HOUSEHOLD
        if kind is LinkKind.PERSON:
            because = {"order": order.number, "score": decision.score,
                       "reasons": list(decision.reasons)}  # fmt: skip
            if not merge(index, order, other, because):
                continue  # an agent separated these two: the matcher respects it
        index.save_link(order, other, kind, decision)
        made.append(LinkMade(other, kind, decision))
    return made


__all__ = ["LinkMade", "best_per_customer", "contact_record", "link_record", "merge"]
