"""What is known about a person at a moment (pure): their orders' outcomes, returns,
refunds, chargebacks and tickets, each counted only once it was known.

The same accumulator serves a live decision (fed from the database, everything known by
now) and the replay behind the backtest and the model (fed in time order), so a feature
means the same thing in both and nothing from the future leaks into the past.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from goodbuyer.identity.outcomes import UNSUCCESSFUL, OrderOutcome

DOUBLE_ORDER_SECONDS = 3600  # the same items again within an hour: a double order
LATE_RETURN_DAYS = 21  # a return asked for this long after the order: near the window's end
BULK_RETURN_ITEMS = 3  # a return of at least this many items, most of the order, is in bulk
TICKET_TAGS = ("threat_review", "threat_legal", "threat_chargeback", "abusive",
               "discount_request", "unrealistic", "not_received", "change_address")  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlacedOrder:
    """An order as it was placed: what the person asked for."""

    order_id: uuid.UUID
    placed_at: datetime
    total: int
    currency: str
    payment: str  # PaymentMethod value
    items: int
    basket: frozenset[str]  # the SKUs
    max_variants: int  # the most sizes/colours of one product in the basket


@dataclass(frozen=True, slots=True)
class Settled:
    """An order's outcome, known from `at` (its last update at the source)."""

    order_id: uuid.UUID
    at: datetime
    outcome: OrderOutcome


@dataclass(frozen=True, slots=True)
class Returned:
    order_id: uuid.UUID
    at: datetime  # asked for
    items: int
    value: int
    worn: int  # items sent back worn
    reason: str


@dataclass(frozen=True, slots=True)
class Refunded:
    order_id: uuid.UUID
    at: datetime
    amount: int
    currency: str
    not_received: bool  # refunded because the parcel "never arrived"


@dataclass(frozen=True, slots=True)
class Disputed:
    order_id: uuid.UUID
    at: datetime
    reason: str  # ChargebackReason value


@dataclass(frozen=True, slots=True)
class TicketOpened:
    at: datetime
    tags: frozenset[str]


Event = PlacedOrder | Settled | Returned | Refunded | Disputed | TicketOpened


def event_time(event: Event) -> datetime:
    return event.placed_at if isinstance(event, PlacedOrder) else event.at


@dataclass(frozen=True, slots=True)
class Money:
    """Amounts in one currency: `rates` give units of `base` per unit of another currency
    (the policy's); without rates every amount counts as it is."""

    base: str = ""
    rates: tuple[tuple[str, float], ...] = ()

    def value(self, amount: int, currency: str) -> int:
        if not self.rates or currency == self.base:
            return amount
        for code, rate in self.rates:
            if code == currency:
                return round(amount * rate)
        return 0


@dataclass(slots=True)
class PersonFacts:
    """Running counts for one person; `apply` each event in time order."""

    money: Money = field(default_factory=lambda: Money())
    placed: dict[uuid.UUID, PlacedOrder] = field(default_factory=dict)
    outcomes: dict[uuid.UUID, OrderOutcome] = field(default_factory=dict)
    counts: dict[OrderOutcome, int] = field(default_factory=dict)  # orders per outcome
    cod_orders: int = 0
    delivered_items: int = 0
    delivered_value: int = 0
    returned_items: int = 0
    returned_value: int = 0
    returns: int = 0
    worn_returns: int = 0
    bulk_returns: int = 0
    bracket_returns: int = 0
    late_returns: int = 0
    refunded: int = 0
    not_received_claims: int = 0
    double_orders: int = 0
    prepaid_since_unsuccessful: int = 0
    tickets: int = 0
    ticket_tags: dict[str, int] = field(default_factory=dict)
    first_at: datetime | None = None
    last_at: datetime | None = None
    last_basket: tuple[datetime, frozenset[str]] | None = None

    def apply(self, event: Event) -> None:
        if isinstance(event, PlacedOrder):
            self._placed(event)
        elif isinstance(event, Settled):
            self._settled(event)
        elif isinstance(event, Returned):
            self._returned(event)
        elif isinstance(event, Refunded):
            self.refunded += self.money.value(event.amount, event.currency)
            self.not_received_claims += event.not_received
        elif isinstance(event, Disputed):
            self._settled(Settled(event.order_id, event.at, OrderOutcome.CHARGED_BACK))
            self.not_received_claims += event.reason == "product_not_received"
        else:
            self.tickets += 1
            for tag in event.tags:
                self.ticket_tags[tag] = self.ticket_tags.get(tag, 0) + 1

    def _placed(self, order: PlacedOrder) -> None:
        if order.order_id in self.placed:
            return
        self.placed[order.order_id] = order
        self.cod_orders += order.payment == "cod"
        self.first_at = self.first_at or order.placed_at
        self.last_at = order.placed_at
        last = self.last_basket
        if last and (order.placed_at - last[0]).total_seconds() <= DOUBLE_ORDER_SECONDS:
            self.double_orders += bool(order.basket) and order.basket == last[1]
        self.last_basket = (order.placed_at, order.basket)

    def _settled(self, settled: Settled) -> None:
        before = self.outcomes.get(settled.order_id)
        if before == settled.outcome or before is OrderOutcome.CHARGED_BACK:
            return
        self.outcomes[settled.order_id] = settled.outcome
        counts = self.counts
        if before is not None:
            counts[before] -= 1
        counts[settled.outcome] = counts.get(settled.outcome, 0) + 1
        order = self.placed.get(settled.order_id)
        if settled.outcome in UNSUCCESSFUL:
            self.prepaid_since_unsuccessful = 0
        elif settled.outcome is OrderOutcome.DELIVERED_PAID and before is None and order:
            self.delivered_items += order.items
            self.delivered_value += self.money.value(order.total, order.currency)
            self.prepaid_since_unsuccessful += order.payment != "cod"

    def _returned(self, ret: Returned) -> None:
        self.returns += 1
        self.returned_items += ret.items
        self.returned_value += ret.value  # in the order's currency
        self.worn_returns += ret.worn > 0
        order = self.placed.get(ret.order_id)
        if order is None:
            return
        self.bulk_returns += ret.items >= BULK_RETURN_ITEMS and ret.items * 2 > order.items
        self.bracket_returns += order.max_variants >= 2
        self.late_returns += (ret.at - order.placed_at).days >= LATE_RETURN_DAYS

    def count(self, *outcomes: OrderOutcome) -> int:
        counts = self.counts
        return sum(counts.get(o, 0) for o in set(outcomes))


__all__ = [
    "BULK_RETURN_ITEMS", "DOUBLE_ORDER_SECONDS", "LATE_RETURN_DAYS", "TICKET_TAGS", "Disputed",
    "Event", "Money", "PersonFacts", "PlacedOrder", "Refunded", "Returned", "Settled",
    "TicketOpened", "event_time",
]  # fmt: skip
