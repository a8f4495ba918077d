"""Plain functions that build test data through the real services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from goodbuyer.db import transaction
from goodbuyer.shops.schemas import ShopIn
from goodbuyer.shops.scopes import Scope
from goodbuyer.shops.service import create_shop, issue_api_key
from goodbuyer.web.deps import Services


def make_shop(services: Services, slug: str = "kauppa", **extra: Any) -> tuple[Any, str]:
    """A shop and a write key for it: (shop id, bearer secret)."""
    now = services.clock.now()
    extra.setdefault("languages", ["fi", "en"])
    with transaction(services.sessions) as session:
        data = ShopIn(slug=slug, name=slug.title(), currency="EUR", country="FI", **extra)
        shop = create_shop(session, data, now)
        key = issue_api_key(session, shop.id, "test", [Scope.WRITE], now)
        return shop.id, key.secret


def make_key(services: Services, shop_id: Any, scopes: list[Scope]) -> str:
    with transaction(services.sessions) as session:
        return issue_api_key(session, shop_id, "extra", scopes, services.clock.now()).secret


def order_payload(external_id: str = "1001", **overrides: Any) -> dict[str, Any]:
    """An order as a shop's own system would POST it."""
    placed = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    payload: dict[str, Any] = {
        "external_id": external_id,
        "number": f"#{external_id}",
        "placed_at": placed.isoformat(),
        "updated_at": (placed + timedelta(minutes=1)).isoformat(),
        "currency": "EUR",
        "payment_method": "cod",
        "customer": {
            "name": "Aino Virtanen",
            "email": "Aino.Virtanen@example.fi",
            "phone": "040 123 4567",
        },
        "shipping_address": {
            "name": "Aino Virtanen",
            "line1": "Mannerheimintie 12 B 7",
            "city": "Helsinki",
            "postcode": "00100",
            "country": "fi",
        },
        "lines": [
            {
                "sku": "TEE-M-BLK",
                "product": "T-shirt",
                "size": "M",
                "colour": "black",
                "quantity": 2,
                "unit_price": 1990,
                "unit_cost": 700,
            },
            {"sku": "CAP-01", "product": "Cap", "quantity": 1, "unit_price": 1500},
        ],
        "shipping": 490,
    }
    payload.update(overrides)
    return payload


def auth(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def count_rows(services: Services, model: Any) -> int:
    """How many rows a table holds (all shops)."""
    with services.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def order_json(client: TestClient, key: str, order_id: str) -> dict[str, Any]:
    """An order as the API shows it; the GET itself must succeed."""
    response = client.get(f"/api/v1/orders/{order_id}", headers=auth(key))
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found
