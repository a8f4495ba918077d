"""A shop with one customer, made through the real API (a plain factory function)."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_json, order_payload


def shop_with_customer(client: TestClient, services: Services) -> tuple[uuid.UUID, str, uuid.UUID]:
    """(shop id, write key, the id of the customer of one order)."""
    shop_id, key = make_shop(services)
    answer = client.post("/api/v1/orders", json=order_payload(), headers=auth(key))
    assert answer.status_code in (200, 201), answer.text
    order = order_json(client, key, answer.json()["id"])
    return shop_id, key, uuid.UUID(order["customer_id"])
