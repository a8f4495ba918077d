"""Shopify webhooks over HTTP that change records: order updates in any order, cancellations,
fulfillments with tracking, refunds."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.deliveries.models import Shipment
from goodbuyer.payments.models import Refund
from goodbuyer.store.models import Order
from goodbuyer.web.deps import Services
from tests.factories import auth, count_rows, make_shop, order_json
from tests.store.platform_payloads import delivery_outcomes, fixture, send_shopify, webhook_secrets

COD_ORDER = "shopify/orders_create_cod_hu.json"
CARD_ORDER = "shopify/orders_create_card.json"


def test_older_update_does_not_overwrite_a_newer_order(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services, **webhook_secrets())
    newer = fixture(COD_ORDER) | {"updated_at": "2026-02-28T10:00:00+01:00", "note": "newer"}
    older = fixture(COD_ORDER) | {"updated_at": "2026-02-28T09:00:00+01:00", "note": "older"}
    created = send_shopify(client, newer, "orders/updated", "wh-2").json()

    late = send_shopify(client, older, "orders/updated", "wh-1")

    assert late.status_code == 200
    assert late.json()["result"]["action"] == "stale"
    with services.sessions() as session:
        assert session.scalar(select(Order.note)) == "newer"
    stored_at = order_json(client, key, created["result"]["id"])["source_updated_at"]
    assert stored_at.startswith("2026-02-28T09:00:00")  # the newer one's 10:00+01:00


def test_orders_cancelled_cancels_the_order(client: TestClient, services: Services) -> None:
    _, key = make_shop(services, **webhook_secrets())
    created = send_shopify(client, fixture(COD_ORDER), "orders/create", "wh-1").json()

    cancelled = send_shopify(
        client, fixture("shopify/orders_cancelled_cod_hu.json"), "orders/cancelled", "wh-2"
    )

    assert cancelled.json()["result"]["action"] == "updated"
    order = order_json(client, key, created["result"]["id"])
    assert (order["status"], order["payment_status"]) == ("cancelled", "voided")


def test_fulfillments_make_a_tracked_shipment_that_moves_the_order(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services, **webhook_secrets())
    order_id = send_shopify(client, fixture(CARD_ORDER), "orders/create", "wh-1").json()["result"][
        "id"
    ]

    created = send_shopify(
        client, fixture("shopify/fulfillments_create.json"), "fulfillments/create", "wh-2"
    )
    delivered = send_shopify(
        client,
        fixture("shopify/fulfillments_update_delivered.json"),
        "fulfillments/update",
        "wh-3",
    )

    assert [created.json()["result"]["action"], delivered.json()["result"]["action"]] == [
        "created",
        "updated",
    ]
    shipments = client.get(f"/api/v1/orders/{order_id}/shipments", headers=auth(key)).json()
    assert [(s["carrier"], s["tracking_number"], s["status"]) for s in shipments] == [
        ("UPS", "1Z2345E20381936548", "delivered")
    ]
    assert shipments[0]["tracking_url"].endswith("trackNums=1Z2345E20381936548")
    events = client.get(f"/api/v1/shipments/{shipments[0]['id']}/events", headers=auth(key))
    assert [e["status"] for e in events.json()] == ["label_created", "delivered"]
    assert order_json(client, key, order_id)["status"] == "delivered"


def test_a_fulfillment_before_its_order_is_refused_so_the_retry_stores_it(
    client: TestClient, services: Services
) -> None:
    make_shop(services, **webhook_secrets())
    fulfillment = fixture("shopify/fulfillments_create.json")

    early = send_shopify(client, fulfillment, "fulfillments/create", "wh-2")
    send_shopify(client, fixture(CARD_ORDER), "orders/create", "wh-1")
    retry = send_shopify(client, fulfillment, "fulfillments/create", "wh-2")

    assert early.status_code == 404
    assert early.headers["content-type"] == "application/problem+json"
    assert (retry.status_code, retry.json()["outcome"]) == (200, "stored")
    assert count_rows(services, Shipment) == 1
    assert [o[1] for o in delivery_outcomes(services)] == ["wh-1", "wh-2"]


def test_refunds_create_records_the_refund(client: TestClient, services: Services) -> None:
    _, key = make_shop(services, **webhook_secrets())
    order_id = send_shopify(client, fixture(CARD_ORDER), "orders/create", "wh-1").json()["result"][
        "id"
    ]

    response = send_shopify(
        client, fixture("shopify/refunds_create.json"), "refunds/create", "wh-2"
    )
    replay = send_shopify(client, fixture("shopify/refunds_create.json"), "refunds/create", "wh-3")

    assert response.json()["result"]["action"] == "created"
    assert replay.json()["result"]["action"] == "unchanged"
    refunds = client.get(f"/api/v1/orders/{order_id}/refunds", headers=auth(key)).json()
    assert [(r["external_id"], r["amount"], r["currency"], r["reason"]) for r in refunds] == [
        ("890088186047892319", 8999, "USD", "Sunglasses arrived scratched")
    ]
    assert order_json(client, key, order_id)["payment_status"] == "partially_refunded"
    assert count_rows(services, Refund) == 1
