"""A ticket's facts (pure): what the playbook decides on, built from plain values read
elsewhere (`support.facts.gather_facts` reads them from the database).

Fault, the first rule that holds:

1. `unknown`: no order is linked to the ticket.
2. `carrier`: the carrier scanned the parcel lost or damaged.
3. `store`: a return of the order says the wrong item was sent, or it was damaged or not
   as described, and no carrier scan blames the carrier (rule 2).
4. `customer`: the parcel was refused at the door or came back undeliverable (the address
   the customer gave).
5. `carrier`: shipped, not delivered, and more than `late_days_for_claim` days past the
   promised date.
6. `store`: not shipped yet although the promised date has passed.
7. `customer`: the carrier scanned it delivered at the address the customer gave (a
   "never arrived" after that is outside the store's control).
8. `none`: nothing went wrong (yet).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

Fault = Literal["store", "carrier", "customer", "none", "unknown"]
FAULTS: tuple[Fault, ...] = ("store", "carrier", "customer", "none", "unknown")

# Shipment statuses (deliveries.statuses.ShipmentStatus values) the rules read.
_CARRIER_BLAME = frozenset({"lost", "damaged"})
_UNDELIVERABLE = frozenset({"refused", "returned_to_origin"})
_MOVING = frozenset({"in_transit", "out_for_delivery", "failed_attempt", "lost", "damaged"})
# Order statuses (store.statuses.OrderStatus values) that mean the parcel has left.
_LEFT = frozenset({"shipped", "delivered", "refused", "returned_to_origin"})
# Return reasons (returns.statuses.ReturnReason values) that are the store's mistake.
_STORE_MISTAKES = frozenset({"wrong_item", "damaged", "not_as_described"})


@dataclass(frozen=True)
class DisputeFacts:
    """An open chargeback on one of the customer's orders."""

    order_number: str
    amount: int
    currency: str
    reason: str
    opened_at: datetime


@dataclass(frozen=True)
class TicketFacts:
    has_order: bool
    order_number: str | None
    order_status: str | None  # OrderStatus value
    payment_method: str | None
    shipped: bool
    delivered_scan: bool
    days_late: int | None  # days past the promised date, None if no promise
    days_since_delivery: int | None
    fault: Fault
    first_name: str | None
    carrier: str | None
    tracking_number: str | None
    tracking_url: str | None
    order_total: int | None  # minor units
    currency: str | None
    net_value: int  # the customer's net lifetime value, minor units
    vip: bool  # net_value >= policy.support.vip_threshold
    segments: tuple[str, ...]
    open_dispute: DisputeFacts | None
    blocked: bool  # on the support block list (zero tolerance)
    # The lines a return of the order names, minor units of the order's currency (None
    # when no return names any): what a refund for part of an order pays.
    affected_total: int | None = None
    # When the carrier first scanned the latest delivery (None: no delivery scan).
    delivered_at: datetime | None = None


@dataclass(frozen=True)
class ScanView:
    status: str  # ShipmentStatus value
    occurred_at: datetime


@dataclass(frozen=True)
class ShipmentView:
    status: str  # ShipmentStatus value
    carrier: str | None
    tracking_number: str | None
    tracking_url: str | None
    promised_at: datetime | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    scans: tuple[ScanView, ...] = ()

    def statuses(self) -> set[str]:
        return {self.status, *(s.status for s in self.scans)}

    def delivered(self) -> datetime | None:
        """When the carrier scanned it delivered (None: no delivery scan)."""
        scans = [s.occurred_at for s in self.scans if s.status == "delivered"]
        if self.delivered_at is not None:
            return self.delivered_at
        return min(scans) if scans else None

    def turned_back(self) -> datetime | None:
        """When the carrier first scanned it refused or sent back (None: never)."""
        return min((s.occurred_at for s in self.scans if s.status in _UNDELIVERABLE),
                   default=None)  # fmt: skip


@dataclass(frozen=True)
class ReturnView:
    reason: str  # ReturnReason value
    value: int  # the lines it names, minor units of the order's currency
    requested_at: datetime


@dataclass(frozen=True)
class OrderView:
    number: str
    status: str  # OrderStatus value
    payment_method: str  # PaymentMethod value
    total: int
    currency: str
    customer_name: str | None
    raw: Mapping[str, Any]


@dataclass(frozen=True)
class CustomerView:
    net_value: int  # minor units of the policy's currency
    segments: tuple[str, ...]
    dispute: DisputeFacts | None
    blocked: bool = False


def build_facts(
    order: OrderView | None,
    shipments: Sequence[ShipmentView],
    returns: Sequence[ReturnView],
    customer: CustomerView,
    *,
    vip_threshold: int,
    late_days_for_claim: int,
    now: datetime,
) -> TicketFacts:
    """The facts of a ticket about `order` (None: no order known) as of `now`."""
    current = shipments[-1] if shipments else None
    delivered = _delivered(shipments)
    shipped = _shipped(order, shipments)
    late = _days_late(shipments, delivered, now)
    latest_return = max(returns, key=lambda r: r.requested_at, default=None)
    return TicketFacts(
        has_order=order is not None,
        order_number=order.number if order else None,
        order_status=order.status if order else None,
        payment_method=order.payment_method if order else None,
        shipped=shipped,
        delivered_scan=delivered is not None,
        days_late=late,
        days_since_delivery=max(0, (now - delivered).days) if delivered else None,
        fault=fault_of(
            order, shipments, returns, shipped, delivered is not None, late, late_days_for_claim
        ),
        first_name=first_name(order.customer_name, order.raw) if order else None,
        carrier=current.carrier if current else None,
        tracking_number=current.tracking_number if current else None,
        tracking_url=current.tracking_url if current else None,
        order_total=order.total if order else None,
        currency=order.currency if order else None,
        net_value=customer.net_value,
        vip=customer.net_value >= vip_threshold,
        segments=tuple(sorted(set(customer.segments))),
        open_dispute=customer.dispute,
        blocked=customer.blocked,
        affected_total=latest_return.value if latest_return and latest_return.value else None,
        delivered_at=delivered,
    )


def _delivered(shipments: Sequence[ShipmentView]) -> datetime | None:
    times = [t for t in (s.delivered() for s in shipments) if t is not None]
    return max(times) if times else None


def _shipped(order: OrderView | None, shipments: Sequence[ShipmentView]) -> bool:
    if order is not None and order.status in _LEFT:
        return True
    return any(s.shipped_at is not None or s.statuses() & (_MOVING | _UNDELIVERABLE | {"delivered"})
               for s in shipments)  # fmt: skip


def _days_late(
    shipments: Sequence[ShipmentView], delivered: datetime | None, now: datetime
) -> int | None:
    """Whole days between the latest promise and the delivery (or the parcel's refusal or
    return, or now while it is still on its way); 0 when on time. None when no shipment
    carries a promise."""
    promised = [(s.promised_at, s) for s in shipments if s.promised_at is not None]
    if not promised:
        return None
    promise, shipment = promised[-1]
    ended = delivered or shipment.turned_back() or now
    return max(0, (ended - promise).days)


def fault_of(
    order: OrderView | None,
    shipments: Sequence[ShipmentView],
    returns: Sequence[ReturnView],
    shipped: bool,
    delivered: bool,
    days_late: int | None,
    late_days_for_claim: int,
) -> Fault:
    """Whose fault the order's trouble is: the rules of the module's docstring, in order."""
    if order is None:
        return "unknown"
    seen = set().union(*(s.statuses() for s in shipments)) if shipments else set()
    if seen & _CARRIER_BLAME:
        return "carrier"
    if any(r.reason in _STORE_MISTAKES for r in returns):
        return "store"
    if seen & _UNDELIVERABLE or order.status in _UNDELIVERABLE:
        return "customer"
    late = days_late or 0
    if shipped and not delivered and late > late_days_for_claim:
        return "carrier"
    if not shipped and late > 0:
        return "store"
    return "customer" if delivered else "none"


def shipment_as_of(shipment: ShipmentView, at: datetime) -> ShipmentView:
    """The shipment as it stood at `at` (a message read long after it was sent): scans
    after `at` dropped, shipped and delivered times after `at` forgotten, and its status
    the latest remaining scan's (`in_transit` when only the hand-over to the carrier is
    known, `label_created` when nothing is)."""
    later = [t for t in (shipment.shipped_at, shipment.delivered_at) if t is not None and t > at]
    if not later and all(s.occurred_at <= at for s in shipment.scans):
        return shipment
    scans = tuple(s for s in shipment.scans if s.occurred_at <= at)
    shipped = shipment.shipped_at if shipment.shipped_at and shipment.shipped_at <= at else None
    delivered = (
        shipment.delivered_at if shipment.delivered_at and shipment.delivered_at <= at else None
    )
    if scans:
        status = max(scans, key=lambda s: s.occurred_at).status
    else:
        status = "delivered" if delivered else "in_transit" if shipped else "label_created"
    return replace(shipment, status=status, shipped_at=shipped, delivered_at=delivered,
                   scans=scans)  # fmt: skip


def status_as_of(status: str, shipments: Sequence[ShipmentView]) -> str:
    """An order's status at the time its shipments were rewound to (`shipment_as_of`):
    a status that says the parcel has left counts only once a shipment shows it had.
    Without shipments nothing tells the time, and the status stands."""
    if status not in _LEFT or not shipments:
        return status
    seen = set().union(*(s.statuses() for s in shipments))
    if _delivered(shipments) is not None:
        return "delivered"
    for undeliverable in ("refused", "returned_to_origin"):
        if undeliverable in seen:
            return undeliverable
    return "shipped" if _shipped(None, shipments) else "placed"


_GIVEN_NAME_KEYS = (("customer", "first_name"), ("billing", "first_name"),
                    ("shipping_address", "first_name"), ("shipping", "first_name"),
                    ("customer", "given_name"))  # fmt: skip


def first_name(name: str | None, raw: Mapping[str, Any]) -> str | None:
    """The customer's first name: the source's own first-name field when it sent one
    (Shopify, WooCommerce), else the first word of the name as given."""
    for outer, inner in _GIVEN_NAME_KEYS:
        part = raw.get(outer)
        value = part.get(inner) if isinstance(part, Mapping) else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    words = (name or "").split()
    return words[0] if words else None


__all__ = [
    "FAULTS", "CustomerView", "DisputeFacts", "Fault", "OrderView", "ReturnView", "ScanView",
    "ShipmentView", "TicketFacts", "build_facts", "fault_of", "first_name", "shipment_as_of",
    "status_as_of",
]  # fmt: skip
