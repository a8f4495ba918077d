"""WooCommerce webhooks over HTTP: the ping, verified orders created and updated, once only."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.store.models import Order, SourceEvent
from goodbuyer.web.deps import Services
from tests.factories import count_rows, make_shop, order_json
from tests.store.platform_payloads import fixture, send_woocommerce, webhook_secrets

CREATED = "woocommerce/order_created_cod.json"
COMPLETED = "woocommerce/order_updated_completed.json"


def test_order_created_then_updated(client: TestClient, services: Services) -> None:
    _, key = make_shop(services, "divat", **webhook_secrets())

    created = send_woocommerce(client, fixture(CREATED), "order.created", "d-1")
    updated = send_woocommerce(client, fixture(COMPLETED), "order.updated", "d-2")

    assert [r.status_code for r in (created, updated)] == [200, 200]
    assert [r.json()["result"]["action"] for r in (created, updated)] == ["created", "updated"]
    order = order_json(client, key, created.json()["result"]["id"])
    assert (order["source"], order["external_id"], order["currency"]) == (
        "woocommerce",
        "4321",
        "MAD",
    )
    assert (order["status"], order["payment_method"], order["payment_status"]) == (
        "shipped",
        "cod",
        "paid",
    )
    assert order["customer_name"] == "يوسف العلوي"
    assert [(x["sku"], x["size"], x["colour"]) for x in order["lines"]] == [
        ("SWEAT-CAP-NOIR-L", "L", "Noir"),
        ("woocommerce-product-188", None, None),
    ]
    assert order["total"] == 88200
    assert count_rows(services, SourceEvent) == 2


def test_an_older_update_arriving_late_is_stale(client: TestClient, services: Services) -> None:
    _, key = make_shop(services, "divat", **webhook_secrets())
    send_woocommerce(client, fixture(COMPLETED), "order.updated", "d-2")

    late = send_woocommerce(client, fixture(CREATED), "order.created", "d-1")

    assert late.json()["result"]["action"] == "stale"
    assert order_json(client, key, late.json()["result"]["id"])["status"] == "shipped"


def test_same_delivery_id_is_stored_once(client: TestClient, services: Services) -> None:
    make_shop(services, "divat", **webhook_secrets())

    answers = [send_woocommerce(client, fixture(CREATED), "order.created", "d-1") for _ in "ab"]

    assert [r.json()["outcome"] for r in answers] == ["stored", "duplicate"]
    assert count_rows(services, Order) == 1
    assert count_rows(services, SourceEvent) == 1


def test_ping_is_answered_without_storing(client: TestClient, services: Services) -> None:
    make_shop(services, "divat", **webhook_secrets())
    form = {"Content-Type": "application/x-www-form-urlencoded"}

    ping = client.post("/webhooks/woocommerce/divat", content=b"webhook_id=12", headers=form)
    unknown = client.post("/webhooks/woocommerce/nobody", content=b"webhook_id=12", headers=form)

    assert (ping.status_code, ping.json()["outcome"], ping.json()["topic"]) == (
        200,
        "ignored",
        "ping",
    )
    assert unknown.status_code == 404
    assert count_rows(services, SourceEvent) == 0


def test_bad_signature_is_refused_and_nothing_stored(
    client: TestClient, services: Services
) -> None:
    make_shop(services, "divat", **webhook_secrets())

    response = send_woocommerce(
        client, fixture(CREATED), "order.created", "d-1", secret="not-the-secret"
    )

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert count_rows(services, Order) == 0
    assert count_rows(services, SourceEvent) == 0


def test_a_shop_without_a_woocommerce_secret_accepts_nothing(
    client: TestClient, services: Services
) -> None:
    make_shop(services, "divat")

    response = send_woocommerce(client, fixture(CREATED), "order.created", "d-1", secret="")

    assert response.status_code == 401
    assert count_rows(services, SourceEvent) == 0


def test_unhandled_topic_is_recorded_and_ignored(client: TestClient, services: Services) -> None:
    make_shop(services, "divat", **webhook_secrets())

    response = send_woocommerce(client, {"id": 4321}, "order.deleted", "d-9")

    assert (response.status_code, response.json()["outcome"]) == (200, "ignored")
    with services.sessions() as session:
        assert session.scalar(select(SourceEvent.outcome)) == "ignored: topic not handled"
