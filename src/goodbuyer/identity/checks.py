"""The history check and ghost signals of an order computed in memory (backfills): the
same document as `service.check_order` builds from the database."""

from __future__ import annotations

import uuid
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.identity.index import OrderRef
from goodbuyer.identity.memory_index import MemoryIndex
from goodbuyer.identity.outcomes import HISTORY_LIMIT, PastOrder, outcome_of, summarise
from goodbuyer.payments.models import Chargeback
from goodbuyer.returns.models import Return
from goodbuyer.store.models import Order

_FACT_COLUMNS = (
    Order.id, Order.customer_id, Order.number, Order.placed_at, Order.total, Order.currency,
    Order.payment_method, Order.status, Order.payment_status,
)  # fmt: skip


@dataclass
class OrderFacts:
    """Every order of the shop as the history check sees it, per customer record, oldest
    first; one PastOrder per order and relation, made once."""

    by_customer: dict[uuid.UUID, list[PastOrder]] = field(default_factory=lambda: defaultdict(list))
    household_views: dict[uuid.UUID, PastOrder] = field(default_factory=dict)
    listed: dict[tuple[uuid.UUID, str], dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, shop_id: uuid.UUID) -> OrderFacts:
        returned = set(session.scalars(select(Return.order_id).where(Return.shop_id == shop_id)))
        disputed = set(
            session.scalars(select(Chargeback.order_id).where(Chargeback.shop_id == shop_id))
        )
        facts = cls()
        query = select(*_FACT_COLUMNS).where(Order.shop_id == shop_id).order_by(Order.placed_at)
        for r in session.connection().execute(query):
            outcome = outcome_of(r.status, r.payment_status, r.id in returned, r.id in disputed)
            facts.by_customer[r.customer_id].append(PastOrder(
                r.id, r.number, r.placed_at, r.total, r.currency, r.payment_method.value, outcome,
                "same person",
            ))  # fmt: skip
        return facts

    def past(
        self, order: OrderRef, members: list[uuid.UUID], household: list[uuid.UUID]
    ) -> list[PastOrder]:
        """The newest HISTORY_LIMIT orders of the members and the household placed up to
        this order (itself left out), newest first."""
        found: list[PastOrder] = []
        for customers, as_household in ((members, False), (household, True)):
            for customer in customers:
                facts = self.by_customer.get(customer)
                if not facts:
                    continue
                cut = bisect_right(facts, order.placed_at, key=_PLACED)
                taken = _without(facts[max(0, cut - HISTORY_LIMIT - 1) : cut], order)
                found.extend(map(self._household, taken) if as_household else taken)
        found.sort(key=_PLACED, reverse=True)
        return found[:HISTORY_LIMIT]

    def as_json(self, fact: PastOrder) -> dict[str, Any]:
        """The past order's JSON, made once while later checks list it (processed oldest
        first, an order is listed by its person's next few orders, then no more): the
        oldest are forgotten beyond LISTED_HELD. Shared dicts: do not change them."""
        key = (fact.order_id, fact.relation)
        held = self.listed.get(key)
        if held is None:
            if len(self.listed) >= LISTED_HELD:
                del self.listed[next(iter(self.listed))]
            held = self.listed[key] = fact.as_json()
        return held

    def _household(self, fact: PastOrder) -> PastOrder:
        seen = self.household_views.get(fact.order_id)
        if seen is None:
            seen = self.household_views[fact.order_id] = fact.in_household()
        return seen


def _without(facts: list[PastOrder], order: OrderRef) -> list[PastOrder]:
    """The facts but the order itself, which is among the last (placed at its instant)."""
    for at in range(len(facts) - 1, -1, -1):
        fact = facts[at]
        if fact.placed_at != order.placed_at:
            break
        if fact.order_id == order.id:
            del facts[at]
            break
    return facts


_PLACED = attrgetter("placed_at")
LISTED_HELD = 200_000  # past orders' JSON held for the checks that list them


def check_row(index: MemoryIndex, facts: OrderFacts, order: OrderRef) -> dict[str, Any]:
    """The order's check row, ghost signals left for the caller to add."""
    person = index.person_of(order.customer_id)
    members = sorted(index.members(person))  # as the database path lists them
    inside = set(members)
    household = sorted({h for m in members for h in index.households.get(m, ())} - inside)
    past = facts.past(order, members, household)
    document, flags = summarise(person, members, household, past, facts.as_json)
    return {
        "order_id": order.id, "shop_id": order.shop_id, "person_id": person,
        "checked_at": index.now, "history": document, "red_flags": flags,
    }  # fmt: skip


__all__ = ["OrderFacts", "check_row"]
