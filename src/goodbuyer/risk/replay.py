"""Replay a shop's history in time order and give every order the features it had when
it was placed: only what was known by then counts (an outcome from its last source
update, a return from its request, a dispute from its opening). The backtest and the
model read their features here; a live decision makes the same ones (risk.live).
"""

from __future__ import annotations

import uuid
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from goodbuyer.identity.outcomes import OrderOutcome
from goodbuyer.identity.snapshot import IdentitySnapshot, load_snapshot
from goodbuyer.risk.events import OrderRow, after_sales, order_rows, settled
from goodbuyer.risk.facts import Disputed, Event, Money, PersonFacts, PlacedOrder, Returned
from goodbuyer.risk.features import (
    Context,
    Features,
    Velocity,
    customer_features,
    order_features,
    person_velocity,
)

DAY = timedelta(days=1)
NO_HOUSE_NUMBER = frozenset({"address_no_number", "address_missing"})


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


@dataclass(slots=True)
class _Keys:
    """Order times per contact key, for velocity."""

    times: dict[tuple[str, str], list[datetime]]

    def count_24h(self, keys: list[tuple[str, str]], at: datetime, kind: str) -> int:
        best = 1
        for key in keys:
            if key[0] != kind:
                continue
            times = self.times.get(key)
            if times:
                best = max(best, len(times) - bisect_left(times, at - DAY) + 1)
        return best

    def add(self, keys: list[tuple[str, str]], at: datetime) -> None:
        for key in keys:
            self.times.setdefault(key, []).append(at)


def context_of(snap: IdentitySnapshot, row: OrderRow, velocity: Velocity) -> Context:
    score, codes = snap.ghosts.get(row.order_id, (0.0, ()))
    return Context(
        country=row.country, has_house_number=not NO_HOUSE_NUMBER & set(codes),
        velocity=velocity, ghost_score=score, ghost_signals=codes,
    )  # fmt: skip


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
    snap = load_snapshot(session, shop_id)
    rows = order_rows(session, shop_id)
    extra = after_sales(session, shop_id)
    timeline: list[tuple[datetime, int, uuid.UUID, Event | OrderRow]] = []
    ended_returned: set[uuid.UUID] = set()
    ended_disputed: set[uuid.UUID] = set()
    for row in rows:
        person = snap.person_of(row.customer_id)
        timeline.append((row.placed.placed_at, 1, person, row))
        done = settled(row)
        if done is not None:
            timeline.append((done.at, 0, person, done))
    for customer, events in extra.items():
        person = snap.person_of(customer)
        for event in events:
            if isinstance(event, Returned):
                ended_returned.add(event.order_id)
            elif isinstance(event, Disputed):
                ended_disputed.add(event.order_id)
            timeline.append((event.placed_at if isinstance(event, PlacedOrder) else event.at, 0,
                             person, event))  # fmt: skip
    del rows, extra
    timeline.sort(key=lambda t: (t[0], t[1]))
    facts: dict[uuid.UUID, PersonFacts] = defaultdict(lambda: PersonFacts(money=money))
    keys = _Keys({})
    for at, _, person, item in timeline:
        if not isinstance(item, OrderRow):
            facts[person].apply(item)
            continue
        row, mine = item, facts[person]
        wanted = (since is None or at >= since) and (until is None or at < until)
        record_keys = snap.keys.get(row.customer_id, [])
        if wanted:
            hour, day, duplicate = person_velocity(mine, row.placed)
            velocity = Velocity(
                hour, day, keys.count_24h(record_keys, at, "phone"),
                keys.count_24h(record_keys, at, "email"),
                keys.count_24h(record_keys, at, "address"), duplicate,
            )  # fmt: skip
            household = [facts[h] for h in snap.households.get(person, ()) if h in facts]
            known = customer_features(mine, at)
            features = order_features(
                row.placed, mine, household, context_of(snap, row, velocity), customer=known
            )
            returned, disputed = row.order_id in ended_returned, row.order_id in ended_disputed
            yield Replayed(row, person, features, known, row.outcome, returned, disputed)
        mine.apply(row.placed)
        keys.add(record_keys, at)


__all__ = ["NO_HOUSE_NUMBER", "Replayed", "context_of", "replay"]
