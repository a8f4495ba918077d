"""Returns over REST: priced from the order, updated by newer versions only."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def _return(**extra: Any) -> dict[str, Any]:
    payload = {
        "external_id": "R-1",
        "order_external_id": "1001",
        "reason": "size",
        "requested_at": "2026-03-06T10:00:00Z",
        "lines": [{"sku": "TEE-M-BLK", "quantity": 1, "condition": "unused"}],
    }
    payload.update(extra)
    return payload


def test_return_is_priced_from_the_order_and_updated_once(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    order_id = client.post("/api/v1/orders", json=order_payload(), headers=auth(key)).json()["id"]

    created = client.post("/api/v1/returns", json=_return(), headers=auth(key))
    approved = client.post(
        "/api/v1/returns",
        json=_return(status="approved", updated_at="2026-03-07T10:00:00Z"),
        headers=auth(key),
    )
    older = client.post(
        "/api/v1/returns",
        json=_return(status="rejected", updated_at="2026-03-06T11:00:00Z"),
        headers=auth(key),
    )

    assert [r.json()["action"] for r in (created, approved, older)] == [
        "created",
        "updated",
        "stale",
    ]
    returns = client.get(f"/api/v1/orders/{order_id}/returns", headers=auth(key)).json()
    assert len(returns) == 1
    assert returns[0]["status"] == "approved"
    assert returns[0]["lines"] == [
        {"sku": "TEE-M-BLK", "quantity": 1, "unit_price": 1990, "condition": "unused"}
    ]


def test_return_of_a_product_not_in_the_order_is_refused(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    client.post("/api/v1/orders", json=order_payload(), headers=auth(key))

    response = client.post(
        "/api/v1/returns", json=_return(lines=[{"sku": "NOPE", "quantity": 1}]), headers=auth(key)
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"location": "lines.0.sku", "message": "order #1001 has no line with SKU 'NOPE'"}
    ]
