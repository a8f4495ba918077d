"""The rows an order batch writes (orders, lines, contact points, audit events) as tuples
in the driver's form (`bulk.DriverForm`), built without the database: a backfill builds
them in its parsing process, a batch ahead of the writer."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from goodbuyer.clock import ensure_utc
from goodbuyer.ids import new_id_hexes
from goodbuyer.store.bulk import DriverForm
from goodbuyer.store.contacts import contact_points, customer_key
from goodbuyer.store.schemas import OrderIn

NO_ADDRESS = (None,) * 7
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
CUSTOMER_COLUMNS = ("id", "shop_id", "key", "name", "created_at", "updated_at")
ORDER_COLUMNS = (
    "id", "external_id", "number", "status", "payment_method", "payment_status", "currency",
    "subtotal", "shipping", "tax", "discount", "total", "customer_name", "email", "phone",
    "ship_name", "ship_line1", "ship_line2", "ship_city", "ship_postcode", "ship_region",
    "ship_country", "language", "client_ip", "note", "tags", "placed_at", "source_updated_at",
    "raw", "customer_id", "shop_id", "source", "created_at", "updated_at",
)  # fmt: skip
ORDER_CELLS = ORDER_COLUMNS.index("customer_id")
"""`OrderRows.order` holds the columns before this one; the writer adds the rest."""
STATUS, PAYMENT_STATUS = ORDER_COLUMNS.index("status"), ORDER_COLUMNS.index("payment_status")
LINE_COLUMNS = (
    "id", "shop_id", "order_id", "position", "sku", "product", "size", "colour", "quantity",
    "unit_price", "unit_cost",
)  # fmt: skip
CONTACT_COLUMNS = (
    "id", "shop_id", "kind", "value", "normalized", "first_seen_at", "customer_id",
)  # fmt: skip
AUDIT_COLUMNS = (
    "id", "shop_id", "at", "actor", "action", "subject_type", "subject_id", "customer_id",
    "order_id", "data",
)  # fmt: skip


class OrderRows(NamedTuple):
    """One incoming order as rows, less what only the database knows: its customer's id
    and, when the order is already stored, that order's id (`order[0]` is a new one)."""

    external_id: str
    changed_us: int  # the source's last change, in microseconds since 1970 (UTC)
    customer_key: str
    customer_name: str | None
    order: tuple[Any, ...]  # ORDER_COLUMNS[:ORDER_CELLS]
    lines: list[tuple[Any, ...]]  # LINE_COLUMNS, with order[0] as the order id
    contacts: list[tuple[Any, ...]]  # CONTACT_COLUMNS less the last (the customer)
    audit: tuple[str, str]  # the event's id and data, if the order is stored


def order_rows(
    form: DriverForm, shop_id: uuid.UUID, source: str, orders: Sequence[OrderIn]
) -> list[OrderRows]:
    """The rows of each order, with new ids made for all of them at once."""
    points = [contact_points(o.customer, o.shipping_address) for o in orders]
    count = sum(2 + len(o.lines) for o in orders) + sum(len(p) for p in points)
    ids = iter(new_id_hexes(count))
    shop = form.uid(shop_id)
    return [
        _rows_of(form, shop, source, order, found, ids)
        for order, found in zip(orders, points, strict=True)
    ]


def _rows_of(
    form: DriverForm,
    shop: Any,
    source: str,
    o: OrderIn,
    points: list[Any],
    ids: Iterator[str],
) -> OrderRows:
    order_id = next(ids)
    changed = updated_at(o)
    first_seen = form.when(o.placed_at)
    lines = [
        (next(ids), shop, order_id, n, *_line_cells(line)) for n, line in enumerate(o.lines, 1)
    ]
    contacts = [
        (next(ids), shop, kind.value, value, normal, first_seen) for kind, value, normal in points
    ]
    data = {
        "external_id": o.external_id,
        "status": o.status.value,
        "source_updated_at": changed.isoformat(),
    }
    return OrderRows(
        o.external_id,
        microseconds(changed),
        customer_key(source, o.customer, o.external_id),
        o.customer.name,
        _order_cells(form, o, order_id, first_seen, changed),
        lines,
        contacts,
        (next(ids), form.doc(data)),
    )


def _line_cells(line: Any) -> tuple[Any, ...]:
    return (
        line.sku,
        line.product,
        line.size,
        line.colour,
        line.quantity,
        line.unit_price,
        line.unit_cost,
    )


def _order_cells(
    form: DriverForm, o: OrderIn, order_id: str, placed: Any, changed: datetime
) -> tuple[Any, ...]:
    a, c = o.shipping_address, o.customer
    ship = (a.name, a.line1, a.line2, a.city, a.postcode, a.region, a.country) if a else NO_ADDRESS
    return (
        order_id,
        o.external_id,
        o.number,
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
        placed if o.updated_at == o.placed_at else form.when(changed),
        form.doc(o.raw),
    )


ContactKey = tuple[Any, str, str]
"""(customer id, kind, comparable form): a contact point's unique key."""
Touched = tuple[OrderRows, Any, Any]
"""An order the batch creates or updates, with its row id and its customer's (32 hex digits)."""


class StoredContacts:
    """Contact points known to be stored, kept through a long import so that the orders of
    a returning customer do not offer the same ones again (most of a backfill's contact
    rows otherwise). Only what committed, or what the current transaction wrote and an
    error would end the whole import with, may be added. Bounded: when full, it starts
    over; forgetting costs only an insert that the unique key skips."""

    def __init__(self, limit: int = 300_000) -> None:
        self._keys: set[ContactKey] = set()
        self._limit = limit

    def __contains__(self, key: ContactKey) -> bool:
        return key in self._keys

    def add_all(self, keys: set[ContactKey]) -> None:
        if len(self._keys) + len(keys) > self._limit:
            self._keys.clear()
        self._keys |= keys


def with_order_id(order: OrderRows, order_id: Any) -> OrderRows:
    """`order` as the update of the stored order `order_id`: its lines point there."""
    return order._replace(lines=[(line[0], line[1], order_id, *line[3:]) for line in order.lines])


def contact_rows(
    touched: list[Touched], created: set[Any], stored: StoredContacts
) -> tuple[list[Any], list[Any], set[ContactKey]]:
    """(rows of customers created by this batch, which cannot collide; rows of known
    customers, which may already be stored; the keys of both)."""
    seen: set[ContactKey] = set()
    fresh: list[Any] = []
    known: list[Any] = []
    for order, _, customer_id in touched:
        for contact in order.contacts:
            key = (customer_id, contact[2], contact[4])
            if key not in seen and key not in stored:
                seen.add(key)
                (fresh if customer_id in created else known).append((*contact, customer_id))
    return fresh, known, seen


def audit_rows(
    touched: list[Touched], outcomes: dict[str, tuple[Any, str]], shop: Any, at: Any, actor: str
) -> list[Any]:
    """One `order.created` or `order.updated` event per order."""
    return [
        (
            order.audit[0],
            shop,
            at,
            actor,
            f"order.{outcomes[order.external_id][1]}",
            "order",
            order_id,
            customer_id,
            order_id,
            order.audit[1],
        )
        for order, order_id, customer_id in touched
    ]


def updated_at(order: OrderIn) -> datetime:
    return ensure_utc(order.updated_at or order.placed_at)


def microseconds(instant: datetime) -> int:
    """An aware instant as a whole number, exact and cheap to compare and to pickle (an
    aware datetime unpickles several times slower than the rest of an order's rows)."""
    return (ensure_utc(instant) - _EPOCH) // _MICROSECOND


__all__ = [
    "AUDIT_COLUMNS",
    "CONTACT_COLUMNS",
    "CUSTOMER_COLUMNS",
    "LINE_COLUMNS",
    "ORDER_CELLS",
    "ORDER_COLUMNS",
    "PAYMENT_STATUS",
    "STATUS",
    "ContactKey",
    "OrderRows",
    "StoredContacts",
    "Touched",
    "audit_rows",
    "contact_rows",
    "microseconds",
    "order_rows",
    "updated_at",
    "with_order_id",
]
