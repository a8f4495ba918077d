"""Replay a shop's history in time order and give every order the features it had when
it was placed: only what was known by then counts (an outcome from its last source
update, a return from its request, a dispute from its opening). The backtest and the
model read their features here; a live decision makes the same ones (risk.live).

`Replay` runs over a loaded `History` (risk.replay_load) with ids as text; it can run
over a part of the persons (households kept together), so that the backtest splits the
work between processes. `replay()` is the plain form: every order with its `Replayed`.
"""

from __future__ import annotations

import dataclasses
import uuid
from bisect import bisect_left
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

from sqlalchemy.orm import Session

from goodbuyer.identity.outcomes import OrderOutcome
from goodbuyer.risk.events import OrderRow
from goodbuyer.risk.facts import Disputed, Event, Money, PersonFacts, Returned, Settled
from goodbuyer.risk.features import (
    Context,
    Features,
    Velocity,
    customer_features,
    order_features,
    person_velocity,
)
from goodbuyer.risk.replay_load import History, LoadedOrder, load_history

DAY_SECONDS = 86400.0
NO_HOUSE_NUMBER = frozenset({"address_no_number", "address_missing"})
_KINDS = ("phone", "email", "address")


@dataclass(frozen=True, slots=True)
class Replayed:
    """One order as it looked when placed, and how it ended."""

    row: OrderRow
    person_id: uuid.UUID
    features: Features  # segments, snoozes and model scores left empty
    customer: Features  # the customer.* part, for the policy's segments
    outcome: OrderOutcome  # how it ended
    returned: bool  # it got a return
    charged_back: bool  # it was disputed


@dataclass(frozen=True, slots=True)
class Case:
    """One replayed order in the replay's own terms (ids as text)."""

    order: LoadedOrder
    features: Features
    customer: Features
    returned: bool
    charged_back: bool


def contact_velocity(
    history: History, wanted: Collection[str] | None = None
) -> dict[str, tuple[int, int, int]]:
    """Orders sharing each order's phone, e-mail and building in the 24 hours before it,
    the order included; only orders with a count above one (and in `wanted`) are kept."""
    times: dict[tuple[str, str], list[float]] = {}
    found: dict[str, tuple[int, int, int]] = {}
    for order in history.orders:
        keys = history.keys.get(order.customer_id)
        if not keys:
            continue
        at = order.placed.placed_at.timestamp()
        if wanted is None or order.order_id in wanted:
            best = {"phone": 1, "email": 1, "address": 1}
            for key in keys:
                seen = times.get(key)
                if seen:
                    count = len(seen) - bisect_left(seen, at - DAY_SECONDS) + 1
                    best[key[0]] = max(best[key[0]], count)
            if best["phone"] > 1 or best["email"] > 1 or best["address"] > 1:
                found[order.order_id] = (best["phone"], best["email"], best["address"])
        for key in keys:
            times.setdefault(key, []).append(at)
    return found


def timeline(history: History) -> list[tuple[datetime, int, str, Event | LoadedOrder]]:
    """Every event and order in time order; at one moment, what was known comes first."""
    items: list[tuple[datetime, int, str, Event | LoadedOrder]] = []
    for order in history.orders:
        items.append((order.placed.placed_at, 1, order.person, order))
        if order.outcome is not OrderOutcome.OPEN:
            at = max(order.updated_at, order.placed.placed_at)
            items.append((at, 0, order.person, Settled(order.order_id, at, order.outcome)))  # type: ignore[arg-type]
    for person, event in history.events:
        items.append((event.at, 0, person, event))  # type: ignore[union-attr]
    items.sort(key=itemgetter(0, 1))
    return items


class Replay:
    """One pass over a history; `facts` holds every person's facts as the pass went."""

    def __init__(self, history: History, money: Money) -> None:
        self.history = history
        self.money = money
        self.facts: dict[str, PersonFacts] = {}
        ended = [e for _, e in history.events if isinstance(e, Returned | Disputed)]
        self.returned = {e.order_id for e in ended if isinstance(e, Returned)}
        self.disputed = {e.order_id for e in ended if isinstance(e, Disputed)}

    def _facts(self, person: str) -> PersonFacts:
        mine = self.facts.get(person)
        if mine is None:
            mine = self.facts[person] = PersonFacts(money=self.money)
        return mine

    def run(
        self,
        items: list[tuple[datetime, int, str, Event | LoadedOrder]],
        velocity: dict[str, tuple[int, int, int]],
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        persons: Collection[str] | None = None,
    ) -> Iterator[Case]:
        """The orders placed in [since, until) (of `persons`, when given), oldest first."""
        households, ghosts, facts = self.history.households, self.history.ghosts, self.facts
        for at, _, person, item in items:
            if persons is not None and person not in persons:
                continue
            mine = facts.get(person) or self._facts(person)
            if not isinstance(item, LoadedOrder):
                mine.apply(item)
                continue
            placed = item.placed
            if (since is None or at >= since) and (until is None or at < until):
                hour, day, duplicate = person_velocity(mine, placed)
                phone, email, address = velocity.get(item.order_id, (1, 1, 1))
                score, codes = ghosts.get(item.order_id, (0.0, ()))
                context = Context(
                    item.country, not NO_HOUSE_NUMBER.intersection(codes),
                    Velocity(hour, day, phone, email, address, duplicate), score, codes,
                )  # fmt: skip
                household = [facts[h] for h in households.get(person, ()) if h in facts]
                known = customer_features(mine, at)
                features = order_features(placed, mine, household, context, customer=known)
                yield Case(item, features, known, item.order_id in self.returned,
                           item.order_id in self.disputed)  # fmt: skip
            mine.apply(placed)


def _public(case: Case, person: uuid.UUID) -> Replayed:
    order = case.order
    order_id = uuid.UUID(hex=order.order_id)
    placed = dataclasses.replace(order.placed, order_id=order_id)
    row = OrderRow(order_id, uuid.UUID(hex=order.customer_id), order.number, order.country,
                   placed, order.outcome, order.updated_at)  # fmt: skip
    return Replayed(row, person, case.features, case.customer, order.outcome, case.returned,
                    case.charged_back)  # fmt: skip


def replay(
    session: Session,
    shop_id: uuid.UUID,
    money: Money,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Iterator[Replayed]:
    """Every order placed in [since, until) with its features as of its time, oldest first.
    Earlier orders are replayed too (they make the history), but not yielded."""
    history = load_history(session, shop_id)
    items = timeline(history)
    velocity = contact_velocity(history)
    persons: dict[str, uuid.UUID] = {}
    for case in Replay(history, money).run(items, velocity, since=since, until=until):
        person = persons.get(case.order.person)
        if person is None:
            person = persons[case.order.person] = uuid.UUID(hex=case.order.person)
        yield _public(case, person)


__all__ = [
    "NO_HOUSE_NUMBER", "Case", "Replay", "Replayed", "contact_velocity", "replay", "timeline",
]  # fmt: skip
