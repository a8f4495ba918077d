"""orders.csv: one row per order line; consecutive rows of an `order_id` are one order (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from goodbuyer.store.csv_cells import (
    Problems,
    Row,
    check_width,
    locator,
    money,
    pick,
    timestamp,
    whole_number,
)
from goodbuyer.store.csv_files import Columns
from goodbuyer.store.schemas import OrderIn

_ADDRESS = ("name", "line1", "line2", "city", "postcode", "region", "country")
ORDER_COLUMNS = Columns(
    key="order_id",
    required=frozenset(
        "order_id placed_at currency payment_method sku product quantity unit_price".split()
    ),
    optional=frozenset(
        "order_number updated_at status payment_status customer_id customer_name email phone "
        "language shipping tax discount size colour unit_cost".split()
    )
    | {f"ship_{part}" for part in _ADDRESS},
)
_RENAMES: dict[tuple[str, ...], str] = {
    ("external_id",): "order_id",
    ("number",): "order_number",
    ("customer", "external_id"): "customer_id",
    ("customer", "name"): "customer_name",
    ("customer", "email"): "email",
    ("customer", "phone"): "phone",
    **{("shipping_address", part): f"ship_{part}" for part in _ADDRESS},
    ("lines",): "",
}
_ALL = ORDER_COLUMNS.required | ORDER_COLUMNS.optional


def order_from_rows(rows: Sequence[Row]) -> OrderIn:
    """The order whose lines are `rows`; raises RecordRejected naming every problem."""
    problems = Problems(rows)
    check_width(problems, rows)
    problems.check()
    head = rows[0]
    currency = head[1].get("currency", "").upper()
    amount = partial(money, currency=currency)
    data = _order_fields(problems, head, amount)
    data["lines"] = [_line(problems, row, amount) for row in rows]
    locate = locator(head[0], [row[0] for row in rows], _RENAMES, _ALL)
    return problems.validate(OrderIn, data, locate)


def _order_fields(problems: Problems, head: Row, amount: Any) -> dict[str, Any]:
    cells = head[1]
    data = pick(
        external_id=cells.get("order_id"),
        number=cells.get("order_number"),
        placed_at=problems.cell(head, "placed_at", timestamp),
        updated_at=problems.cell(head, "updated_at", timestamp),
        currency=cells.get("currency"),
        status=cells.get("status"),
        payment_method=cells.get("payment_method"),
        payment_status=cells.get("payment_status"),
        language=cells.get("language"),
        shipping=problems.cell(head, "shipping", amount),
        tax=problems.cell(head, "tax", amount),
        discount=problems.cell(head, "discount", amount),
    )
    data["customer"] = pick(
        external_id=cells.get("customer_id"),
        name=cells.get("customer_name"),
        email=cells.get("email"),
        phone=cells.get("phone"),
    )
    address = pick(**{part: cells.get(f"ship_{part}") for part in _ADDRESS})
    if address:
        data["shipping_address"] = address
    return data


def _line(problems: Problems, row: Row, amount: Any) -> dict[str, Any]:
    cells = row[1]
    return pick(
        sku=cells.get("sku"),
        product=cells.get("product"),
        size=cells.get("size"),
        colour=cells.get("colour"),
        quantity=problems.cell(row, "quantity", whole_number),
        unit_price=problems.cell(row, "unit_price", amount),
        unit_cost=problems.cell(row, "unit_cost", amount),
    )


__all__ = ["ORDER_COLUMNS", "order_from_rows"]
