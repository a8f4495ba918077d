"""Shipments and scans over REST: once only, scans accumulate, the order follows."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def _shipment(events: list[tuple[str, str]], **extra: Any) -> dict[str, Any]:
    payload = {
        "external_id": "S-1",
        "order_external_id": "1001",
        "carrier": "Posti",
        "tracking_number": "JJFI6401",
        "tracking_url": "https://posti.example/JJFI6401",
        "promised_at": "2026-03-04T18:00:00+02:00",
        "events": [{"status": s, "occurred_at": at} for s, at in events],
    }
    payload.update(extra)
    return payload


def _order(client: TestClient, key: str, **extra: Any) -> str:
    created = client.post("/api/v1/orders", json=order_payload(**extra), headers=auth(key))
    return str(created.json()["id"])


def test_scans_accumulate_and_the_latest_sets_the_status(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    order_id = _order(client, key)
    first = _shipment([("in_transit", "2026-03-02T08:00:00Z")])
    second = _shipment([("out_for_delivery", "2026-03-03T07:00:00Z")])

    created = client.post("/api/v1/shipments", json=first, headers=auth(key))
    updated = client.post("/api/v1/shipments", json=second, headers=auth(key))
    replay = client.post("/api/v1/shipments", json=second, headers=auth(key))

    assert (created.status_code, updated.status_code, replay.status_code) == (201, 200, 200)
    assert [r.json()["action"] for r in (created, updated, replay)] == [
        "created",
        "updated",
        "unchanged",
    ]
    shipments = client.get(f"/api/v1/orders/{order_id}/shipments", headers=auth(key)).json()
    assert len(shipments) == 1
    assert shipments[0]["status"] == "out_for_delivery"
    events = client.get(f"/api/v1/shipments/{shipments[0]['id']}/events", headers=auth(key)).json()
    assert [e["status"] for e in events] == ["in_transit", "out_for_delivery"]
    order = client.get(f"/api/v1/orders/{order_id}", headers=auth(key)).json()
    assert order["status"] == "shipped"


def test_a_late_arriving_older_scan_does_not_undo_delivery(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    order_id = _order(client, key)
    client.post(
        "/api/v1/shipments",
        json=_shipment([("delivered", "2026-03-03T12:00:00Z")]),
        headers=auth(key),
    )

    client.post(
        "/api/v1/shipments",
        json=_shipment([("in_transit", "2026-03-02T08:00:00Z")]),
        headers=auth(key),
    )

    shipment = client.get(f"/api/v1/orders/{order_id}/shipments", headers=auth(key)).json()[0]
    assert shipment["status"] == "delivered"
    order = client.get(f"/api/v1/orders/{order_id}", headers=auth(key)).json()
    assert (order["status"], order["payment_status"]) == ("delivered", "paid")


@pytest.mark.parametrize(
    ("scan", "order_status", "payment"),
    [
        ("refused", "refused", "unpaid"),
        ("returned_to_origin", "returned_to_origin", "unpaid"),
        ("delivered", "delivered", "paid"),
        ("lost", "shipped", "pending"),
    ],
    ids=["refused", "returned", "delivered", "lost"],
)
def test_cash_on_delivery_outcome_follows_the_scan(
    client: TestClient, services: Services, scan: str, order_status: str, payment: str
) -> None:
    _, key = make_shop(services)
    order_id = _order(client, key)

    client.post(
        "/api/v1/shipments", json=_shipment([(scan, "2026-03-03T12:00:00Z")]), headers=auth(key)
    )

    order = client.get(f"/api/v1/orders/{order_id}", headers=auth(key)).json()
    assert (order["status"], order["payment_status"]) == (order_status, payment)


def test_shipment_for_an_unknown_order_is_404_and_stores_nothing(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)

    response = client.post(
        "/api/v1/shipments",
        json=_shipment([("in_transit", "2026-03-02T08:00:00Z")]),
        headers=auth(key),
    )

    assert response.status_code == 404
    assert "1001" in response.json()["detail"]


def test_shipment_cannot_point_at_another_shops_order(
    client: TestClient, services: Services
) -> None:
    _, key_a = make_shop(services, "shop-a")
    _, key_b = make_shop(services, "shop-b")
    _order(client, key_a)

    response = client.post(
        "/api/v1/shipments",
        json=_shipment([("in_transit", "2026-03-02T08:00:00Z")]),
        headers=auth(key_b),
    )

    assert response.status_code == 404


def test_survey_scores_are_range_checked_and_stored_once(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _order(client, key)
    good = {
        "external_id": "N-1",
        "kind": "nps",
        "score": 9,
        "order_external_id": "1001",
        "answered_at": "2026-03-05T10:00:00Z",
    }
    bad = {**good, "external_id": "C-1", "kind": "csat", "score": 9}

    first = client.post("/api/v1/survey-answers", json=good, headers=auth(key))
    again = client.post("/api/v1/survey-answers", json=good, headers=auth(key))
    wrong = client.post("/api/v1/survey-answers", json=bad, headers=auth(key))

    assert (first.status_code, again.status_code, wrong.status_code) == (201, 200, 422)
    assert "csat score is 1 to 5" in wrong.json()["detail"]


def test_a_later_shop_update_does_not_undo_cash_collected_at_the_door(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    order_id = _order(client, key)
    client.post(
        "/api/v1/shipments",
        json=_shipment([("delivered", "2026-03-03T12:00:00Z")]),
        headers=auth(key),
    )

    still_pending = order_payload(updated_at="2026-03-04T00:00:00+00:00", payment_status="pending")
    client.post("/api/v1/orders", json=still_pending, headers=auth(key))

    order = client.get(f"/api/v1/orders/{order_id}", headers=auth(key)).json()
    assert (order["status"], order["payment_status"]) == ("delivered", "paid")
