"""Every person's `customer.*` features as of a moment, from one pass of the replay over
the whole shop (segments after a backfill or a policy change)."""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy.orm import Session

from goodbuyer.risk.facts import Money
from goodbuyer.risk.features import Features, customer_features
from goodbuyer.risk.replay import Replay, timeline
from goodbuyer.risk.replay_load import load_history


def standing(
    session: Session, shop_id: uuid.UUID, money: Money, now: datetime
) -> Iterator[tuple[uuid.UUID, Features]]:
    """(person id, customer.* features) for every person with an order, as of `now`."""
    history = load_history(session, shop_id)
    known = [item for item in timeline(history) if item[0] <= now]
    replay = Replay(history, money)
    # Nothing is placed after the end of time: running the replay only gathers the facts.
    deque(replay.run(known, {}, since=datetime.max.replace(tzinfo=now.tzinfo)), maxlen=0)
    for person, facts in replay.facts.items():
        if facts.placed:
            yield uuid.UUID(hex=person), customer_features(facts, now)


__all__ = ["standing"]
