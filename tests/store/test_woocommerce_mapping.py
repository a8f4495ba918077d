"""WooCommerce REST v3 order payloads to our schemas (no database)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from goodbuyer.errors import InvalidInput
from goodbuyer.store.sources.woocommerce import is_ping, order_from_woocommerce
from goodbuyer.store.statuses import OrderStatus, PaymentMethod, PaymentStatus
from tests.store.platform_payloads import fixture


def test_cash_on_delivery_order_of_a_guest() -> None:
    order = order_from_woocommerce(fixture("woocommerce/order_created_cod.json"))

    assert (order.external_id, order.number, order.currency) == ("4321", "4321", "MAD")
    assert order.placed_at == datetime(2026, 3, 1, 14, 20, 5, tzinfo=UTC)  # the _gmt field
    assert order.updated_at == datetime(2026, 3, 1, 14, 20, 6, tzinfo=UTC)
    assert (order.status, order.payment_method, order.payment_status) == (
        OrderStatus.PLACED,
        PaymentMethod.CASH_ON_DELIVERY,
        PaymentStatus.PENDING,
    )
    assert order.customer.model_dump() == {
        "external_id": None,
        "name": "يوسف العلوي",
        "email": "youssef.alaoui@example.ma",
        "phone": "0612345678",
    }
    assert order.shipping_address is not None
    assert (order.shipping_address.city, order.shipping_address.country) == ("الدار البيضاء", "MA")
    assert [
        (x.sku, x.product, x.size, x.colour, x.quantity, x.unit_price) for x in order.lines
    ] == [
        ("SWEAT-CAP-NOIR-L", "Sweat à capuche", "L", "Noir", 2, 34900),
        ("woocommerce-product-188", "Casquette brodée – édition Atlas", None, None, 1, 14900),
    ]
    assert (order.subtotal, order.shipping, order.tax, order.discount, order.total) == (
        84700,
        3500,
        0,
        0,
        88200,
    )
    assert order.client_ip == "105.158.44.21"
    assert order.note == "اتصل بي قبل التوصيل من فضلك"


def test_completed_order_is_shipped_and_paid() -> None:
    order = order_from_woocommerce(fixture("woocommerce/order_updated_completed.json"))

    assert (order.status, order.payment_status) == (OrderStatus.SHIPPED, PaymentStatus.PAID)
    assert order.updated_at == datetime(2026, 3, 3, 9, 0, 12, tzinfo=UTC)


_PAID = "2026-03-01T14:21:00"
_REFUND = {"id": 9, "reason": "", "total": "-35.00"}


@pytest.mark.parametrize(
    ("status", "paid", "refunds", "expected"),
    [
        pytest.param("pending", None, [], ("placed", "pending"), id="pending"),
        pytest.param("processing", _PAID, [], ("placed", "paid"), id="processing-paid"),
        pytest.param("on-hold", None, [], ("placed", "pending"), id="on-hold"),
        pytest.param("cancelled", None, [], ("cancelled", "pending"), id="cancelled"),
        pytest.param("refunded", _PAID, [_REFUND], ("placed", "refunded"), id="refunded"),
        pytest.param("completed", _PAID, [_REFUND], ("shipped", "partially_refunded"),
                     id="partly-refunded"),
        pytest.param("failed", None, [], ("placed", "pending"), id="failed"),
        pytest.param("wc-custom", None, [], ("placed", "pending"), id="plugin-status"),
    ],
)  # fmt: skip
def test_statuses(
    status: str,
    paid: str | None,
    refunds: list[dict[str, object]],
    expected: tuple[str, str],
) -> None:
    payload = fixture("woocommerce/order_created_cod.json") | {
        "status": status,
        "date_paid_gmt": paid,
        "refunds": refunds,
    }

    order = order_from_woocommerce(payload)

    assert (order.status, order.payment_status) == expected


@pytest.mark.parametrize(
    ("method", "title", "expected"),
    [
        ("cod", "Cash on delivery", PaymentMethod.CASH_ON_DELIVERY),
        ("bacs", "Direct bank transfer", PaymentMethod.BANK_TRANSFER),
        ("stripe", "Credit Card (Stripe)", PaymentMethod.CARD),
        ("woocommerce_payments", "Card", PaymentMethod.CARD),
        ("paypal", "PayPal", PaymentMethod.WALLET),
        ("ppcp-gateway", "PayPal", PaymentMethod.WALLET),
        ("cheque", "Check payments", PaymentMethod.OTHER),
    ],
)
def test_payment_methods(method: str, title: str, expected: PaymentMethod) -> None:
    payload = fixture("woocommerce/order_created_cod.json") | {
        "payment_method": method,
        "payment_method_title": title,
    }

    assert order_from_woocommerce(payload).payment_method == expected


def test_registered_customer_and_billing_address_when_nothing_is_shipped() -> None:
    payload = fixture("woocommerce/order_created_cod.json")
    payload["customer_id"] = 57
    payload["shipping"] = dict.fromkeys(payload["shipping"], "")
    payload["billing"]["city"] = "Rabat"

    order = order_from_woocommerce(payload)

    assert order.customer.external_id == "57"
    assert order.shipping_address is not None
    assert order.shipping_address.city == "Rabat"


def test_meta_data_sent_as_an_object_and_without_display_values() -> None:
    payload = fixture("woocommerce/order_created_cod.json")
    payload["line_items"][0]["meta_data"] = {
        "3": {"id": 1, "key": "pa_size", "value": "xl"},
        "7": {"id": 2, "key": "Colour", "value": "Bleu &amp; blanc"},
    }

    line = order_from_woocommerce(payload).lines[0]

    assert (line.size, line.colour) == ("xl", "Bleu & blanc")


def test_unit_price_comes_from_the_exact_subtotal() -> None:
    payload = fixture("woocommerce/order_created_cod.json")
    payload["line_items"][1] |= {"quantity": 3, "subtotal": "100.00", "price": 33.333333}

    line = order_from_woocommerce(payload).lines[1]

    assert (line.quantity, line.unit_price) == (3, 3333)


def test_every_bad_field_is_named() -> None:
    payload = fixture("woocommerce/order_created_cod.json")
    del payload["currency"]
    payload["date_created_gmt"] = "yesterday"
    payload["line_items"][0]["subtotal"] = "698,00"
    payload["line_items"][1]["quantity"] = "1"

    with pytest.raises(InvalidInput) as exc:
        order_from_woocommerce(payload)

    assert [e.location for e in exc.value.errors] == [
        "currency",
        "date_created_gmt",
        "line_items.0.subtotal",
        "line_items.1.quantity",
    ]


@pytest.mark.parametrize(
    ("body", "topic", "expected"),
    [
        pytest.param(b"webhook_id=12", None, True, id="ping"),
        pytest.param(b"webhook_id=12", "order.created", False, id="has-a-topic"),
        pytest.param(b"webhook_id=12&x=1", None, False, id="more-than-the-id"),
        pytest.param(b'{"id": 1}', None, False, id="json"),
    ],
)
def test_ping(body: bytes, topic: str | None, expected: bool) -> None:
    assert is_ping(body, topic) is expected
