"""WooCommerce webhook payloads (REST API v3 orders) to our schemas (pure).

Woo's `*_gmt` timestamps carry no offset but are UTC; names may hold HTML entities
("Hoodie &ndash; Black"); a guest is customer 0.
"""

from __future__ import annotations

import html
from typing import Any

from goodbuyer.store.schemas import OrderIn
from goodbuyer.store.sources import variants
from goodbuyer.store.sources.gateways import payment_method
from goodbuyer.store.sources.payload import Fields, first_text, joined, text
from goodbuyer.store.statuses import OrderStatus, PaymentStatus

ORDER_TOPICS = frozenset({"order.created", "order.updated", "order.restored"})

_ORDER_STATUS = {
    "pending": OrderStatus.PLACED,  # awaiting payment
    "processing": OrderStatus.PLACED,  # paid, or cash on delivery placed; to be shipped
    "on-hold": OrderStatus.PLACED,  # awaiting a bank transfer
    "completed": OrderStatus.SHIPPED,  # fulfilled by the shop; the carrier tells the rest
    "cancelled": OrderStatus.CANCELLED,
    # A refund says nothing of where the parcel is: PLACED never moves a known order back.
    "refunded": OrderStatus.PLACED,
    "failed": OrderStatus.PLACED,  # the payment failed; the customer may still pay
}


def is_ping(raw_body: bytes, topic: str | None) -> bool:
    """WooCommerce's unsigned test request when a webhook is saved: `webhook_id=12`."""
    return not topic and raw_body.startswith(b"webhook_id=") and raw_body[11:].isdigit()


def payment_status(payload: dict[str, Any]) -> PaymentStatus:
    status = payload.get("status")
    if status == "refunded":
        return PaymentStatus.REFUNDED
    if payload.get("refunds"):
        return PaymentStatus.PARTIALLY_REFUNDED
    if payload.get("date_paid_gmt") or payload.get("date_paid"):
        return PaymentStatus.PAID
    return PaymentStatus.PENDING


def order_from_woocommerce(payload: dict[str, Any]) -> OrderIn:
    """An `order.*` payload as an OrderIn; InvalidInput names each bad field."""
    f = Fields("WooCommerce order")
    currency = (text(payload.get("currency")) or "").upper()
    if not currency:
        f.fail("currency", "is required")
    billing = f.obj(payload, "billing", "billing")
    shipping = f.obj(payload, "shipping", "shipping")
    data: dict[str, Any] = {
        "external_id": f.ident(payload, "id", "id"),
        "number": text(payload.get("number"), 64),
        "placed_at": f.timestamp(
            payload.get("date_created_gmt"), "date_created_gmt", naive_is_utc=True
        ),
        "updated_at": f.optional_timestamp(
            payload.get("date_modified_gmt"), "date_modified_gmt", naive_is_utc=True
        ),
        "currency": currency,  # when missing, the error recorded above stops build()
        "status": _ORDER_STATUS.get(str(payload.get("status")), OrderStatus.PLACED),
        "payment_method": payment_method(
            [
                str(payload.get("payment_method") or ""),
                str(payload.get("payment_method_title") or ""),
            ]
        ),
        "payment_status": payment_status(payload),
        "customer": _customer(payload, billing, shipping),
        "shipping_address": _address(shipping) or _address(billing),
        "lines": [
            _line(f, item, currency, f"line_items.{i}")
            for i, item in enumerate(f.items(payload, "line_items", "line_items"))
        ],
        **_amounts(f, payload, currency),
        "client_ip": text(payload.get("customer_ip_address"), 64),
        "note": text(payload.get("customer_note"), 5000),
        "raw": payload,
    }
    if not data["lines"]:
        f.fail("line_items", "an order needs at least one line item")
    return f.build(OrderIn, data)


def _amounts(f: Fields, payload: dict[str, Any], currency: str) -> dict[str, Any]:
    amounts = {
        "shipping": f.money(payload.get("shipping_total"), currency, "shipping_total"),
        "tax": f.money(payload.get("total_tax"), currency, "total_tax"),
        "discount": f.money(payload.get("discount_total"), currency, "discount_total"),
    }
    if payload.get("total") is not None:
        amounts["total"] = f.money(payload["total"], currency, "total")
    return amounts


def _customer(
    payload: dict[str, Any], billing: dict[str, Any], shipping: dict[str, Any]
) -> dict[str, Any]:
    customer_id = payload.get("customer_id")
    return {
        "external_id": None if customer_id in (None, 0, "0", "") else text(customer_id, 128),
        "name": joined(billing.get("first_name"), billing.get("last_name"), limit=300)
        or joined(shipping.get("first_name"), shipping.get("last_name"), limit=300),
        "email": text(billing.get("email"), 320),
        "phone": first_text(billing.get("phone"), shipping.get("phone"), limit=64),
    }


def _address(address: dict[str, Any]) -> dict[str, Any] | None:
    if not text(address.get("address_1")) and not text(address.get("city")):
        return None
    return {
        "name": joined(address.get("first_name"), address.get("last_name"), limit=300),
        "line1": text(address.get("address_1"), 300),
        "line2": text(address.get("address_2"), 300),
        "city": text(address.get("city"), 200),
        "postcode": text(address.get("postcode"), 32),
        "region": text(address.get("state"), 200),
        "country": text(address.get("country")),
    }


def _line(f: Fields, item: Any, currency: str, loc: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        f.fail(loc, "must be an object")
        return {}
    quantity = item.get("quantity")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        f.fail(f"{loc}.quantity", f"{quantity!r} is not a positive whole number")
        quantity = 1
    # `price` is a float of total / quantity (3.3333333); the subtotal is exact text.
    subtotal = f.money(item.get("subtotal"), currency, f"{loc}.subtotal")
    size, colour = variants.from_options(_meta(item.get("meta_data")))
    sku = first_text(item.get("sku"), limit=128) or _fallback_sku(item)
    name = first_text(item.get("parent_name"), item.get("name"))
    return {
        "sku": sku,
        "product": html.unescape(name)[:300] if name else sku,
        "size": size[:64] if size else None,
        "colour": colour[:64] if colour else None,
        "quantity": quantity,
        "unit_price": (subtotal + quantity // 2) // quantity,
    }


def _meta(meta: Any) -> list[tuple[str, str]]:
    """(key, shown value) pairs; PHP sends a sparse array as an object, so both are read."""
    entries = meta.values() if isinstance(meta, dict) else meta if isinstance(meta, list) else []
    pairs = []
    for entry in entries:
        if isinstance(entry, dict) and not str(entry.get("key", "")).startswith("_"):
            shown = entry.get("display_value")
            value = shown if isinstance(shown, str) and shown else entry.get("value")
            if isinstance(value, str | int | float):
                pairs.append((str(entry.get("key", "")), html.unescape(str(value))))
    return pairs


def _fallback_sku(item: dict[str, Any]) -> str:
    for key, prefix in (("variation_id", "variation"), ("product_id", "product"), ("id", "line")):
        if item.get(key):
            return f"woocommerce-{prefix}-{item[key]}"
    return "woocommerce-unknown"


__all__ = ["ORDER_TOPICS", "is_ping", "order_from_woocommerce", "payment_status"]
