"""Shopify webhooks over HTTP: verified, stored once, order-safe, recorded with their outcome."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.store import webhook_intake as intake
from goodbuyer.store.models import Order, OrderLine, SourceEvent
from goodbuyer.store.sources.signatures import sign
from goodbuyer.store.statuses import Source
from goodbuyer.web.deps import Services
from tests.factories import count_rows, make_shop, order_json
from tests.store.platform_payloads import (
    SHOPIFY_SECRET,
    body_of,
    delivery_outcomes,
    fixture,
    send_shopify,
    webhook_secrets,
)

COD_ORDER = "shopify/orders_create_cod_hu.json"


def test_cash_on_delivery_order_is_stored_and_recorded(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services, **webhook_secrets())

    response = send_shopify(client, fixture(COD_ORDER), "orders/create", "wh-1")

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["outcome"], body["topic"], body["delivery_id"]) == (
        "stored",
        "orders/create",
        "wh-1",
    )
    assert body["result"]["action"] == "created"
    order = order_json(client, key, body["result"]["id"])
    assert (order["source"], order["external_id"], order["number"]) == (
        "shopify",
        "5731284920394",
        "#1042",
    )
    assert (order["payment_method"], order["payment_status"]) == ("cod", "pending")
    assert order["customer_name"] == "Éva Kovács"
    assert [(x["sku"], x["size"], x["colour"]) for x in order["lines"]] == [
        ("POLO-M-FEK", "M", "Fekete"),
        ("shopify-variant-44120394857302", "42", None),
    ]
    assert order["total"] == 2797000
    assert delivery_outcomes(services) == [
        ("orders/create", "wh-1", "stored: created 5731284920394")
    ]
    with services.sessions() as session:
        event = session.scalars(select(SourceEvent)).one()
        assert event.source == "shopify"
        assert event.payload == fixture(COD_ORDER)


def test_same_webhook_delivered_three_times_is_stored_once(
    client: TestClient, services: Services
) -> None:
    make_shop(services, **webhook_secrets())

    responses = [send_shopify(client, fixture(COD_ORDER), "orders/create", "wh-1") for _ in "abc"]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert [r.json()["outcome"] for r in responses] == ["stored", "duplicate", "duplicate"]
    assert count_rows(services, Order) == 1
    assert count_rows(services, OrderLine) == 2
    assert count_rows(services, SourceEvent) == 1


def test_a_new_delivery_of_an_unchanged_order_changes_nothing(
    client: TestClient, services: Services
) -> None:
    make_shop(services, **webhook_secrets())
    send_shopify(client, fixture(COD_ORDER), "orders/create", "wh-1")

    again = send_shopify(client, fixture(COD_ORDER), "orders/updated", "wh-2")

    assert again.json()["outcome"] == "stored"
    assert again.json()["result"]["action"] == "unchanged"
    assert count_rows(services, Order) == 1
    assert count_rows(services, SourceEvent) == 2


def test_concurrent_duplicate_deliveries_store_once(client: TestClient, services: Services) -> None:
    make_shop(services, **webhook_secrets())
    body = body_of(fixture(COD_ORDER))
    barrier = threading.Barrier(6)

    def deliver(_: int) -> tuple[int, str]:
        barrier.wait()
        response = send_shopify(client, body, "orders/create", "wh-race")
        return response.status_code, response.json()["outcome"]

    with ThreadPoolExecutor(6) as pool:
        answers = sorted(pool.map(deliver, range(6)))

    assert answers == [(200, "duplicate")] * 5 + [(200, "stored")]
    assert count_rows(services, Order) == 1
    assert count_rows(services, OrderLine) == 2
    assert count_rows(services, SourceEvent) == 1


@pytest.mark.parametrize(
    ("secret", "signature"),
    [
        pytest.param("shpss_guessed", None, id="wrong-secret"),
        pytest.param("", "", id="missing-signature"),
        pytest.param("", "bm90IGEgc2lnbmF0dXJl", id="garbage-signature"),
    ],
)
def test_bad_or_missing_signature_is_refused_and_nothing_stored(
    client: TestClient, services: Services, secret: str, signature: str | None
) -> None:
    make_shop(services, **webhook_secrets())

    response = send_shopify(
        client, fixture(COD_ORDER), "orders/create", "wh-1", secret=secret, signature=signature
    )

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 401
    assert count_rows(services, Order) == 0
    assert count_rows(services, SourceEvent) == 0


def test_tampered_body_with_the_original_signature_is_refused(
    client: TestClient, services: Services
) -> None:
    make_shop(services, **webhook_secrets())
    original = body_of(fixture(COD_ORDER))
    tampered = original.replace(b'"total_price": "27970.00"', b'"total_price": "1.00"')
    assert tampered != original

    response = send_shopify(
        client, tampered, "orders/create", "wh-1", signature=sign(SHOPIFY_SECRET, original)
    )

    assert response.status_code == 401
    assert count_rows(services, Order) == 0
    assert count_rows(services, SourceEvent) == 0


def test_unknown_shop_domain_is_refused(client: TestClient, services: Services) -> None:
    make_shop(services, **webhook_secrets())

    response = send_shopify(
        client, fixture(COD_ORDER), "orders/create", "wh-1", domain="someone-else.myshopify.com"
    )

    assert response.status_code == 401
    assert count_rows(services, SourceEvent) == 0


def test_unknown_topic_is_recorded_and_ignored(client: TestClient, services: Services) -> None:
    make_shop(services, **webhook_secrets())

    response = send_shopify(client, {"id": 632910392}, "products/create", "wh-1")

    assert response.status_code == 200
    assert response.json()["outcome"] == "ignored"
    assert response.json()["detail"] == "topic not handled"
    assert delivery_outcomes(services) == [
        ("products/create", "wh-1", "ignored: topic not handled")
    ]
    assert count_rows(services, Order) == 0


def test_signed_but_unreadable_payload_is_recorded_as_rejected(
    client: TestClient, services: Services
) -> None:
    make_shop(services, **webhook_secrets())
    payload = fixture(COD_ORDER) | {"currency": None, "created_at": "yesterday"}

    first = send_shopify(client, payload, "orders/create", "wh-1")
    retry = send_shopify(client, payload, "orders/create", "wh-1")

    assert first.status_code == 422
    assert first.headers["content-type"] == "application/problem+json"
    assert [e["location"] for e in first.json()["errors"]] == ["currency", "created_at"]
    assert (retry.status_code, retry.json()["outcome"]) == (200, "duplicate")
    assert count_rows(services, Order) == 0
    [(_, _, outcome)] = delivery_outcomes(services)
    assert outcome.startswith("rejected: invalid Shopify order: currency: is required;")


def test_a_body_that_is_not_json_is_refused(client: TestClient, services: Services) -> None:
    make_shop(services, **webhook_secrets())

    response = send_shopify(client, b"<order/>", "orders/create", "wh-1")

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "body"
    assert count_rows(services, SourceEvent) == 0


def test_a_crash_after_storing_leaves_neither_the_order_nor_the_delivery(
    client: TestClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_shop(services, **webhook_secrets())
    key = (Source.SHOPIFY, "orders/create")
    store_order = intake._HANDLERS[key]

    def store_then_crash(*args: Any) -> Any:
        store_order(*args)
        raise RuntimeError("the process died here")

    monkeypatch.setitem(intake._HANDLERS, key, store_then_crash)
    crashed = send_shopify(client, fixture(COD_ORDER), "orders/create", "wh-1")
    monkeypatch.setitem(intake._HANDLERS, key, store_order)
    retried = send_shopify(client, fixture(COD_ORDER), "orders/create", "wh-1")

    assert crashed.status_code == 500
    assert (retried.status_code, retried.json()["outcome"]) == (200, "stored")
    assert count_rows(services, Order) == 1
    assert count_rows(services, SourceEvent) == 1
