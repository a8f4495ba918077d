"""Every person's `customer.*` features as of a moment, from the whole shop's events at
once (segments after a backfill or a policy change)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy.orm import Session

from goodbuyer.identity.snapshot import load_snapshot
from goodbuyer.risk.events import after_sales, order_rows, settled
from goodbuyer.risk.facts import Event, Money, PersonFacts, PlacedOrder, event_time
from goodbuyer.risk.features import Features, customer_features


def standing(
    session: Session, shop_id: uuid.UUID, money: Money, now: datetime
) -> Iterator[tuple[uuid.UUID, Features]]:
    """(person id, customer.* features) for every person with an order, as of `now`."""
    snap = load_snapshot(session, shop_id)
    events: dict[uuid.UUID, list[Event]] = defaultdict(list)
    for row in order_rows(session, shop_id):
        if row.placed.placed_at > now:
            continue
        mine = events[snap.person_of(row.customer_id)]
        mine.append(row.placed)
        done = settled(row)
        if done is not None and done.at <= now:
            mine.append(done)
    for customer, found in after_sales(session, shop_id).items():
        person = snap.person_of(customer)
        if person in events:
            events[person] += [e for e in found if event_time(e) <= now]
    for person, mine in events.items():
        mine.sort(key=lambda e: (event_time(e), not isinstance(e, PlacedOrder)))
        facts = PersonFacts(money=money)
        for event in mine:
            facts.apply(event)
        yield person, customer_features(facts, now)


__all__ = ["standing"]
