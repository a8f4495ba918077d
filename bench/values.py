"""Lifetime value stored per person: `fit_shop_values` on a shop with many orders.

    .venv/bin/python bench/values.py                      # 1,000,000 orders, SQLite then PostgreSQL
    .venv/bin/python bench/values.py --orders 100000 --backends sqlite

Synthetic history written straight into a fresh database (made and dropped here): persons
drawn from a BG/NBD process over two years, one in ten with a second customer record
(`person_members`), two lines per order with unit costs (some unknown), outcomes of a
cash-on-delivery shop (refused, returned to origin, cancelled, still on its way), refunds,
returns back on the shelf and lost chargebacks. Then two fits (the first, and a refit that
replaces the rows) in a child process whose peak RSS is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from numpy.typing import NDArray

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 1, tzinfo=UTC)
CHUNK = 100_000
# Outcome of an order: (status, payment method, payment status), with its share.
OUTCOMES = (
    (("delivered", "cod", "paid"), 0.45),
    (("delivered", "card", "paid"), 0.38),
    (("refused", "cod", "unpaid"), 0.05),
    (("returned_to_origin", "cod", "unpaid"), 0.02),
    (("cancelled", "card", "voided"), 0.04),
    (("shipped", "cod", "pending"), 0.06),
)
Ints = NDArray[np.int64]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument(
        "--postgres", default=os.environ.get("GOODBUYER_BENCH_POSTGRES_URL", PG_DEFAULT)
    )
    parser.add_argument("--fit", nargs=2, metavar=("URL", "SHOP"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fit:
        print(json.dumps(fit_twice(*args.fit)))
        return
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="goodbuyer-bench-") as tmp:
        for backend in args.backends.split(","):
            if backend == "sqlite":
                result = _measure(f"sqlite:///{Path(tmp) / 'values.db'}", args.orders, args.seed)
            else:
                result = _on_postgres(args.postgres, args.orders, args.seed)
            print(json.dumps({"backend": backend, **result}))
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def _measure(url: str, orders: int, seed: int) -> dict[str, Any]:
    began = time.perf_counter()
    shop_id, written = fill(url, orders, seed)
    filled = round(time.perf_counter() - began, 1)
    command = [sys.executable, __file__, "--fit", url, str(shop_id)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    fitted: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return {"written": written, "fill_seconds": filled, **fitted}


def _on_postgres(base: str, orders: int, seed: int) -> dict[str, Any]:
    import psycopg

    name = f"goodbuyer_bench_values_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        return _measure(base.rsplit("/", 1)[0] + "/" + name, orders, seed)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# The fit, in the child


def fit_twice(url: str, shop: str) -> dict[str, Any]:
    """Fit, then refit (rows replaced); seconds per step and the peak RSS of this process."""
    import uuid

    from goodbuyer.customers import values
    from goodbuyer.db import make_engine, make_sessionmaker, transaction

    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    steps: dict[str, float] = {}
    for name in ("read_orders", "summarise", "predict_clv", "insert_rows"):
        _time_calls(values, name, steps)
    runs = []
    for _ in range(2):
        steps.clear()
        began, cpu = time.perf_counter(), time.process_time()
        with transaction(sessions) as session:
            report = values.fit_shop_values(session, uuid.UUID(shop), NOW)
        total = time.perf_counter() - began
        runs.append({"seconds": total, "cpu_seconds": time.process_time() - cpu, **steps})
    engine.dispose()
    return {
        "orders": report.orders, "purchases": report.purchases, "persons": report.persons,
        "customers": report.customers, "repeat": report.repeat,
        "method": report.method.value, "reason": report.reason,
        "parameters": report.parameters, "runs": runs,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }  # fmt: skip


def _time_calls(module: ModuleType, name: str, into: dict[str, float]) -> None:
    original: Callable[..., Any] = getattr(module, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            into[name] = into.get(name, 0.0) + time.perf_counter() - began

    setattr(module, name, timed)


# The synthetic shop


def fill(url: str, orders: int, seed: int) -> tuple[str, dict[str, int]]:
    """Migrate, make the shop, write about `orders` orders; (shop id, rows per table)."""
    from goodbuyer.db import make_engine, make_sessionmaker, transaction
    from goodbuyer.migrate import upgrade
    from goodbuyer.shops.schemas import ShopIn
    from goodbuyer.shops.service import create_shop

    upgrade(url)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as session:
        data = ShopIn(slug="bench", name="Bench", currency="EUR", country="FI")
        shop_id = create_shop(session, data, NOW).id
    tables = _History(shop_id.hex, orders, seed, url.startswith("postgresql")).tables()
    written = {}
    for table, columns, rows in tables:
        written[table] = 0
        for part in rows:
            with transaction(sessions) as session:
                _insert(session, table, columns, part)
            written[table] += len(part)
    engine.dispose()
    return shop_id.hex, written


def _insert(session: Any, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    from goodbuyer.models import metadata
    from goodbuyer.store.bulk import insert_rows

    insert_rows(session, metadata.tables[table], columns, rows)


class _History:
    """Every row of the shop as text and numbers both backends take (ids as 32 hex digits)."""

    def __init__(self, shop: str, orders: int, seed: int, postgres: bool) -> None:
        self.shop, self.rng, self.postgres = shop, np.random.default_rng(seed), postgres
        persons = max(int(orders / _orders_per_person(seed)), 1)
        person, days_ago = _purchases(persons, self.rng)
        oldest_first = np.argsort(-days_ago, kind="stable")  # ids and rows in time order,
        self.person, days_ago = person[oldest_first], days_ago[oldest_first]  # as a shop's
        self.records = persons + persons // 10  # the last tenth: second records of persons
        second = self.rng.integers(0, persons, self.records - persons)
        self.person_of_record = np.concatenate([np.arange(persons), second])
        chosen = np.full(persons, -1)
        chosen[second] = np.arange(persons, self.records)
        use_second = (chosen[self.person] >= 0) & (self.rng.random(self.person.size) < 0.5)
        self.record = np.where(use_second, chosen[self.person], self.person)
        self.when = self._instants(days_ago)
        shares = np.array([share for _, share in OUTCOMES])
        self.outcome = self.rng.choice(len(OUTCOMES), self.person.size, p=shares / shares.sum())
        self.quantity = self.rng.integers(1, 3, self.person.size)
        spender = self.rng.gamma(6.0, 1.0 / 6.0, persons)[self.person, None]  # mean 1
        price = self.rng.gamma(4.0, 900.0, (self.person.size, 2)) * spender
        self.price = (price // 10 * 10 + 10).astype(np.int64)
        self.total = np.asarray(self.price[:, 0] * self.quantity + self.price[:, 1] + 490, np.int64)

    def tables(self) -> Iterator[tuple[str, Sequence[str], Iterator[list[tuple[Any, ...]]]]]:
        delivered = np.flatnonzero(self.outcome < 2)
        refunded = delivered[self.rng.random(delivered.size) < 0.06]
        returned = delivered[self.rng.random(delivered.size) < 0.04]
        lost = delivered[(self.outcome[delivered] == 1) & (self.rng.random(delivered.size) < 0.01)]
        yield "customers", ("id", "shop_id", "key", "created_at", "updated_at"), self._customers()
        yield (
            "person_members",
            ("customer_id", "shop_id", "person_id", "joined_at"),
            self._members(),
        )
        yield "orders", _ORDER_COLUMNS, self._orders()
        yield "order_lines", _LINE_COLUMNS, self._lines()
        yield "refunds", _REFUND_COLUMNS, self._refunds(refunded)
        yield "returns", _RETURN_COLUMNS, self._returns(returned)
        yield "return_lines", _RETURN_LINE_COLUMNS, self._return_lines(returned)
        yield "chargebacks", _CHARGEBACK_COLUMNS, self._chargebacks(lost)

    def _instants(self, days_ago: NDArray[np.float64]) -> list[str]:
        now = np.datetime64(NOW.replace(tzinfo=None), "us")
        placed = now - (days_ago * 86_400e6).astype("timedelta64[us]")
        suffix = "+00" if self.postgres else ""
        return [s.replace("T", " ") + suffix for s in np.datetime_as_string(placed).tolist()]

    def _customers(self) -> Iterator[list[tuple[Any, ...]]]:
        at = self._instants(np.zeros(1))[0]
        rows = ((_id(1, c), self.shop, f"c{c}", at, at) for c in range(self.records))
        return _chunks(rows)

    def _members(self) -> Iterator[list[tuple[Any, ...]]]:
        at = self._instants(np.zeros(1))[0]
        persons, counts = np.unique(self.person_of_record, return_counts=True)
        shared = set(persons[counts > 1].tolist())
        rows = (
            (_id(1, record), self.shop, _id(1, person), at)
            for record, person in enumerate(self.person_of_record.tolist())
            if person in shared
        )
        return _chunks(rows)

    def _orders(self) -> Iterator[list[tuple[Any, ...]]]:
        totals, subtotals = self.total.tolist(), (self.total - 490).tolist()
        columns = (self.record.tolist(), self.outcome.tolist(), subtotals, totals, self.when)
        rows = (
            (
                _id(2, i), self.shop, "api", f"o{i}", f"#{i}", _id(1, customer),
                *OUTCOMES[outcome][0], "EUR", subtotal, 490, 0, 0, total, "[]",
                at, at, at, at, "{}",
            )
            for i, (customer, outcome, subtotal, total, at) in enumerate(
                zip(*columns, strict=True)
            )
        )  # fmt: skip
        return _chunks(rows)

    def _lines(self) -> Iterator[list[tuple[Any, ...]]]:
        known = (self.rng.random(self.person.size) < 0.7).tolist()
        first, second = self.price[:, 0].tolist(), self.price[:, 1].tolist()

        def rows() -> Iterator[tuple[Any, ...]]:
            for i, quantity in enumerate(self.quantity.tolist()):
                order = _id(2, i)
                yield (_id(3, 2 * i), self.shop, order, 0, "TEE", "T-shirt", quantity,
                       first[i], first[i] * 2 // 5)  # fmt: skip
                cost = second[i] // 3 if known[i] else None
                yield (_id(3, 2 * i + 1), self.shop, order, 1, "CAP", "Cap", 1, second[i], cost)

        return _chunks(rows())

    def _refunds(self, orders: Ints) -> Iterator[list[tuple[Any, ...]]]:
        full = self.rng.random(orders.size) < 0.5
        amounts = np.where(full, self.total[orders], np.minimum(1000, self.total[orders])).tolist()
        rows = (
            (_id(4, i), self.shop, _id(2, o), "api", f"r{i}", amount, "EUR", self.when[o],
             self.when[o], "{}")
            for i, (o, amount) in enumerate(zip(orders.tolist(), amounts, strict=True))
        )  # fmt: skip
        return _chunks(rows)

    def _returns(self, orders: Ints) -> Iterator[list[tuple[Any, ...]]]:
        rows = (
            (_id(5, i), self.shop, _id(2, o), _id(1, int(self.record[o])), "api", f"R{i}",
             "received", "size", "[]", self.when[o], self.when[o], self.when[o], self.when[o],
             "{}")
            for i, o in enumerate(orders.tolist())
        )  # fmt: skip
        return _chunks(rows)

    def _return_lines(self, orders: Ints) -> Iterator[list[tuple[Any, ...]]]:
        prices = self.price[:, 0].tolist()
        rows = (
            (_id(6, i), self.shop, _id(5, i), "TEE", 1, prices[o])
            for i, o in enumerate(orders.tolist())
        )
        return _chunks(rows)

    def _chargebacks(self, orders: Ints) -> Iterator[list[tuple[Any, ...]]]:
        totals = self.total.tolist()
        rows = (
            (_id(7, i), self.shop, _id(2, o), "api", f"cb{i}", totals[o], "EUR", "fraudulent",
             "lost", self.when[o], self.when[o], self.when[o], self.when[o], "{}")
            for i, o in enumerate(orders.tolist())
        )  # fmt: skip
        return _chunks(rows)


_ORDER_COLUMNS = (
    "id", "shop_id", "source", "external_id", "number", "customer_id", "status",
    "payment_method", "payment_status", "currency", "subtotal", "shipping", "tax", "discount",
    "total", "tags", "placed_at", "source_updated_at", "created_at", "updated_at", "raw",
)  # fmt: skip
_LINE_COLUMNS = (
    "id", "shop_id", "order_id", "position", "sku", "product", "quantity", "unit_price",
    "unit_cost",
)  # fmt: skip
_REFUND_COLUMNS = (
    "id", "shop_id", "order_id", "source", "external_id", "amount", "currency", "refunded_at",
    "created_at", "raw",
)  # fmt: skip
_RETURN_COLUMNS = (
    "id", "shop_id", "order_id", "customer_id", "source", "external_id", "status", "reason",
    "photos", "requested_at", "source_updated_at", "created_at", "updated_at", "raw",
)  # fmt: skip
_RETURN_LINE_COLUMNS = ("id", "shop_id", "return_id", "sku", "quantity", "unit_price")
_CHARGEBACK_COLUMNS = (
    "id", "shop_id", "order_id", "source", "external_id", "amount", "currency", "reason",
    "status", "opened_at", "source_updated_at", "created_at", "updated_at", "raw",
)  # fmt: skip


def _id(table: int, n: int) -> str:
    """A valid UUID as 32 hex digits, unique per table and row, fast to make."""
    return f"{table:08x}{n:024x}"


def _chunks(rows: Iterator[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    part: list[tuple[Any, ...]] = []
    for row in rows:
        part.append(row)
        if len(part) == CHUNK:
            yield part
            part = []
    if part:
        yield part


def _purchases(persons: int, rng: np.random.Generator) -> tuple[Ints, NDArray[np.float64]]:
    """(person, days before NOW) per order: a BG/NBD process, persons born over two years."""
    age = rng.uniform(0.0, 730.0, persons)
    reachable = rng.poisson(rng.gamma(0.6, 1.0 / 25.0, persons) * age)
    repeat = np.minimum(reachable, rng.geometric(rng.beta(1.0, 3.0, persons)) - 1)
    last = np.where(repeat > 0, age * rng.beta(np.maximum(repeat, 1), reachable - repeat + 1), 0)
    owner = np.repeat(np.arange(persons), repeat)
    rank = np.arange(owner.size) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    at = np.where(rank == repeat[owner] - 1, 1.0, rng.random(owner.size)) * last[owner]
    person = np.concatenate([np.arange(persons), owner])
    return person.astype(np.int64), age[person] - np.concatenate([np.zeros(persons), at])


def _orders_per_person(seed: int) -> float:
    return float(_purchases(100_000, np.random.default_rng(seed))[0].size / 100_000)


if __name__ == "__main__":
    main()
