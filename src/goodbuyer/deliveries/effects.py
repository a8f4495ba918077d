"""What a carrier scan means for its order (pure)."""

from __future__ import annotations

from goodbuyer.deliveries.statuses import ShipmentStatus
from goodbuyer.store.statuses import OrderStatus, PaymentMethod, PaymentStatus

_ORDER_STATUS = {
    ShipmentStatus.IN_TRANSIT: OrderStatus.SHIPPED,
    ShipmentStatus.OUT_FOR_DELIVERY: OrderStatus.SHIPPED,
    ShipmentStatus.FAILED_ATTEMPT: OrderStatus.SHIPPED,
    ShipmentStatus.LOST: OrderStatus.SHIPPED,
    ShipmentStatus.DAMAGED: OrderStatus.SHIPPED,
    ShipmentStatus.DELIVERED: OrderStatus.DELIVERED,
    ShipmentStatus.REFUSED: OrderStatus.REFUSED,
    ShipmentStatus.RETURNED_TO_ORIGIN: OrderStatus.RETURNED_TO_ORIGIN,
}


def order_status_for(status: ShipmentStatus) -> OrderStatus | None:
    """The order status a shipment status implies; None when it implies nothing (a label)."""
    return _ORDER_STATUS.get(status)


def payment_status_for(
    status: ShipmentStatus, method: PaymentMethod, current: PaymentStatus
) -> PaymentStatus:
    """Cash on delivery is paid at the door, and never paid when the parcel goes back."""
    if method != PaymentMethod.CASH_ON_DELIVERY or current != PaymentStatus.PENDING:
        return current
    if status == ShipmentStatus.DELIVERED:
        return PaymentStatus.PAID
    if status in (ShipmentStatus.REFUSED, ShipmentStatus.RETURNED_TO_ORIGIN):
        return PaymentStatus.UNPAID
    return current


__all__ = ["order_status_for", "payment_status_for"]
