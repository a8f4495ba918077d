"""Orders over REST: create, replay, update, out-of-order, isolation, bad input."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.audit import AuditEvent
from goodbuyer.shops.scopes import Scope
from goodbuyer.store.models import ContactPoint, Customer, Order, OrderLine
from goodbuyer.web.deps import Services
from tests.factories import auth, count_rows, make_key, make_shop, order_payload


def test_order_is_created_with_totals_lines_and_contacts(
    client: TestClient, services: Services
) -> None:
    _shop_id, key = make_shop(services)

    response = client.post("/api/v1/orders", json=order_payload(), headers=auth(key))

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["action"] == "created"
    order = client.get(f"/api/v1/orders/{body['id']}", headers=auth(key)).json()
    assert order["subtotal"] == 2 * 1990 + 1500
    assert order["total"] == 2 * 1990 + 1500 + 490
    assert order["ship_country"] == "FI"
    assert [line["sku"] for line in order["lines"]] == ["TEE-M-BLK", "CAP-01"]
    assert order["status"] == "awaiting_confirmation"  # a first cash-on-delivery order
    assert count_rows(services, ContactPoint) == 3


def test_same_order_sent_three_times_is_stored_once(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)

    results = [
        client.post("/api/v1/orders", json=order_payload(), headers=auth(key)) for _ in range(3)
    ]

    assert [r.status_code for r in results] == [201, 200, 200]
    assert [r.json()["action"] for r in results] == ["created", "unchanged", "unchanged"]
    assert count_rows(services, Order) == 1
    assert count_rows(services, OrderLine) == 2
    assert count_rows(services, Customer) == 1


def test_concurrent_duplicates_store_one_order(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    barrier = threading.Barrier(6)

    def send(_: int) -> int:
        barrier.wait()
        return client.post("/api/v1/orders", json=order_payload(), headers=auth(key)).status_code

    with ThreadPoolExecutor(6) as pool:
        codes = sorted(pool.map(send, range(6)))

    assert codes == [200, 200, 200, 200, 200, 201]
    assert count_rows(services, Order) == 1
    assert count_rows(services, OrderLine) == 2


def test_newer_update_replaces_older_one_is_ignored(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    first = order_payload(updated_at="2026-03-01T12:05:00+00:00")
    newer = order_payload(
        updated_at="2026-03-01T13:00:00+00:00",
        status="confirmed",
        lines=[{"sku": "X", "product": "Only", "quantity": 1, "unit_price": 100}],
    )
    older = order_payload(updated_at="2026-03-01T12:30:00+00:00", status="cancelled")

    client.post("/api/v1/orders", json=first, headers=auth(key))
    updated = client.post("/api/v1/orders", json=newer, headers=auth(key)).json()
    stale = client.post("/api/v1/orders", json=older, headers=auth(key)).json()

    assert (updated["action"], stale["action"]) == ("updated", "stale")
    order = client.get(f"/api/v1/orders/{updated['id']}", headers=auth(key)).json()
    assert order["status"] == "confirmed"
    assert [line["sku"] for line in order["lines"]] == ["X"]
    assert order["total"] == 100 + 490
    assert count_rows(services, OrderLine) == 1


def test_status_never_moves_backwards(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    client.post("/api/v1/orders", json=order_payload(status="delivered"), headers=auth(key))

    later = order_payload(updated_at="2026-03-05T00:00:00+00:00", status="confirmed")
    result = client.post("/api/v1/orders", json=later, headers=auth(key)).json()

    order = client.get(f"/api/v1/orders/{result['id']}", headers=auth(key)).json()
    assert order["status"] == "delivered"


def test_key_of_one_shop_never_reads_another(client: TestClient, services: Services) -> None:
    _, key_a = make_shop(services, "shop-a")
    _, key_b = make_shop(services, "shop-b")
    created = client.post("/api/v1/orders", json=order_payload(), headers=auth(key_a)).json()

    other = client.get(f"/api/v1/orders/{created['id']}", headers=auth(key_b))
    listing = client.get("/api/v1/orders", headers=auth(key_b)).json()

    assert other.status_code == 404
    assert other.headers["content-type"] == "application/problem+json"
    assert listing["items"] == []


def test_missing_bad_and_weak_keys_are_refused(client: TestClient, services: Services) -> None:
    shop_id, _ = make_shop(services)
    reader = make_key(services, shop_id, [Scope.READ])

    missing = client.post("/api/v1/orders", json=order_payload())
    bad = client.post("/api/v1/orders", json=order_payload(), headers=auth("gb_abc_def"))
    weak = client.post("/api/v1/orders", json=order_payload(), headers=auth(reader))

    assert (missing.status_code, bad.status_code, weak.status_code) == (401, 401, 403)
    assert count_rows(services, Order) == 0


def test_bad_input_names_each_field_and_stores_nothing(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    payload = order_payload(
        currency="EUROS", lines=[{"sku": "A", "product": "B", "quantity": 0, "unit_price": -5}]
    )

    response = client.post("/api/v1/orders", json=payload, headers=auth(key))

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    locations = {e["location"] for e in response.json()["errors"]}
    assert {"body.currency", "body.lines.0.quantity", "body.lines.0.unit_price"} <= locations
    assert count_rows(services, Order) == 0


def test_naive_timestamps_are_refused(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)

    response = client.post(
        "/api/v1/orders", json=order_payload(placed_at="2026-03-01T12:00:00"), headers=auth(key)
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "body.placed_at"


def test_oversized_body_is_refused(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    payload = order_payload(note="x" * 4000, raw={"blob": "y" * 2_000_000})

    response = client.post("/api/v1/orders", json=payload, headers=auth(key))

    assert response.status_code == 413
    assert response.json()["status"] == 413
    assert count_rows(services, Order) == 0


def test_list_paginates_and_filters(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    for i in range(7):
        method = "card" if i % 2 else "cod"
        placed = f"2026-03-0{i + 1}T10:00:00+00:00"
        client.post(
            "/api/v1/orders",
            json=order_payload(str(i), placed_at=placed, updated_at=placed, payment_method=method),
            headers=auth(key),
        )

    first = client.get("/api/v1/orders?limit=3", headers=auth(key)).json()
    second = client.get(
        f"/api/v1/orders?limit=3&cursor={first['next_cursor']}", headers=auth(key)
    ).json()
    third = client.get(
        f"/api/v1/orders?limit=3&cursor={second['next_cursor']}", headers=auth(key)
    ).json()
    cod = client.get("/api/v1/orders?payment_method=cod&limit=50", headers=auth(key)).json()

    ids = [o["external_id"] for page in (first, second, third) for o in page["items"]]
    assert ids == ["6", "5", "4", "3", "2", "1", "0"]
    assert third["next_cursor"] is None
    assert sorted(o["external_id"] for o in cod["items"]) == ["0", "2", "4", "6"]


def test_every_change_is_audited(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    client.post("/api/v1/orders", json=order_payload(), headers=auth(key))
    client.post(
        "/api/v1/orders",
        json=order_payload(updated_at="2026-03-02T00:00:00+00:00"),
        headers=auth(key),
    )

    with services.sessions() as session:
        actions = session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.subject_type == "order")
            .order_by(AuditEvent.id)
        ).all()
    assert actions == ["order.created", "order.updated"]
