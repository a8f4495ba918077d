"""The same inputs write the same bytes, whatever the machine or the number of workers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from goodbuyer.demo import DEFAULT_START, generate
from goodbuyer.errors import InvalidInput
from tests.demo.conftest import CUSTOMERS, ORDERS, SEED, Shop

pytestmark = pytest.mark.xdist_group("demo")
FILES = [
    "chargebacks.csv", "ground_truth.csv", "orders.csv", "refunds.csv", "returns.csv",
    "shipments.csv", "surveys.csv", "tickets.csv",
]  # fmt: skip


def _bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_same_seed_writes_identical_files(tmp_path: Path) -> None:
    generate(300, 1_200, 5, tmp_path / "a", workers=1)
    generate(300, 1_200, 5, tmp_path / "b", workers=1)

    first, second = _bytes(tmp_path / "a"), _bytes(tmp_path / "b")

    assert sorted(first) == FILES
    assert first == second


def test_another_seed_writes_other_files(tmp_path: Path) -> None:
    generate(300, 1_200, 5, tmp_path / "a", workers=1)
    generate(300, 1_200, 6, tmp_path / "b", workers=1)

    first, second = _bytes(tmp_path / "a"), _bytes(tmp_path / "b")

    assert all(first[name] != second[name] for name in FILES)


def test_worker_processes_do_not_change_the_files(shop: Shop, tmp_path: Path) -> None:
    generate(CUSTOMERS, ORDERS, SEED, tmp_path, workers=2)

    assert _bytes(tmp_path) == _bytes(shop.out)


def test_exactly_the_asked_numbers_of_customers_and_orders(shop: Shop) -> None:
    assert len(shop.truth) == CUSTOMERS
    assert len(shop.orders) == ORDERS
    assert sorted(shop.owner) == sorted(shop.orders)


def test_two_years_ending_on_a_fixed_date_not_the_clock(shop: Shop) -> None:
    placed = [datetime.fromisoformat(rows[0]["placed_at"]) for rows in shop.orders.values()]
    start = datetime.fromisoformat(f"{DEFAULT_START}T00:00:00+00:00")
    end = datetime.fromisoformat("2026-03-01T00:00:00+00:00")

    assert date(2024, 3, 1) == DEFAULT_START
    assert start <= min(placed)
    assert max(placed) < end
    assert (max(placed) - min(placed)).days >= 700


def test_a_later_start_moves_the_whole_history(tmp_path: Path) -> None:
    generate(100, 300, 5, tmp_path, start=date(2020, 1, 1), workers=1)

    lines = (tmp_path / "orders.csv").read_text(encoding="utf-8").splitlines()[1:]
    years = {line.split(",")[2][:4] for line in lines}

    assert {"2020", "2021"} <= years <= {"2019", "2020", "2021"}


def test_fewer_orders_than_customers_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="cannot generate that history"):
        generate(10, 9, 1, tmp_path)
