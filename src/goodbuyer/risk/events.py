"""An order as the replay gives it to its readers (the backtest, the model, bulk
decisions); the replay itself reads the shop in `risk/replay_load.py`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from goodbuyer.identity.outcomes import OrderOutcome
from goodbuyer.risk.facts import PlacedOrder


@dataclass(frozen=True, slots=True)
class OrderRow:
    """What the replay's readers need of an order besides its features."""

    order_id: uuid.UUID
    customer_id: uuid.UUID
    number: str
    country: str
    placed: PlacedOrder
    outcome: OrderOutcome  # as it ended (or stands now), returns and disputes left out
    updated_at: datetime  # the last update at the source: when the outcome was known


__all__ = ["OrderRow"]
