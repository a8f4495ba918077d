"""Shopify fulfillments and refunds to our schemas (no database)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from goodbuyer.deliveries.statuses import ShipmentStatus
from goodbuyer.errors import InvalidInput
from goodbuyer.store.sources.shopify import refund_from_shopify, shipment_from_shopify
from goodbuyer.store.statuses import Source
from tests.store.platform_payloads import fixture


def test_fulfillment_with_tracking() -> None:
    shipment = shipment_from_shopify(fixture("shopify/fulfillments_create.json"))

    assert shipment is not None
    assert shipment.external_id == "4903541506294"
    assert (shipment.order_external_id, shipment.order_source) == (
        "820982911946154508",
        Source.SHOPIFY,
    )
    assert shipment.carrier == "UPS"
    assert shipment.tracking_number == "1Z2345E20381936548"
    assert shipment.tracking_url == (
        "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z2345E20381936548"
    )
    assert shipment.status == ShipmentStatus.LABEL_CREATED
    assert shipment.shipped_at == datetime(2026, 3, 2, 13, 12, 40, tzinfo=UTC)
    assert [(e.status, e.occurred_at) for e in shipment.events] == [
        (ShipmentStatus.LABEL_CREATED, datetime(2026, 3, 2, 13, 12, 40, tzinfo=UTC))
    ]


@pytest.mark.parametrize(
    ("shipment_status", "expected"),
    [
        ("label_printed", ShipmentStatus.LABEL_CREATED),
        ("confirmed", ShipmentStatus.LABEL_CREATED),
        ("in_transit", ShipmentStatus.IN_TRANSIT),
        ("ready_for_pickup", ShipmentStatus.IN_TRANSIT),
        ("out_for_delivery", ShipmentStatus.OUT_FOR_DELIVERY),
        ("attempted_delivery", ShipmentStatus.FAILED_ATTEMPT),
        ("failure", ShipmentStatus.FAILED_ATTEMPT),
        ("delivered", ShipmentStatus.DELIVERED),
        ("picked_up", ShipmentStatus.DELIVERED),
    ],
)
def test_shipment_status(shipment_status: str, expected: ShipmentStatus) -> None:
    payload = fixture("shopify/fulfillments_update_delivered.json") | {
        "shipment_status": shipment_status
    }

    shipment = shipment_from_shopify(payload)

    assert shipment is not None
    assert shipment.status == expected
    assert [e.occurred_at for e in shipment.events] == [datetime(2026, 3, 4, 19, 3, 11, tzinfo=UTC)]


def test_an_unknown_shipment_status_adds_no_scan() -> None:
    payload = fixture("shopify/fulfillments_create.json") | {"shipment_status": "teleported"}

    shipment = shipment_from_shopify(payload)

    assert shipment is not None
    assert shipment.events == []


@pytest.mark.parametrize("status", ["cancelled", "error", "failure"])
def test_a_cancelled_or_failed_fulfillment_is_no_shipment(status: str) -> None:
    payload = fixture("shopify/fulfillments_create.json") | {"status": status}

    assert shipment_from_shopify(payload) is None


def test_fulfillment_with_several_tracking_numbers_keeps_the_first() -> None:
    payload = fixture("shopify/fulfillments_create.json") | {
        "tracking_numbers": ["A1", "B2"],
        "tracking_number": "A1",
    }

    shipment = shipment_from_shopify(payload)

    assert shipment is not None
    assert shipment.tracking_number == "A1"


def test_refund_sums_its_successful_refund_transactions() -> None:
    refund = refund_from_shopify(fixture("shopify/refunds_create.json"))

    assert refund is not None
    assert refund.external_id == "890088186047892319"
    assert refund.order_external_id == "820982911946154508"
    assert refund.order_source == Source.SHOPIFY
    assert (refund.amount, refund.currency) == (8999, "USD")
    assert refund.reason == "Sunglasses arrived scratched"
    assert refund.refunded_at == datetime(2026, 3, 6, 16, 0, 2, tzinfo=UTC)


def test_refund_of_several_transactions() -> None:
    payload = fixture("shopify/refunds_create.json")
    for transaction in payload["transactions"]:
        transaction["status"] = "success"

    refund = refund_from_shopify(payload)

    assert refund is not None
    assert refund.amount == 2 * 8999


def test_a_refund_that_moved_no_money_is_none() -> None:
    payload: dict[str, Any] = fixture("shopify/refunds_create.json") | {"transactions": []}

    assert refund_from_shopify(payload) is None


def test_a_refund_in_two_currencies_is_refused() -> None:
    payload = fixture("shopify/refunds_create.json")
    for transaction, currency in zip(payload["transactions"], ["USD", "CAD"], strict=True):
        transaction["status"] = "success"
        transaction["currency"] = currency

    with pytest.raises(InvalidInput) as exc:
        refund_from_shopify(payload)

    assert [e.location for e in exc.value.errors] == ["transactions"]
