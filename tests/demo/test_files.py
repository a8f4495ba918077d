"""Every file is what docs/guides/csv-import.md documents: its columns, money, timestamps,
vocabularies, records on consecutive rows, and references that resolve."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from goodbuyer.deliveries.statuses import ShipmentStatus, SurveyKind
from goodbuyer.demo.writer import cell, row
from goodbuyer.payments.statuses import ChargebackReason, ChargebackStatus
from goodbuyer.returns.statuses import ReturnReason, ReturnStatus
from goodbuyer.store.statuses import OrderStatus, PaymentMethod, PaymentStatus
from goodbuyer.support.statuses import AuthorKind, Channel, Direction
from tests.demo.conftest import Shop

pytestmark = pytest.mark.xdist_group("demo")
GUIDE = Path(__file__).parents[2] / "docs" / "guides" / "csv-import.md"
MONEY = {
    "orders": ("shipping", "tax", "discount", "unit_price", "unit_cost"),
    "returns": ("unit_price",),
    "refunds": ("amount",),
    "chargebacks": ("amount",),
}
TIMES = {
    "orders": ("placed_at", "updated_at"),
    "shipments": ("promised_at", "shipped_at", "delivered_at", "event_at"),
    "returns": ("requested_at", "updated_at"),
    "tickets": ("sent_at",),
    "refunds": ("refunded_at",),
    "chargebacks": ("opened_at", "resolved_at", "updated_at"),
    "surveys": ("answered_at",),
}
VOCABULARIES = {
    ("orders", "status"): OrderStatus,
    ("orders", "payment_method"): PaymentMethod,
    ("orders", "payment_status"): PaymentStatus,
    ("shipments", "event_status"): ShipmentStatus,
    ("returns", "status"): ReturnStatus,
    ("returns", "reason"): ReturnReason,
    ("tickets", "channel"): Channel,
    ("tickets", "direction"): Direction,
    ("tickets", "author_kind"): AuthorKind,
    ("chargebacks", "reason"): ChargebackReason,
    ("chargebacks", "status"): ChargebackStatus,
    ("surveys", "kind"): SurveyKind,
}
RECORD_KEYS = {
    "orders": "order_id",
    "shipments": "shipment_id",
    "returns": "return_id",
    "tickets": "ticket_id",
}


def documented_columns() -> dict[str, list[str]]:
    """File name -> its columns, read from the guide's tables."""
    found: dict[str, list[str]] = {}
    section = ""
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## (\w+)\.csv", line)
        if heading:
            section = heading.group(1)
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or cells[0] in ("column", "file"):
            continue
        if cells[0].endswith(".csv"):  # the table of the one-row-per-record files
            names = re.sub(r"\s*\([^)]*\)", "", cells[1]).replace("*", "")
            found[cells[0].removesuffix(".csv")] = names.split(", ")
        else:
            found.setdefault(section, []).extend(cells[0].split(", "))
    return found


def test_headers_are_exactly_the_documented_columns(shop: Shop) -> None:
    documented = documented_columns()

    assert sorted(documented) == sorted(set(shop.rows) - {"ground_truth"})
    for name, columns in documented.items():
        header = (shop.out / f"{name}.csv").read_text(encoding="utf-8").split("\n", 1)[0]
        assert sorted(header.split(",")) == sorted(columns), name


def test_every_file_has_records(shop: Shop) -> None:
    assert {name: len(rows) > 0 for name, rows in shop.rows.items()} == dict.fromkeys(
        shop.rows, True
    )


@pytest.mark.parametrize("name", sorted(MONEY))
def test_money_is_a_decimal_in_major_units_with_a_dot(shop: Shop, name: str) -> None:
    values = [r[c] for r in shop.rows[name] for c in MONEY[name] if r[c]]

    assert values
    assert all(re.fullmatch(r"\d+(\.\d\d)?", v) for v in values)
    assert all(Decimal(v) >= 0 for v in values)


@pytest.mark.parametrize("name", sorted(TIMES))
def test_timestamps_are_iso_8601_with_an_offset(shop: Shop, name: str) -> None:
    values = [r[c] for r in shop.rows[name] for c in TIMES[name] if r[c]]

    assert values
    assert all(datetime.fromisoformat(v).utcoffset() is not None for v in values)
    assert all(re.search(r"(Z|[+-]\d\d:\d\d)$", v) for v in values)


@pytest.mark.parametrize(("name", "column"), sorted(VOCABULARIES))
def test_statuses_and_kinds_are_the_documented_words(shop: Shop, name: str, column: str) -> None:
    words = {r[column] for r in shop.rows[name] if r[column]}

    assert words
    assert words <= {member.value for member in VOCABULARIES[(name, column)]}


def test_scores_are_in_their_scales(shop: Shop) -> None:
    nps = {int(r["score"]) for r in shop.rows["surveys"] if r["kind"] == "nps"}
    csat = {int(r["score"]) for r in shop.rows["surveys"] if r["kind"] == "csat"}

    assert nps <= set(range(11))
    assert csat <= set(range(1, 6))


@pytest.mark.parametrize("name", sorted(RECORD_KEYS))
def test_rows_of_one_record_are_consecutive(shop: Shop, name: str) -> None:
    key, seen, previous = RECORD_KEYS[name], set(), None
    for r in shop.rows[name]:
        if r[key] != previous:
            assert r[key] not in seen, f"{name} {r[key]} comes back after other records"
            seen.add(r[key])
            previous = r[key]


def test_order_columns_repeat_on_every_line_of_an_order(shop: Shop) -> None:
    line_columns = {"sku", "product", "size", "colour", "quantity", "unit_price", "unit_cost"}
    for lines in shop.orders.values():
        heads = {tuple(v for k, v in r.items() if k not in line_columns) for r in lines}
        assert len(heads) == 1


def test_references_resolve(shop: Shop) -> None:
    returns = {r["return_id"] for r in shop.rows["returns"]}
    tickets = {r["ticket_id"] for r in shop.rows["tickets"]}
    for name in ("shipments", "returns", "refunds", "chargebacks", "tickets", "surveys"):
        ordered = {r["order_id"] for r in shop.rows[name] if r["order_id"]}
        assert ordered <= set(shop.orders), name
    assert {r["return_id"] for r in shop.rows["refunds"] if r["return_id"]} <= returns
    assert {r["ticket_id"] for r in shop.rows["surveys"] if r["ticket_id"]} <= tickets


def test_order_ids_follow_the_order_of_time(shop: Shop) -> None:
    placed = [datetime.fromisoformat(lines[0]["placed_at"]) for lines in shop.orders.values()]

    assert list(shop.orders)[:3] == ["1001", "1002", "1003"]
    assert placed == sorted(placed)


def test_messages_keep_their_line_breaks(shop: Shop) -> None:
    emails = [r["body"] for r in shop.rows["tickets"] if r["channel"] == "email"]

    assert emails
    assert all("\n\n" in body for body in emails if body.count("\n") >= 2)
    assert sum("\n" in body for body in emails) > len(emails) // 2


@pytest.mark.parametrize(
    ("fields", "written"),
    [
        (["a", "b"], "a,b"),
        (["a,b", "c"], '"a,b",c'),
        (['say "hi"'], '"say ""hi"""'),
        (["", "x"], ",x"),
    ],
    ids=["plain", "comma", "quote", "empty"],
)
def test_cells_are_quoted_only_when_they_must_be(fields: list[str], written: str) -> None:
    assert row(fields) == written


def test_a_newline_in_a_cell_is_quoted() -> None:
    assert cell("Hi,\n\nthanks").startswith('"')
