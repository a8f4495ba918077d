"""The rows an order batch writes (orders, lines, contact points, audit events) as tuples
in the driver's form (`bulk.DriverForm`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from goodbuyer.clock import ensure_utc
from goodbuyer.ids import new_id_hexes
from goodbuyer.store.bulk import DriverForm
from goodbuyer.store.contacts import contact_points
from goodbuyer.store.schemas import IngestResult, OrderIn

NO_ADDRESS = (None,) * 7
CUSTOMER_COLUMNS = ("id", "shop_id", "key", "name", "created_at", "updated_at")
ORDER_COLUMNS = (
    "id", "external_id", "number", "customer_id", "status", "payment_method", "payment_status",
    "currency", "subtotal", "shipping", "tax", "discount", "total", "customer_name", "email",
    "phone", "ship_name", "ship_line1", "ship_line2", "ship_city", "ship_postcode",
    "ship_region", "ship_country", "language", "client_ip", "note", "tags", "placed_at",
    "source_updated_at", "raw", "shop_id", "source", "created_at", "updated_at",
)  # fmt: skip
LINE_COLUMNS = (
    "id", "shop_id", "order_id", "position", "sku", "product", "size", "colour", "quantity",
    "unit_price", "unit_cost",
)  # fmt: skip
CONTACT_COLUMNS = (
    "id", "shop_id", "customer_id", "kind", "value", "normalized", "first_seen_at",
)  # fmt: skip
AUDIT_COLUMNS = (
    "id", "shop_id", "at", "actor", "action", "subject_type", "subject_id", "customer_id",
    "order_id", "data",
)  # fmt: skip


class Touched(NamedTuple):
    """An order the batch creates or updates, with its row id and its customer's."""

    order: OrderIn
    order_id: uuid.UUID
    customer_id: uuid.UUID


def order_row(form: DriverForm, o: OrderIn, order_id: Any, customer_id: Any) -> tuple[Any, ...]:
    """An order's columns in `ORDER_COLUMNS` order, less the last four (shop, source,
    created, updated), which are the same for the whole batch."""
    a, c = o.shipping_address, o.customer
    placed = form.when(o.placed_at)
    ship = (a.name, a.line1, a.line2, a.city, a.postcode, a.region, a.country) if a else NO_ADDRESS
    return (
        order_id,
        o.external_id,
        o.number,
        customer_id,
        o.status.value,
        o.payment_method.value,
        o.payment_status.value,
        o.currency,
        o.subtotal,
        o.shipping,
        o.tax,
        o.discount,
        o.total,
        c.name,
        c.email,
        c.phone,
        *ship,
        o.language,
        o.client_ip,
        o.note,
        form.doc(o.tags),
        placed,
        placed if o.updated_at == o.placed_at else form.when(updated_at(o)),
        form.doc(o.raw),
    )


def order_fields(order: OrderIn) -> dict[str, Any]:
    """An updated order's new values, for SQLAlchemy's own update (updates are rare)."""
    address = order.shipping_address
    return {
        "number": order.number,
        "payment_method": order.payment_method,
        "payment_status": order.payment_status,
        "currency": order.currency,
        "subtotal": order.subtotal,
        "shipping": order.shipping,
        "tax": order.tax,
        "discount": order.discount,
        "total": order.total,
        "customer_name": order.customer.name,
        "email": order.customer.email,
        "phone": order.customer.phone,
        "ship_name": address.name if address else None,
        "ship_line1": address.line1 if address else None,
        "ship_line2": address.line2 if address else None,
        "ship_city": address.city if address else None,
        "ship_postcode": address.postcode if address else None,
        "ship_region": address.region if address else None,
        "ship_country": address.country if address else None,
        "language": order.language,
        "client_ip": order.client_ip,
        "note": order.note,
        "tags": order.tags,
        "placed_at": order.placed_at,
        "source_updated_at": updated_at(order),
        "raw": order.raw or {},
    }


def line_rows(form: DriverForm, shop_id: uuid.UUID, touched: Sequence[Touched]) -> list[Any]:
    count = sum(len(t.order.lines) for t in touched)
    ids = iter(new_id_hexes(count))
    shop = form.uid(shop_id)
    rows = []
    for order, order_id, _ in touched:
        oid = form.uid(order_id)
        for position, line in enumerate(order.lines, 1):
            rows.append(
                (
                    next(ids),
                    shop,
                    oid,
                    position,
                    line.sku,
                    line.product,
                    line.size,
                    line.colour,
                    line.quantity,
                    line.unit_price,
                    line.unit_cost,
                )
            )
    return rows


def contact_rows(
    form: DriverForm, shop_id: uuid.UUID, touched: Sequence[Touched], new_customers: set[uuid.UUID]
) -> tuple[list[Any], list[Any]]:
    """(rows of customers created by this batch, which cannot collide; rows of known
    customers, which may already be stored)."""
    created = {form.uid(c) for c in new_customers}
    seen: set[tuple[Any, str, str]] = set()
    fresh: list[Any] = []
    known: list[Any] = []
    for order, _, customer_id in touched:
        customer, first_seen = form.uid(customer_id), form.when(order.placed_at)
        for kind, value, normalized in contact_points(order.customer, order.shipping_address):
            key = (customer, kind.value, normalized)
            if key not in seen:
                seen.add(key)
                row = (*key[:2], value, normalized, first_seen)
                (fresh if customer in created else known).append(row)
    ids = iter(new_id_hexes(len(fresh) + len(known)))
    shop = form.uid(shop_id)
    return (
        [(next(ids), shop, *row) for row in fresh],
        [(next(ids), shop, *row) for row in known],
    )


def audit_rows(
    form: DriverForm,
    shop_id: uuid.UUID,
    touched: Sequence[Touched],
    results: dict[str, IngestResult],
    now: datetime,
    actor: str,
) -> list[Any]:
    """One `order.created` or `order.updated` event per order."""
    ids = iter(new_id_hexes(len(touched)))
    shop, at = form.uid(shop_id), form.when(now)
    rows = []
    for order, order_id, customer_id in touched:
        oid = form.uid(order_id)
        data = {
            "external_id": order.external_id,
            "status": order.status.value,
            "source_updated_at": updated_at(order).isoformat(),
        }
        action = f"order.{results[order.external_id].action}"
        rows.append(
            (
                next(ids),
                shop,
                at,
                actor,
                action,
                "order",
                oid,
                form.uid(customer_id),
                oid,
                form.doc(data),
            )
        )
    return rows


def updated_at(order: OrderIn) -> datetime:
    return ensure_utc(order.updated_at or order.placed_at)


__all__ = [
    "AUDIT_COLUMNS",
    "CONTACT_COLUMNS",
    "CUSTOMER_COLUMNS",
    "LINE_COLUMNS",
    "ORDER_COLUMNS",
    "Touched",
    "audit_rows",
    "contact_rows",
    "line_rows",
    "order_fields",
    "order_row",
    "updated_at",
]
