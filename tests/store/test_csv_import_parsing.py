"""CSV backfill without a database: cells, headers and encodings, and the fast order reader
held to the schema's own validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from goodbuyer.store.bulk import POSTGRES, SQLITE, DriverForm
from goodbuyer.store.csv_cells import CellError, RecordRejected, cells_of, money, timestamp
from goodbuyer.store.csv_files import UnreadableFile, grouped, open_csv
from goodbuyer.store.csv_orders import ORDER_COLUMNS, order_from_rows
from goodbuyer.store.csv_orders_fast import FastOrders
from goodbuyer.store.order_rows import order_rows

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [("19.90", "EUR", 1990), ("1500", "HUF", 150_000), ("12.345", "KWD", 12_345),
     ("1500", "JPY", 1500), ("19.900", "EUR", 1990), (".5", "EUR", 50)],
    ids=["euros", "forints", "dinars", "yen", "trailing-zero", "no-whole-part"],
)  # fmt: skip
def test_money_is_read_in_minor_units(text: str, currency: str, minor: int) -> None:
    assert money(text, currency) == minor


@pytest.mark.parametrize(
    ("text", "currency", "message"),
    [("12,5O", "EUR", "'12,5O' is not a number"),
     ("19.901", "EUR", "'19.901' has more decimals than EUR allows (2)"),
     ("1.5", "JPY", "'1.5' has more decimals than JPY allows (0)"),
     ("-5", "EUR", "'-5' is negative"), ("1e3", "EUR", "'1e3' is not a number")],
    ids=["typo", "too-many-decimals", "yen-decimals", "negative", "exponent"],
)  # fmt: skip
def test_money_that_is_not_exact_is_refused(text: str, currency: str, message: str) -> None:
    with pytest.raises(CellError) as caught:
        money(text, currency)

    assert str(caught.value) == message


def test_a_timestamp_needs_its_offset() -> None:
    assert timestamp("2026-03-01T12:00:00Z").isoformat() == "2026-03-01T12:00:00+00:00"
    with pytest.raises(CellError, match=r"^'2026-03-01T12:00:00' has no UTC offset"):
        timestamp("2026-03-01T12:00:00")


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "orders.csv"
    path.write_bytes(data)
    return path


_HEADER = b"order_id,placed_at,currency,payment_method,sku,product,quantity,unit_price"


@pytest.mark.parametrize(
    ("data", "message"),
    [(_HEADER + b",colour_code\n", "unknown column 'colour_code'"),
     (_HEADER.replace(b",placed_at", b"") + b"\n", "missing required column 'placed_at'"),
     (_HEADER + b",sku\n", "column 'sku' appears more than once"),
     (b"", "the file is empty: it needs a header row"),
     (_HEADER + b"\n1,2026-03-01T12:00:00Z,EUR,cod,TEE,T-shirt,1,19.90\n"
      b"2,2026-03-01T12:00:00Z,EUR,cod,TEE,Pai\xe4ta,1,19.90\n",
      "row 3 is not UTF-8 (column 'product')")],
    ids=["unknown-column", "missing-column", "twice", "empty", "latin-1"],
)  # fmt: skip
def test_a_file_that_cannot_be_read_is_refused_by_name(
    tmp_path: Path, data: bytes, message: str
) -> None:
    with pytest.raises(UnreadableFile) as caught, open_csv(_write(tmp_path, data), ORDER_COLUMNS):
        pass

    assert str(caught.value) == message


def test_a_byte_order_mark_and_spreadsheet_headers_are_accepted(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + _HEADER.upper() + b"\r\n1,2026-03-01T12:00:00Z,EUR,cod,T,T,1,1\r\n"

    with open_csv(_write(tmp_path, data), ORDER_COLUMNS) as file:
        rows = list(file.rows)

    assert file.index["order_id"] == 0
    assert rows == [(2, ["1", "2026-03-01T12:00:00Z", "EUR", "cod", "T", "T", "1", "1"])]


def test_rows_of_one_record_are_grouped_and_blank_lines_skipped() -> None:
    rows = iter([(2, ["1", "a"]), (3, ["1", "b"]), (4, [""]), (5, ["", "c"]), (6, ["", "d"])])

    groups = [[number for number, _ in group] for group in grouped(rows, 0, 100)]

    assert groups == [[2, 3], [5], [6]]


def _fixture_orders() -> list[list[tuple[int, list[str]]]]:
    with open_csv(FIXTURES / "orders.csv", ORDER_COLUMNS) as file:
        return list(grouped(file.rows, file.index["order_id"], 100))


def _both_ways(
    rows: list[tuple[int, list[str]]], form: DriverForm = SQLITE
) -> tuple[tuple[Any, ...] | None, tuple[Any, ...] | None]:
    """(the fast reader's rows, the rows of the validated order; None when refused)."""
    with open_csv(FIXTURES / "orders.csv", ORDER_COLUMNS) as file:
        index = file.index
    cells = cells_of(index, len(index))
    fast = FastOrders(index, form, "csv").read(rows)
    try:
        order = order_from_rows([cells(number, raw) for number, raw in rows])
    except RecordRejected:
        return fast, None
    return fast, tuple(order_rows(form, "csv", [order])[0])


@pytest.mark.parametrize("form", [SQLITE, POSTGRES], ids=["sqlite", "postgresql"])
def test_the_fast_reader_builds_the_rows_of_the_validated_orders(form: DriverForm) -> None:
    for rows in _fixture_orders():
        fast, slow = _both_ways(rows, form)

        assert fast is not None
        assert slow is not None
        assert fast == slow
        assert [type(cell) for cell in fast[4]] == [type(cell) for cell in slow[4]]


def test_the_fast_reader_builds_the_customer_key_and_contact_points() -> None:
    fast, _ = _both_ways(_fixture_orders()[0])

    assert fast is not None
    assert fast[2] == "csv:C-77"
    assert [(kind, normal) for kind, _, normal, _ in fast[6]] == [
        ("email", "aino.virtanen@example.fi"),
        ("phone", "+358401234567"),
        ("address", "mannerheimintie 12 b 7 | 00100 | helsinki | fi"),
    ]
    assert [line[:2] for line in fast[5]] == [(1, "TEE-M-BLK"), (2, "CAP-01")]


_CHANGES = [
    ("order_id", ""), ("order_id", "x" * 129), ("order_id", "a\nb"), ("order_number", "n" * 65),
    ("placed_at", "2026-03-01 12:00"), ("placed_at", "2026-03-01"), ("updated_at", "soon"),
    ("currency", "eur"), ("currency", "EURO"), ("status", "lost"), ("status", "Placed"),
    ("payment_method", ""), ("payment_status", "free"), ("customer_id", "C 1\n"),
    ("customer_name", "n" * 301), ("email", "e" * 321), ("phone", "1" * 65),
    ("ship_country", "fin"), ("ship_country", "f1"), ("ship_country", "ÅL"),
    ("ship_postcode", "9" * 33), ("ship_city", "c" * 201), ("language", "l" * 17),
    ("shipping", "4,90"), ("tax", "0.001"), ("discount", "10000000000000.01"),
    ("sku", ""), ("sku", "s" * 129), ("product", "p" * 301), ("size", "s" * 65),
    ("quantity", "0"), ("quantity", "100001"), ("quantity", "1.0"), ("quantity", "٣"),
    ("unit_price", "-1"), ("unit_price", "10000000000000.01"), ("unit_cost", "x"),
    ("unit_price", "١٩.٩٠"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("column", "value"), _CHANGES, ids=[f"{c}={v!r}"[:40] for c, v in _CHANGES]
)
def test_the_fast_reader_never_accepts_what_validation_refuses(column: str, value: str) -> None:
    rows = _fixture_orders()[0]
    with open_csv(FIXTURES / "orders.csv", ORDER_COLUMNS) as file:
        at = file.index[column]
    changed = [
        (number, [value if i == at else cell for i, cell in enumerate(raw)]) for number, raw in rows
    ]
    if column in ("sku", "product", "size", "quantity", "unit_price", "unit_cost"):
        changed[1] = rows[1]  # the change is on the first line only

    fast, slow = _both_ways(changed)

    assert fast is None or fast == slow
