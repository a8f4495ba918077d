"""Order status lifecycle: which status may replace which (pure).

A shop update never moves an order backwards: once the carrier says "delivered", an
`orders/updated` webhook that still says "confirmed" does not undo it. Cancellation is
the exception before the parcel's fate is known.
"""

from __future__ import annotations

from goodbuyer.store.statuses import OrderStatus, PaymentStatus

_RANK = {
    OrderStatus.PLACED: 0,
    OrderStatus.AWAITING_CONFIRMATION: 1,
    OrderStatus.CONFIRMED: 2,
    OrderStatus.SHIPPED: 3,
    OrderStatus.DELIVERED: 4,
    OrderStatus.REFUSED: 4,
    OrderStatus.RETURNED_TO_ORIGIN: 4,
    OrderStatus.CANCELLED: 4,
}
FINAL = frozenset({
    OrderStatus.DELIVERED, OrderStatus.REFUSED, OrderStatus.RETURNED_TO_ORIGIN,
    OrderStatus.CANCELLED,
})  # fmt: skip


def merge_status(current: OrderStatus, incoming: OrderStatus) -> OrderStatus:
    """The status to keep when `incoming` arrives for an order now at `current`."""
    if current in FINAL:
        # A refused or returned parcel can still be marked delivered by a later scan
        # (re-delivery); anything else final stays.
        if current in (OrderStatus.REFUSED, OrderStatus.RETURNED_TO_ORIGIN) and (
            incoming == OrderStatus.DELIVERED
        ):
            return incoming
        return current
    if incoming == OrderStatus.CANCELLED:
        return incoming
    return incoming if _RANK[incoming] >= _RANK[current] else current


_PAYMENT_RANK = {
    PaymentStatus.PENDING: 0,
    PaymentStatus.AUTHORIZED: 1,
    PaymentStatus.VOIDED: 2,
    PaymentStatus.UNPAID: 2,
    PaymentStatus.PAID: 3,
    PaymentStatus.PARTIALLY_REFUNDED: 4,
    PaymentStatus.REFUNDED: 5,
}


def merge_payment_status(current: PaymentStatus, incoming: PaymentStatus) -> PaymentStatus:
    """The payment status to keep: money only moves forward. A shop still saying "pending"
    does not undo the "paid" a delivery scan recorded for cash on delivery, nor "unpaid"
    for a refused parcel; a later payment or refund does apply."""
    return incoming if _PAYMENT_RANK[incoming] >= _PAYMENT_RANK[current] else current


__all__ = ["FINAL", "merge_payment_status", "merge_status"]
