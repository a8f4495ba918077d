"""Refunds and chargebacks over REST."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def _refund(external_id: str, amount: int, **extra: Any) -> dict[str, Any]:
    return {
        "external_id": external_id,
        "order_external_id": "1001",
        "amount": amount,
        "currency": "EUR",
        "refunded_at": "2026-03-08T10:00:00Z",
        **extra,
    }


def test_refunds_are_stored_once_and_mark_the_order(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    order = client.post(
        "/api/v1/orders",
        json=order_payload(payment_method="card", payment_status="paid"),
        headers=auth(key),
    ).json()
    total = 2 * 1990 + 1500 + 490

    partial = client.post("/api/v1/refunds", json=_refund("RF-1", 1990), headers=auth(key))
    replay = client.post("/api/v1/refunds", json=_refund("RF-1", 1990), headers=auth(key))
    after_partial = client.get(f"/api/v1/orders/{order['id']}", headers=auth(key)).json()
    client.post("/api/v1/refunds", json=_refund("RF-2", total - 1990), headers=auth(key))
    after_full = client.get(f"/api/v1/orders/{order['id']}", headers=auth(key)).json()

    assert (partial.status_code, replay.status_code) == (201, 200)
    assert after_partial["payment_status"] == "partially_refunded"
    assert after_full["payment_status"] == "refunded"
    refunds = client.get(f"/api/v1/orders/{order['id']}/refunds", headers=auth(key)).json()
    assert [r["amount"] for r in refunds] == [1990, total - 1990]


def test_refund_in_another_currency_is_refused(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    client.post("/api/v1/orders", json=order_payload(), headers=auth(key))

    response = client.post(
        "/api/v1/refunds", json=_refund("RF-1", 100, currency="USD"), headers=auth(key)
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "currency"


def test_chargeback_moves_to_its_outcome(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    order = client.post(
        "/api/v1/orders", json=order_payload(payment_method="card"), headers=auth(key)
    ).json()
    opened = {
        "external_id": "CB-1",
        "order_external_id": "1001",
        "amount": 5970,
        "currency": "EUR",
        "reason": "product_not_received",
        "opened_at": "2026-04-01T10:00:00Z",
    }
    lost = {**opened, "status": "lost", "resolved_at": "2026-05-01T10:00:00Z"}

    actions = [
        client.post("/api/v1/chargebacks", json=body, headers=auth(key)).json()["action"]
        for body in (opened, lost, opened)
    ]

    assert actions == ["created", "updated", "stale"]
    chargebacks = client.get(f"/api/v1/orders/{order['id']}/chargebacks", headers=auth(key)).json()
    assert [(c["status"], c["reason"]) for c in chargebacks] == [("lost", "product_not_received")]
