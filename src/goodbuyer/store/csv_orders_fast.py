"""The common case of orders.csv, checked without pydantic and turned straight into the
rows it stores: a backfill's hot path (pure).

`FastOrders.read` returns the very rows (`order_rows.OrderRows`, as a plain tuple) that
validation to an `OrderIn` and `order_rows` would make, or None at the first doubt; the
caller then validates the full way, which also words the reasons. It must never accept
what `OrderIn` refuses; a contract test holds it to that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from sys import intern
from typing import Any

from goodbuyer.money import exponent, is_currency
from goodbuyer.store.bulk import DriverForm
from goodbuyer.store.contacts import key_of, points_of
from goodbuyer.store.csv_cells import CellError, minor_units
from goodbuyer.store.order_rows import microseconds
from goodbuyer.store.statuses import OrderStatus, PaymentMethod, PaymentStatus

RawRow = tuple[int, list[str]]

_ID = re.compile(r"\S(.*\S)?")  # schemas.ExternalId
_MAX_MINOR = 10**15
# Each known value as one string object, as are other cells that repeat (intern): a
# batch then pickles each once and refers to it after, which the writer unpickles faster.
_STATUS = {s.value: s.value for s in OrderStatus}
_METHOD = {m.value: m.value for m in PaymentMethod}
_PAID = {p.value: p.value for p in PaymentStatus}
_REMEMBERED = 1 << 14  # money cells kept converted: prices repeat across a file
_ORDER_CELLS = (
    "order_id", "order_number", "placed_at", "updated_at", "currency", "status",
    "payment_method", "payment_status", "customer_id", "customer_name", "email", "phone",
    "language", "shipping", "tax", "discount",
)  # fmt: skip
_ADDRESS_CELLS = (
    "ship_name", "ship_line1", "ship_line2", "ship_city", "ship_postcode", "ship_region",
    "ship_country",
)  # fmt: skip
_LINE_CELLS = ("sku", "product", "size", "colour", "quantity", "unit_price", "unit_cost")
_NO_TAGS, _NO_RAW = "[]", "{}"  # DriverForm.doc of an order's empty tags and raw payload


class FastOrders:
    """Reads orders from raw rows of one file, whose header gave `index`, into the rows
    `form` stores for `source`."""

    def __init__(self, index: Mapping[str, int], form: DriverForm, source: str) -> None:
        self._width = width = len(index)
        # A column the file lacks reads the empty cell appended after the last one.
        self._head = itemgetter(*(index.get(name, width) for name in _ORDER_CELLS))
        self._ship = itemgetter(*(index.get(name, width) for name in _ADDRESS_CELLS))
        self._line = itemgetter(*(index.get(name, width) for name in _LINE_CELLS))
        self.form = form
        self._source = source
        self._money: dict[tuple[str, int], int | None] = {}

    def read(self, rows: Sequence[RawRow]) -> tuple[Any, ...] | None:
        width = self._width
        if not 1 <= len(rows) <= 1000 or any(len(raw) != width for _, raw in rows):
            return None
        cells = [cell.strip() for cell in rows[0][1]]
        cells.append("")
        head: tuple[str, ...] = self._head(cells)
        places = exponent(head[4].upper())
        lines = [self._line_of(n, raw, places) for n, (_, raw) in enumerate(rows, 1)]
        if None in lines:
            return None
        return self._order(head, self._ship(cells), lines)

    def _line_of(self, n: int, raw: list[str], places: int) -> tuple[Any, ...] | None:
        sku, product, size, colour, quantity, price, cost = (
            cell.strip() for cell in self._line([*raw, ""])
        )
        if not (0 < len(sku) <= 128 and 0 < len(product) <= 300):
            return None
        if len(size) > 64 or len(colour) > 64:
            return None
        count = _whole(quantity)
        unit_price = self._minor(price, places)
        unit_cost = self._minor(cost, places) if cost else 0
        if count is None or not 1 <= count <= 100_000 or unit_price is None or unit_cost is None:
            return None
        return (n, intern(sku), intern(product), intern(size) or None, intern(colour) or None,
                count, unit_price, unit_cost if cost else None)  # fmt: skip

    def _order(
        self, head: tuple[str, ...], ship: tuple[str, ...], lines: list[Any]
    ) -> tuple[Any, ...] | None:
        (ext, number, placed, updated, currency, status, method, paid) = head[:8]
        (customer_id, name, email, phone, language, shipping, tax, discount) = head[8:]
        code = intern(currency.upper())
        when = _when(placed)
        changed = _when(updated) if updated else when
        fees = self._fees((shipping, tax, discount), exponent(code))
        address = _address(ship)
        if when is None or changed is None or fees is None or address is None:
            return None
        known = _STATUS.get(status or "placed"), _METHOD.get(method), _PAID.get(paid or "pending")
        if None in known:
            return None
        status, method, paid = known  # type: ignore[assignment]
        if not (_is_id(ext) and len(number) <= 64 and is_currency(code) and len(language) <= 16):
            return None
        if customer_id and not _is_id(customer_id):
            return None
        if len(name) > 300 or len(email) > 320 or len(phone) > 64:
            return None
        subtotal = sum(line[5] * line[6] for line in lines)
        ship_fee, tax_fee, discount_fee = fees
        form = self.form
        at = changed.astimezone(UTC)
        first_seen = form.when(when)
        order = (
            ext, number or ext, status, method, paid, code, subtotal, ship_fee, tax_fee,
            discount_fee, max(subtotal + ship_fee + tax_fee - discount_fee, 0), name or None,
            email or None, phone or None, *address, intern(language) or None, None, None, _NO_TAGS,
            first_seen, first_seen if changed == when else form.when(at), _NO_RAW,
        )  # fmt: skip
        # (line1, line2, postcode, city, country), as contacts.comparable_address takes them
        parts = (address[1], address[2], address[4], address[3], address[6])
        points = points_of(email or None, phone or None, parts if any(ship) else None)
        audit = {"external_id": ext, "status": status, "source_updated_at": at.isoformat()}
        return (
            ext,
            microseconds(at),
            key_of(self._source, customer_id, email, phone, ext),
            name or None,
            order,
            lines,
            [(kind.value, value, normal, first_seen) for kind, value, normal in points],
            form.doc(audit),
        )

    def _fees(self, cells: tuple[str, str, str], places: int) -> tuple[int, int, int] | None:
        shipping, tax, discount = (self._minor(cell, places) if cell else 0 for cell in cells)
        if shipping is None or tax is None or discount is None:
            return None
        return shipping, tax, discount

    def _minor(self, text: str, places: int) -> int | None:
        key = (text, places)
        try:
            return self._money[key]
        except KeyError:
            pass
        if len(self._money) >= _REMEMBERED:
            self._money.clear()
        self._money[key] = value = _minor(text, places)
        return value


def _address(cells: tuple[str, ...]) -> tuple[str | None, ...] | None:
    """The address cells as stored (an empty one as None), or None when they are wrong."""
    name, line1, line2, city, postcode, region, country = cells
    code = country.upper()
    right = (
        max(len(name), len(line1), len(line2)) <= 300
        and max(len(city), len(region)) <= 200
        and len(postcode) <= 32
        and (not country or (len(code) == 2 and code.isalpha() and code.isascii()))
    )
    if not right:
        return None
    return (name or None, line1 or None, line2 or None, intern(city) or None, postcode or None,
            intern(region) or None, intern(code) or None)  # fmt: skip


def _is_id(text: str) -> bool:
    return 0 < len(text) <= 128 and _ID.fullmatch(text) is not None


def _when(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def _whole(text: str) -> int | None:
    try:
        return int(text) if len(text) <= 18 else None
    except ValueError:
        return None


def _minor(text: str, places: int) -> int | None:
    try:
        value = minor_units(text, places, "")
    except CellError:
        return None
    return value if value <= _MAX_MINOR else None


__all__ = ["FastOrders"]
