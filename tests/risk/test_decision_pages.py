"""The agents' pages: the newest decisions, and one order's decision explained."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop
from tests.risk.test_decisions_api import _order, _post, _ship


def test_the_decisions_page_lists_orders_and_explains_one(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _post(client, key, _order(1, "1001"))
    _ship(client, key, "1001", "refused", 3)
    second = _post(client, key, _order(5, "1002"))
    assert client.get("/decisions", follow_redirects=False).status_code == 303
    client.post("/login", data={"api_key": key}, follow_redirects=False)
    page = client.get("/decisions")
    assert page.status_code == 200
    assert f'href="/orders/{second}"' in page.text
    assert "cash on delivery after 1 unsuccessful deliveries" in page.text
    only = client.get("/decisions?outcome=approve").text
    assert f'href="/orders/{second}"' not in only
    order = client.get(f"/orders/{second}").text
    assert "would be approve if the order were paid up front" in order
    assert "Segments:</strong> refuser" in order
    assert 'aria-current="page">Decisions' in order
    missing = client.get("/orders/00000000-0000-7000-8000-000000000000")
    assert missing.status_code == 404
    assert "no order" in missing.text
    assert client.get("/api/v1/orders", headers=auth(key)).status_code == 200


def test_an_order_decided_twice_is_listed_once_with_its_newest_decision(
    client: TestClient, services: Services
) -> None:
    from goodbuyer.db import transaction
    from goodbuyer.risk import service

    _, key = make_shop(services)
    order_id = _post(client, key, _order(1, "1001"))
    with transaction(services.sessions) as session:
        service.decide_order(session, uuid.UUID(order_id), services.clock.now(), "test")
    client.post("/login", data={"api_key": key}, follow_redirects=False)
    assert client.get("/decisions").text.count(f'href="/orders/{order_id}"') == 1
