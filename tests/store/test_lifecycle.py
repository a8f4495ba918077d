"""Statuses only move forward (pure)."""

from __future__ import annotations

import pytest

from goodbuyer.store.lifecycle import merge_payment_status, merge_status
from goodbuyer.store.statuses import OrderStatus as O
from goodbuyer.store.statuses import PaymentStatus as P


@pytest.mark.parametrize(
    ("current", "incoming", "kept"),
    [
        (O.PLACED, O.CONFIRMED, O.CONFIRMED),
        (O.SHIPPED, O.CONFIRMED, O.SHIPPED),
        (O.DELIVERED, O.CONFIRMED, O.DELIVERED),
        (O.CONFIRMED, O.CANCELLED, O.CANCELLED),
        (O.DELIVERED, O.CANCELLED, O.DELIVERED),
        (O.REFUSED, O.DELIVERED, O.DELIVERED),
        (O.RETURNED_TO_ORIGIN, O.DELIVERED, O.DELIVERED),
        (O.CANCELLED, O.PLACED, O.CANCELLED),
    ],
    ids=lambda v: v.value if isinstance(v, O) else None,
)
def test_order_status(current: O, incoming: O, kept: O) -> None:
    assert merge_status(current, incoming) == kept


@pytest.mark.parametrize(
    ("current", "incoming", "kept"),
    [
        (P.PENDING, P.PAID, P.PAID),
        (P.PAID, P.PENDING, P.PAID),
        (P.UNPAID, P.PENDING, P.UNPAID),
        (P.UNPAID, P.PAID, P.PAID),
        (P.PAID, P.PARTIALLY_REFUNDED, P.PARTIALLY_REFUNDED),
        (P.REFUNDED, P.PARTIALLY_REFUNDED, P.REFUNDED),
        (P.AUTHORIZED, P.VOIDED, P.VOIDED),
        (P.PAID, P.UNPAID, P.PAID),
    ],
    ids=lambda v: v.value if isinstance(v, P) else None,
)
def test_payment_status(current: P, incoming: P, kept: P) -> None:
    assert merge_payment_status(current, incoming) == kept
