"""The rows an order batch writes (orders, lines, contact points, audit events) as tuples
in the driver's form (`bulk.DriverForm`), built without the database: a backfill builds
them in its parsing process, a batch ahead of the writer."""

from __future__ import annotations

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
    "external_id", "number", "status", "payment_method", "payment_status", "currency",
    "subtotal", "shipping", "tax", "discount", "total", "customer_name", "email", "phone",
    "ship_name", "ship_line1", "ship_line2", "ship_city", "ship_postcode", "ship_region",
    "ship_country", "language", "client_ip", "note", "tags", "placed_at", "source_updated_at",
    "raw", "id", "customer_id", "shop_id", "source", "created_at", "updated_at",
)  # fmt: skip
ORDER_CELLS = ORDER_COLUMNS.index("id")
"""`OrderRows.order` holds the columns before this one; the writer adds the rest."""
STATUS, PAYMENT_STATUS = ORDER_COLUMNS.index("status"), ORDER_COLUMNS.index("payment_status")
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


class OrderRows(NamedTuple):
    """One incoming order as rows, less what the writer adds: ids (only the rows it
    writes get one) and what only the database knows (the customer, a stored order)."""

    external_id: str
    changed_us: int  # the source's last change, in microseconds since 1970 (UTC)
    customer_key: str
    customer_name: str | None
    order: tuple[Any, ...]  # ORDER_COLUMNS[:ORDER_CELLS]
    lines: list[tuple[Any, ...]]  # LINE_COLUMNS[3:]: from the position on
    contacts: list[tuple[Any, ...]]  # CONTACT_COLUMNS[3:]: from the kind on
    audit: str  # the data of its audit event


def order_rows(form: DriverForm, source: str, orders: Sequence[OrderIn]) -> list[OrderRows]:
    """The rows of each order, in `form`."""
    return [_rows_of(form, source, order) for order in orders]


def _rows_of(form: DriverForm, source: str, o: OrderIn) -> OrderRows:
    changed = updated_at(o)
    first_seen = form.when(o.placed_at)
    points = contact_points(o.customer, o.shipping_address)
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
        _order_cells(form, o, first_seen, changed),
        [(n, *_line_cells(line)) for n, line in enumerate(o.lines, 1)],
        [(kind.value, value, normal, first_seen) for kind, value, normal in points],
        form.doc(data),
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


def _order_cells(form: DriverForm, o: OrderIn, placed: Any, changed: datetime) -> tuple[Any, ...]:
    a, c = o.shipping_address, o.customer
    ship = (a.name, a.line1, a.line2, a.city, a.postcode, a.region, a.country) if a else NO_ADDRESS
    return (
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


def line_rows(touched: list[Touched], shop: Any, ids: Iterator[str]) -> list[Any]:
    return [
        (next(ids), shop, order_id, *line) for order, order_id, _ in touched for line in order.lines
    ]


def contact_rows(
    touched: list[Touched], created: set[Any], stored: StoredContacts, shop: Any
) -> tuple[list[Any], list[Any], set[ContactKey]]:
    """(rows of customers created by this batch, which cannot collide; rows of known
    customers, which may already be stored; the keys of both). Contact points in
    `stored` are left out."""
    seen: set[ContactKey] = set()
    fresh: list[Any] = []
    known: list[Any] = []
    for order, _, customer_id in touched:
        for contact in order.contacts:
            key = (customer_id, contact[0], contact[2])
            if key not in seen and key not in stored:
                seen.add(key)
                (fresh if customer_id in created else known).append((customer_id, *contact))
    ids = iter(new_id_hexes(len(fresh) + len(known)))
    return (
        [(next(ids), shop, *row) for row in fresh],
        [(next(ids), shop, *row) for row in known],
        seen,
    )


def audit_rows(
    touched: list[Touched],
    actions: dict[str, tuple[Any, str]],
    at: tuple[Any, Any, str],
    ids: Iterator[str],
) -> list[Any]:
    """One `order.created` or `order.updated` event per order; `at` is (shop, instant,
    actor)."""
    shop, now, actor = at
    return [
        (
            next(ids),
            shop,
            now,
            actor,
            f"order.{actions[order.external_id][1]}",
            "order",
            order_id,
            customer_id,
            order_id,
            order.audit,
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
    "line_rows",
    "microseconds",
    "order_rows",
    "updated_at",
]
