"""The common case of orders.csv, checked without pydantic: a backfill's hot path (pure).

`FastOrders.read` builds the very `OrderIn` that validation would (`model_construct`), or
returns None at the first doubt, and the caller validates the full way, which also words
the reasons. It must never accept what `OrderIn` refuses; a contract test holds it to that.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from goodbuyer.money import exponent, is_currency
from goodbuyer.store.checked import construct
from goodbuyer.store.csv_cells import CellError, minor_units
from goodbuyer.store.schemas import AddressIn, CustomerIn, OrderIn, OrderLineIn
from goodbuyer.store.statuses import OrderStatus, PaymentMethod, PaymentStatus

RawRow = tuple[int, list[str]]

_ID = re.compile(r"\S(.*\S)?")  # schemas.ExternalId
_MAX_MINOR = 10**15
_STATUS = {s.value: s for s in OrderStatus}
_METHOD = {m.value: m for m in PaymentMethod}
_PAID = {p.value: p for p in PaymentStatus}
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


class FastOrders:
    """Reads orders from raw rows of one file, whose header gave `index`."""

    def __init__(self, index: Mapping[str, int]) -> None:
        self._width = width = len(index)
        # A column the file lacks reads the empty cell appended after the last one.
        self._order = [index.get(name, width) for name in _ORDER_CELLS]
        self._address = [index.get(name, width) for name in _ADDRESS_CELLS]
        self._line = [index.get(name, width) for name in _LINE_CELLS]

    def read(self, rows: Sequence[RawRow]) -> OrderIn | None:
        if not 1 <= len(rows) <= 1000 or any(len(raw) != self._width for _, raw in rows):
            return None
        cells = [cell.strip() for cell in rows[0][1]]
        cells.append("")
        head = [cells[i] for i in self._order]
        places = exponent(head[4].upper())
        lines = []
        for _, raw in rows:
            line = self._line_of(raw, places)
            if line is None:
                return None
            lines.append(line)
        return _order(head, [cells[i] for i in self._address], lines)

    def _line_of(self, raw: list[str], places: int) -> OrderLineIn | None:
        width = self._width
        sku, product, size, colour, quantity, price, cost = (
            raw[i].strip() if i < width else "" for i in self._line
        )
        if not (0 < len(sku) <= 128 and 0 < len(product) <= 300):
            return None
        if len(size) > 64 or len(colour) > 64:
            return None
        count = _whole(quantity)
        unit_price, unit_cost = _minor(price, places), _minor(cost, places) if cost else 0
        if count is None or not 1 <= count <= 100_000 or unit_price is None or unit_cost is None:
            return None
        return construct(
            OrderLineIn,
            sku=sku,
            product=product,
            size=size or None,
            colour=colour or None,
            quantity=count,
            unit_price=unit_price,
            unit_cost=unit_cost if cost else None,
        )


def _order(head: list[str], ship: list[str], lines: list[OrderLineIn]) -> OrderIn | None:
    (ext, number, placed, updated, currency, status, method, paid) = head[:8]
    (customer_id, name, email, phone, language, shipping, tax, discount) = head[8:]
    code = currency.upper()
    when = _when(placed)
    changed = _when(updated) if updated else when
    fees = _fees((shipping, tax, discount), exponent(code))
    customer = _customer(customer_id, name, email, phone)
    address_ok, address = _address(ship)
    if when is None or changed is None or fees is None or customer is None or not address_ok:
        return None
    status, paid = status or "placed", paid or "pending"
    known = status in _STATUS and method in _METHOD and paid in _PAID
    if not (known and _is_id(ext) and len(number) <= 64 and is_currency(code)):
        return None
    if len(language) > 16:
        return None
    subtotal = sum(line.unit_price * line.quantity for line in lines)
    ship_fee, tax_fee, discount_fee = fees
    return construct(
        OrderIn,
        external_id=ext,
        number=number or ext,
        placed_at=when,
        updated_at=changed,
        currency=code,
        status=_STATUS[status],
        payment_method=_METHOD[method],
        payment_status=_PAID[paid],
        customer=customer,
        shipping_address=address,
        lines=lines,
        subtotal=subtotal,
        shipping=ship_fee,
        tax=tax_fee,
        discount=discount_fee,
        total=max(subtotal + ship_fee + tax_fee - discount_fee, 0),
        language=language or None,
        client_ip=None,
        note=None,
        tags=[],
        raw=None,
    )


def _fees(cells: tuple[str, str, str], places: int) -> tuple[int, int, int] | None:
    shipping, tax, discount = (_minor(cell, places) if cell else 0 for cell in cells)
    if shipping is None or tax is None or discount is None:
        return None
    return shipping, tax, discount


def _customer(external_id: str, name: str, email: str, phone: str) -> CustomerIn | None:
    if external_id and not _is_id(external_id):
        return None
    if len(name) > 300 or len(email) > 320 or len(phone) > 64:
        return None
    return construct(
        CustomerIn,
        external_id=external_id or None,
        name=name or None,
        email=email or None,
        phone=phone or None,
    )


def _address(cells: list[str]) -> tuple[bool, AddressIn | None]:
    """(whether the cells are right, the address or None when no cell is given)."""
    if not any(cells):
        return True, None
    name, line1, line2, city, postcode, region, country = cells
    code = country.upper()
    right = (
        max(len(name), len(line1), len(line2)) <= 300
        and max(len(city), len(region)) <= 200
        and len(postcode) <= 32
        and (not country or (len(code) == 2 and code.isalpha() and code.isascii()))
    )
    address = construct(
        AddressIn,
        name=name or None,
        line1=line1 or None,
        line2=line2 or None,
        city=city or None,
        postcode=postcode or None,
        region=region or None,
        country=code or None,
    )
    return right, address


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
