"""One generated demo shop (2,000 customers, 8,000 orders) shared by the demo tests."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from goodbuyer.demo import generate

CUSTOMERS, ORDERS, SEED = 2_000, 8_000, 7
Row = dict[str, str]


@dataclass
class Shop:
    """The generated files, read back: rows per file, orders grouped, the ground truth."""

    out: Path
    rows: dict[str, list[Row]]
    orders: dict[str, list[Row]] = field(default_factory=dict)  # order id -> its line rows
    owner: dict[str, Row] = field(default_factory=dict)  # order id -> truth row
    truth: dict[str, Row] = field(default_factory=dict)  # customer key -> truth row

    def of(self, archetype: str) -> list[Row]:
        return [t for t in self.truth.values() if t["archetype"] == archetype]

    def orders_of(self, customer: Row) -> list[list[Row]]:
        return [self.orders[o] for o in customer["order_ids"].split()]

    def grouped(self, name: str, key: str) -> dict[str, list[Row]]:
        found: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows[name]:
            found[row[key]].append(row)
        return found


def read(path: Path) -> list[Row]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load(out: Path) -> Shop:
    shop = Shop(out, {p.stem: read(p) for p in sorted(out.glob("*.csv"))})
    for row in shop.rows["orders"]:
        shop.orders.setdefault(row["order_id"], []).append(row)
    for truth in shop.rows["ground_truth"]:
        shop.truth[truth["customer_key"]] = truth
        for order_id in truth["order_ids"].split():
            shop.owner[order_id] = truth
    return shop


@pytest.fixture(scope="session")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Shop:
    out = tmp_path_factory.mktemp("demo-shop")
    generate(CUSTOMERS, ORDERS, SEED, out, workers=1)
    return load(out)
