"""Shopify orders to our schemas (no database): the documented shapes, edge cases, errors."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from goodbuyer.errors import InvalidInput
from goodbuyer.store.sources.gateways import payment_method
from goodbuyer.store.sources.shopify import (
    order_from_shopify,
)
from goodbuyer.store.statuses import OrderStatus, PaymentMethod, PaymentStatus
from tests.store.platform_payloads import fixture


def _locations(exc: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [e.location for e in exc.value.errors]


def test_cash_on_delivery_order_in_forints() -> None:
    order = order_from_shopify(fixture("shopify/orders_create_cod_hu.json"))

    assert order.external_id == "5731284920394"
    assert order.number == "#1042"
    assert order.currency == "HUF"
    assert order.payment_method == PaymentMethod.CASH_ON_DELIVERY
    assert order.payment_status == PaymentStatus.PENDING
    assert order.status == OrderStatus.PLACED
    assert order.placed_at == datetime(2026, 2, 27, 17, 42, 11, tzinfo=UTC)
    assert order.updated_at == datetime(2026, 2, 27, 17, 42, 13, tzinfo=UTC)
    assert order.customer.model_dump() == {
        "external_id": "7402183749120",
        "name": "Éva Kovács",
        "email": "kovacs.eva@example.hu",
        "phone": "+36301234567",
    }
    assert order.shipping_address is not None
    assert order.shipping_address.line2 == "kapucsengő: 37"
    assert order.shipping_address.country == "HU"
    assert [
        (x.sku, x.product, x.size, x.colour, x.quantity, x.unit_price) for x in order.lines
    ] == [
        ("POLO-M-FEK", "Galléros póló", "M", "Fekete", 1, 899000),
        ("shopify-variant-44120394857302", "Pamut zokni", "42", None, 2, 849500),
    ]
    assert (order.subtotal, order.shipping, order.tax, order.discount, order.total) == (
        2598000,
        199000,
        594685,
        0,
        2797000,
    )
    assert (order.language, order.client_ip) == ("hu-HU", "84.236.12.77")
    assert order.tags == ["utánvét", "első rendelés"]
    assert order.raw == fixture("shopify/orders_create_cod_hu.json")


def test_card_order_of_the_documented_example() -> None:
    order = order_from_shopify(fixture("shopify/orders_create_card.json"))

    assert order.external_id == "820982911946154508"
    assert (order.payment_method, order.payment_status) == (PaymentMethod.CARD, PaymentStatus.PAID)
    assert order.customer.external_id == "115310627314723954"
    assert order.customer.name == "John Smith"
    assert order.customer.email == "jon@example.com"
    assert order.customer.phone == "555-555-SHIP"
    assert order.shipping_address is not None
    assert (order.shipping_address.name, order.shipping_address.region) == (
        "Steve Shipper",
        "Kentucky",
    )
    assert [(x.size, x.colour) for x in order.lines] == [(None, None), ("Small", "Walnut")]
    assert (order.subtotal, order.shipping, order.discount, order.total) == (
        24998,
        1000,
        500,
        25498,
    )


def test_arabic_names_and_a_merchant_named_cash_on_delivery_method() -> None:
    order = order_from_shopify(fixture("shopify/orders_create_cod_ar.json"))

    assert order.payment_method == PaymentMethod.CASH_ON_DELIVERY
    assert order.customer.name == "فاطمة الزهراني"
    assert order.customer.email is None  # Shopify sends "" for a missing e-mail
    assert order.customer.phone == "+966 50 123 4567"
    assert order.lines[0].size == "L"
    assert order.lines[0].colour == "أسود"
    assert order.total == 47500


def test_cancelled_order() -> None:
    order = order_from_shopify(fixture("shopify/orders_cancelled_cod_hu.json"))

    assert order.status == OrderStatus.CANCELLED
    assert order.payment_status == PaymentStatus.VOIDED
    assert order.updated_at == datetime(2026, 2, 28, 8, 15, 3, tzinfo=UTC)


@pytest.mark.parametrize(
    ("fulfillment_status", "expected"),
    [
        pytest.param(None, OrderStatus.PLACED, id="unfulfilled"),
        pytest.param("partial", OrderStatus.SHIPPED, id="partial"),
        pytest.param("fulfilled", OrderStatus.SHIPPED, id="fulfilled"),
        pytest.param("restocked", OrderStatus.PLACED, id="restocked"),
    ],
)
def test_fulfillment_status(fulfillment_status: str | None, expected: OrderStatus) -> None:
    payload = fixture("shopify/orders_create_card.json") | {
        "fulfillment_status": fulfillment_status
    }

    assert order_from_shopify(payload).status == expected


@pytest.mark.parametrize(
    ("gateways", "expected"),
    [
        pytest.param(["Cash on Delivery (COD)"], PaymentMethod.CASH_ON_DELIVERY, id="cod-label"),
        pytest.param(["cash_on_delivery"], PaymentMethod.CASH_ON_DELIVERY, id="cod-handle"),
        pytest.param(["Utánvét"], PaymentMethod.CASH_ON_DELIVERY, id="cod-hungarian"),
        pytest.param(["shopify_payments"], PaymentMethod.CARD, id="shopify-payments"),
        pytest.param(["stripe"], PaymentMethod.CARD, id="stripe"),
        pytest.param(["bogus"], PaymentMethod.CARD, id="test-gateway"),
        pytest.param(["paypal"], PaymentMethod.WALLET, id="paypal"),
        pytest.param(["bank_deposit"], PaymentMethod.BANK_TRANSFER, id="bank-deposit"),
        pytest.param(["manual"], PaymentMethod.BANK_TRANSFER, id="manual"),
        pytest.param(["gift_card"], PaymentMethod.OTHER, id="gift-card"),
        pytest.param(["gift_card", "shopify_payments"], PaymentMethod.CARD, id="gift-card+card"),
        pytest.param(
            ["authorize_net", "Cash on Delivery (COD)"],
            PaymentMethod.CASH_ON_DELIVERY,
            id="card+cod",
        ),
        pytest.param([], PaymentMethod.OTHER, id="none"),
        pytest.param(["Store credit"], PaymentMethod.OTHER, id="unknown"),
    ],
)
def test_payment_method_from_gateway_names(gateways: list[str], expected: PaymentMethod) -> None:
    assert payment_method(gateways) == expected


def test_deprecated_gateway_field_is_read_too() -> None:
    payload = fixture("shopify/orders_create_card.json") | {
        "payment_gateway_names": [],
        "gateway": "Cash on Delivery (COD)",
    }

    assert order_from_shopify(payload).payment_method == PaymentMethod.CASH_ON_DELIVERY


@pytest.mark.parametrize(
    ("financial_status", "expected"),
    [
        ("pending", PaymentStatus.PENDING),
        ("authorized", PaymentStatus.AUTHORIZED),
        ("partially_paid", PaymentStatus.PENDING),
        ("paid", PaymentStatus.PAID),
        ("partially_refunded", PaymentStatus.PARTIALLY_REFUNDED),
        ("refunded", PaymentStatus.REFUNDED),
        ("voided", PaymentStatus.VOIDED),
        ("expired", PaymentStatus.VOIDED),
        ("something_new", PaymentStatus.PENDING),
    ],
)
def test_financial_status(financial_status: str, expected: PaymentStatus) -> None:
    payload = fixture("shopify/orders_create_card.json") | {"financial_status": financial_status}

    assert order_from_shopify(payload).payment_status == expected


def test_shipping_falls_back_to_the_shipping_lines_and_phone_to_the_order() -> None:
    payload = fixture("shopify/orders_create_card.json")
    del payload["total_shipping_price_set"]
    payload["shipping_address"]["phone"] = None
    payload["phone"] = "+1 613 555 0100"

    order = order_from_shopify(payload)

    assert order.shipping == 1000
    assert order.customer.phone == "+1 613 555 0100"


def test_every_bad_field_is_named() -> None:
    payload = copy.deepcopy(fixture("shopify/orders_create_card.json"))
    del payload["id"]
    payload["created_at"] = "2026-03-01T10:05:22"  # no offset
    payload["line_items"][0]["price"] = "89,99"
    payload["line_items"][1]["quantity"] = 0
    payload["total_tax"] = "-1.00"

    with pytest.raises(InvalidInput) as exc:
        order_from_shopify(payload)

    assert _locations(exc) == [
        "id",
        "created_at",
        "line_items.0.price",
        "line_items.1.quantity",
        "total_tax",
    ]


def test_schema_errors_are_named_too() -> None:
    payload = fixture("shopify/orders_create_card.json") | {"currency": "EUROS"}

    with pytest.raises(InvalidInput) as exc:
        order_from_shopify(payload)

    assert _locations(exc) == ["currency"]


def test_an_order_without_line_items_is_refused() -> None:
    payload = fixture("shopify/orders_create_card.json") | {"line_items": []}

    with pytest.raises(InvalidInput) as exc:
        order_from_shopify(payload)

    assert _locations(exc) == ["line_items"]


def test_tags_are_trimmed_deduplicated_and_capped() -> None:
    tags = ", ".join(["vip", " vip ", "", "x" * 150] + [f"t{i}" for i in range(60)])
    payload = fixture("shopify/orders_create_card.json") | {"tags": tags}

    order = order_from_shopify(payload)

    assert order.tags[:3] == ["vip", "x" * 100, "t0"]
    assert len(order.tags) == 50


def test_an_order_without_a_currency_names_it() -> None:
    payload = fixture("shopify/orders_create_card.json")
    del payload["currency"]

    with pytest.raises(InvalidInput) as exc:
        order_from_shopify(payload)

    assert _locations(exc) == ["currency"]
