"""Shopify webhook payloads (orders, fulfillments, refunds) to our schemas (pure).

Amounts are read in the shop's currency (`currency`, `shop_money`); Shopify's ids are
64-bit numbers, kept as text.
"""

from __future__ import annotations

from typing import Any

from goodbuyer.deliveries.schemas import ShipmentIn
from goodbuyer.deliveries.statuses import ShipmentStatus
from goodbuyer.payments.schemas import RefundIn
from goodbuyer.store.schemas import OrderIn
from goodbuyer.store.sources import variants
from goodbuyer.store.sources.gateways import payment_method
from goodbuyer.store.sources.payload import Fields, first_text, joined, text
from goodbuyer.store.statuses import OrderStatus, PaymentStatus, Source

ORDER_TOPICS = frozenset(
    {"orders/create", "orders/updated", "orders/cancelled", "orders/paid", "orders/fulfilled",
     "orders/partially_fulfilled"}
)  # fmt: skip
FULFILLMENT_TOPICS = frozenset({"fulfillments/create", "fulfillments/update"})
REFUND_TOPICS = frozenset({"refunds/create"})

_PAYMENT_STATUS = {
    "pending": PaymentStatus.PENDING,
    "authorized": PaymentStatus.AUTHORIZED,
    "partially_paid": PaymentStatus.PENDING,
    "paid": PaymentStatus.PAID,
    "partially_refunded": PaymentStatus.PARTIALLY_REFUNDED,
    "refunded": PaymentStatus.REFUNDED,
    "voided": PaymentStatus.VOIDED,
    "expired": PaymentStatus.VOIDED,
}
_SHIPMENT_STATUS = {
    "label_printed": ShipmentStatus.LABEL_CREATED,
    "label_purchased": ShipmentStatus.LABEL_CREATED,
    "confirmed": ShipmentStatus.LABEL_CREATED,
    "carrier_picked_up": ShipmentStatus.IN_TRANSIT,
    "in_transit": ShipmentStatus.IN_TRANSIT,
    "delayed": ShipmentStatus.IN_TRANSIT,
    "ready_for_pickup": ShipmentStatus.IN_TRANSIT,
    "out_for_delivery": ShipmentStatus.OUT_FOR_DELIVERY,
    "attempted_delivery": ShipmentStatus.FAILED_ATTEMPT,
    "failure": ShipmentStatus.FAILED_ATTEMPT,
    "delivered": ShipmentStatus.DELIVERED,
    "picked_up": ShipmentStatus.DELIVERED,
}


def order_status(payload: dict[str, Any]) -> OrderStatus:
    if payload.get("cancelled_at"):
        return OrderStatus.CANCELLED
    if payload.get("fulfillment_status") in ("fulfilled", "partial", "shipped"):
        return OrderStatus.SHIPPED
    return OrderStatus.PLACED


def order_from_shopify(payload: dict[str, Any]) -> OrderIn:
    """An `orders/*` payload as an OrderIn; InvalidInput names each bad field."""
    f = Fields("Shopify order")
    currency = (text(payload.get("currency")) or "").upper()
    if not currency:
        f.fail("currency", "is required")
    data: dict[str, Any] = {
        "external_id": f.ident(payload, "id", "id"),
        "number": text(payload.get("name"), 64) or text(payload.get("order_number"), 64),
        "placed_at": f.timestamp(payload.get("created_at"), "created_at"),
        "updated_at": f.optional_timestamp(payload.get("updated_at"), "updated_at"),
        "currency": currency,  # when missing, the error recorded above stops build()
        "status": order_status(payload),
        **_payment(f, payload),
        "customer": _customer(f, payload),
        "shipping_address": _address(f.obj(payload, "shipping_address", "shipping_address")),
        "lines": [
            _line(f, item, currency, f"line_items.{i}")
            for i, item in enumerate(f.items(payload, "line_items", "line_items"))
        ],
        **_amounts(f, payload, currency),
        "language": text(payload.get("customer_locale"), 16),
        "client_ip": first_text(
            payload.get("browser_ip"),
            f.obj(payload, "client_details", "client_details").get("browser_ip"),
            limit=64,
        ),
        "note": text(payload.get("note"), 5000),
        "tags": _tags(payload.get("tags")),
        "raw": payload,
    }
    if not data["lines"]:
        f.fail("line_items", "an order needs at least one line item")
    return f.build(OrderIn, data)


def _payment(f: Fields, payload: dict[str, Any]) -> dict[str, Any]:
    # `gateway` is deprecated but still sent by older API versions.
    gateways = [str(g) for g in f.items(payload, "payment_gateway_names", "payment_gateway_names")]
    gateways += [str(payload["gateway"])] if payload.get("gateway") else []
    status = _PAYMENT_STATUS.get(str(payload.get("financial_status")), PaymentStatus.PENDING)
    return {"payment_method": payment_method(gateways), "payment_status": status}


def _amounts(f: Fields, payload: dict[str, Any], currency: str) -> dict[str, Any]:
    """Order-level money in the shop's currency; the platform's total is kept as sent
    (prices may include tax, which a sum of the parts cannot know)."""
    amounts = {
        "shipping": _shipping(f, payload, currency),
        "tax": f.money(payload.get("total_tax"), currency, "total_tax"),
        "discount": f.money(payload.get("total_discounts"), currency, "total_discounts"),
    }
    if payload.get("total_price") is not None:
        amounts["total"] = f.money(payload["total_price"], currency, "total_price")
    return amounts


def _customer(f: Fields, payload: dict[str, Any]) -> dict[str, Any]:
    customer = f.obj(payload, "customer", "customer")
    shipping = f.obj(payload, "shipping_address", "shipping_address")
    billing = f.obj(payload, "billing_address", "billing_address")
    return {
        "external_id": text(customer.get("id"), 128),
        "name": joined(customer.get("first_name"), customer.get("last_name"), limit=300)
        or first_text(shipping.get("name"), billing.get("name"), limit=300),
        "email": first_text(
            payload.get("email"), payload.get("contact_email"), customer.get("email"), limit=320
        ),
        "phone": first_text(
            customer.get("phone"),
            shipping.get("phone"),
            payload.get("phone"),
            billing.get("phone"),
            limit=64,
        ),
    }


def _address(address: dict[str, Any]) -> dict[str, Any] | None:
    if not address:
        return None
    return {
        "name": first_text(
            address.get("name"),
            joined(address.get("first_name"), address.get("last_name")),
            limit=300,
        ),
        "line1": text(address.get("address1"), 300),
        "line2": text(address.get("address2"), 300),
        "city": text(address.get("city"), 200),
        "postcode": text(address.get("zip"), 32),
        "region": first_text(address.get("province"), address.get("province_code"), limit=200),
        "country": text(address.get("country_code")),
    }


def _line(f: Fields, item: Any, currency: str, loc: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        f.fail(loc, "must be an object")
        return {}
    quantity = item.get("quantity")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        f.fail(f"{loc}.quantity", f"{quantity!r} is not a positive whole number")
    sku = first_text(item.get("sku"), limit=128) or _fallback_sku(item)
    named = [
        (str(o.get("name", "")), str(o.get("value", "")))
        for o in [*(item.get("options_with_values") or []), *(item.get("properties") or [])]
        if isinstance(o, dict)
    ]
    size, colour = variants.from_options(named)
    title_size, title_colour = variants.from_title(text(item.get("variant_title")))
    return {
        "sku": sku,
        "product": first_text(item.get("title"), item.get("name"), limit=300) or sku,
        "size": (size or title_size or "")[:64] or None,
        "colour": (colour or title_colour or "")[:64] or None,
        "quantity": quantity,
        "unit_price": f.money(item.get("price"), currency, f"{loc}.price"),
    }


def _fallback_sku(item: dict[str, Any]) -> str:
    # Shopify sends "" when the merchant gave the variant no SKU; its id is stable instead.
    for key, prefix in (("variant_id", "variant"), ("product_id", "product"), ("id", "line")):
        if item.get(key):
            return f"shopify-{prefix}-{item[key]}"
    return "shopify-unknown"


def _shipping(f: Fields, payload: dict[str, Any], currency: str) -> int:
    price_set = f.obj(payload, "total_shipping_price_set", "total_shipping_price_set")
    shop_money = price_set.get("shop_money") if isinstance(price_set, dict) else None
    if isinstance(shop_money, dict) and shop_money.get("amount") is not None:
        return f.money(shop_money["amount"], currency, "total_shipping_price_set.shop_money")
    lines = f.items(payload, "shipping_lines", "shipping_lines")
    return sum(
        f.money(line.get("price"), currency, f"shipping_lines.{i}.price")
        for i, line in enumerate(lines)
        if isinstance(line, dict)
    )


def _tags(value: Any) -> list[str]:
    """Shopify sends tags as one comma-separated string."""
    found = [t.strip()[:100] for t in str(value or "").split(",") if t.strip()]
    return list(dict.fromkeys(found))[:50]


def shipment_from_shopify(payload: dict[str, Any]) -> ShipmentIn | None:
    """A `fulfillments/*` payload as a ShipmentIn; None for a cancelled or failed fulfillment."""
    f = Fields("Shopify fulfillment")
    if payload.get("status") in ("cancelled", "error", "failure"):
        return None
    created = f.timestamp(payload.get("created_at"), "created_at")
    updated = f.optional_timestamp(payload.get("updated_at"), "updated_at") or created
    raw_status = payload.get("shipment_status")
    status = _SHIPMENT_STATUS.get(str(raw_status)) if raw_status else ShipmentStatus.LABEL_CREATED
    numbers = [
        *f.items(payload, "tracking_numbers", "tracking_numbers"),
        payload.get("tracking_number"),
    ]
    urls = [*f.items(payload, "tracking_urls", "tracking_urls"), payload.get("tracking_url")]
    data = {
        "external_id": f.ident(payload, "id", "id"),
        "order_external_id": f.ident(payload, "order_id", "order_id"),
        "order_source": Source.SHOPIFY,
        "carrier": text(payload.get("tracking_company"), 100),
        "tracking_number": first_text(*numbers, limit=100),
        "tracking_url": first_text(*urls, limit=500),
        "shipped_at": created,
        "updated_at": updated,
        # One scan per delivery: the shipment keeps every status it went through.
        "events": [{"status": status, "occurred_at": updated if raw_status else created}]
        if status
        else [],
        "raw": payload,
    }
    return f.build(ShipmentIn, data)


def refund_from_shopify(payload: dict[str, Any]) -> RefundIn | None:
    """A `refunds/create` payload as a RefundIn: the sum of its successful refund
    transactions. None when no money moved (a restock or a note only)."""
    f = Fields("Shopify refund")
    data = {
        "external_id": f.ident(payload, "id", "id"),
        "order_external_id": f.ident(payload, "order_id", "order_id"),
        "order_source": Source.SHOPIFY,
        **_refunded(f, payload),
        "reason": text(payload.get("note"), 2000),
        "refunded_at": f.timestamp(
            payload.get("processed_at") or payload.get("created_at"), "processed_at"
        ),
        "raw": payload,
    }
    f.check()
    return f.build(RefundIn, data) if data["amount"] else None


def _refunded(f: Fields, payload: dict[str, Any]) -> dict[str, Any]:
    """Amount and currency of the refund transactions that succeeded (failed attempts and
    retries are in the same list)."""
    transactions = [
        (i, t)
        for i, t in enumerate(f.items(payload, "transactions", "transactions"))
        if isinstance(t, dict) and t.get("kind") == "refund" and t.get("status") == "success"
    ]
    currencies = {str(t.get("currency") or "").upper() for _, t in transactions}
    if len(currencies) > 1:
        f.fail("transactions", f"refunded in more than one currency: {sorted(currencies)}")
    currency = min(currencies, default="")
    amount = sum(
        f.money(t.get("amount"), currency, f"transactions.{i}.amount") for i, t in transactions
    )
    return {"amount": amount, "currency": currency}


__all__ = [
    "FULFILLMENT_TOPICS",
    "ORDER_TOPICS",
    "REFUND_TOPICS",
    "order_from_shopify",
    "order_status",
    "refund_from_shopify",
    "shipment_from_shopify",
]
