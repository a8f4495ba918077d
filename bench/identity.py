"""Identity figures: backfill linking, one order at a time, and the history check.

    .venv/bin/python bench/identity.py --customers 2000 --orders 10000
    .venv/bin/python bench/identity.py --orders 1000000 --customers 200000 \\
        --url postgresql://127.0.0.1:5432/goodbuyer_bench_identity

Generates the demo shop's CSV files and imports them (orders, shipments, returns, refunds,
chargebacks, tickets, surveys) without linking; then, each timed on its own:
1. backfill: `link_unchecked` links and checks every order, oldest first (in memory,
   written in bulk; what `goodbuyer customers link` and `goodbuyer demo` run);
2. one at a time: the newest N orders lose their records, links and checks and are
   resolved again one transaction each, as REST and webhooks do;
3. the history check of 1,000 random orders, in process, reading only.
Peak RSS of the process is printed at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, delete, select, text

from goodbuyer.app import build_services
from goodbuyer.clock import SystemClock
from goodbuyer.demo.generator import generate
from goodbuyer.demo.loading import LOAD_ORDER
from goodbuyer.identity.backfill import link_unchecked
from goodbuyer.identity.db_index import DbIndex
from goodbuyer.identity.history import history_of
from goodbuyer.identity.index import OrderRef
from goodbuyer.identity.linking import link_record
from goodbuyer.identity.models import IdentityRecord, OrderCheck
from goodbuyer.identity.records import prepare
from goodbuyer.identity.service import ORDER_ROW, check_order, record_of_order
from goodbuyer.migrate import upgrade
from goodbuyer.settings import Settings
from goodbuyer.shops.schemas import ShopIn
from goodbuyer.shops.service import create_shop
from goodbuyer.store.models import Order
from goodbuyer.store.service import import_file
from goodbuyer.web.deps import Services


def _url(url: str, work: Path) -> str:
    if not url:
        return f"sqlite:///{work / 'bench.db'}"
    base, name = url.rsplit("/", 1)
    engine = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url


def _load(services: Services, out: Path, args: argparse.Namespace) -> uuid.UUID:
    started = time.perf_counter()
    generate(customers=args.customers, orders=args.orders, seed=11, out_dir=out)
    print(f"generated in {time.perf_counter() - started:.1f} s")
    with services.write() as session:
        shop = ShopIn(slug="bench", name="Bench", currency="EUR", country="FI")
        shop_id = create_shop(session, shop, services.clock.now()).id
    started = time.perf_counter()
    for kind in args.kinds.split(","):
        begun = time.perf_counter()
        import_file(services, shop_id, kind, out / f"{kind}.csv")
        print(f"  {kind} imported in {time.perf_counter() - begun:.1f} s")
    print(f"imported in {time.perf_counter() - started:.1f} s")
    return shop_id


def _one_at_a_time(services: Services, shop_id: uuid.UUID, count: int) -> None:
    with services.write() as session:
        query = select(Order.id).where(Order.shop_id == shop_id)
        newest = list(session.scalars(query.order_by(Order.placed_at.desc()).limit(count)))
        session.execute(delete(OrderCheck).where(OrderCheck.order_id.in_(newest)))
        session.execute(delete(IdentityRecord).where(IdentityRecord.order_id.in_(newest)))
    linking = checking = 0.0
    started, cpu = time.perf_counter(), time.process_time()
    for order_id in reversed(newest):
        with services.write() as session:  # what resolve_order does, each step timed
            now = services.clock.now()
            row = session.connection().execute(ORDER_ROW, {"order": order_id}).one()
            ref = OrderRef(row.id, row.shop_id, row.customer_id, row.number, row.placed_at)
            record = record_of_order(row)
            begun = time.perf_counter()
            link_record(DbIndex(session, row.shop_id, now, "bench"), ref, prepare(record))
            linked = time.perf_counter()
            check_order(session, ref, record, now)
            linking, checking = linking + linked - begun, checking + time.perf_counter() - linked
    seconds, n = time.perf_counter() - started, len(newest)
    own = time.process_time() - cpu
    print(f"one at a time: {n:,} orders in {seconds:.1f} s: {n / seconds:,.0f} orders/s "
          f"({seconds / n * 1000:.2f} ms each, with its transaction); linking alone "
          f"{n / linking:,.0f} orders/s ({linking / n * 1000:.2f} ms), history check and "
          f"ghost signals {checking / n * 1000:.2f} ms; CPU {own / n * 1000:.2f} ms an order "
          f"in this process; load average {_load_average()}")  # fmt: skip


def _history(services: Services, count: int) -> None:
    with services.sessions() as session:
        rows = session.execute(select(Order.id, Order.customer_id, Order.placed_at)).all()
        timings = []
        for r in random.Random(5).sample(rows, min(count, len(rows))):
            begun = time.perf_counter()
            history_of(session, r.id, r.customer_id, r.placed_at)
            timings.append((time.perf_counter() - begun) * 1000)
    q = statistics.quantiles(timings, n=100)
    print(f"history check, {len(timings):,} orders of {len(rows):,}: p50 {q[49]:.2f} ms, "
          f"p95 {q[94]:.2f} ms, p99 {q[98]:.2f} ms, max {max(timings):.2f} ms")  # fmt: skip


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its finished children (the backfill's helper;
    a PostgreSQL server's are not counted)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), children.ru_utime + children.ru_stime


def _load_average() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--orders", type=int, default=10000)
    parser.add_argument("--url", default="", help="a PostgreSQL URL (the database is recreated)")
    parser.add_argument("--one-at-a-time", type=int, default=2000)
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument(
        "--kinds",
        default=",".join(LOAD_ORDER),
        help="which generated files to import (shipments and the rest go in one by one: "
        "for 1,000,000 orders import only `orders`; their statuses carry the outcomes)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="goodbuyer-bench-"))
    url = _url(args.url, work)
    upgrade(url)
    services = build_services(Settings(database_url=url), SystemClock())
    shop_id = _load(services, work / "demo", args)
    started, cpu = time.perf_counter(), _cpu()
    linked = link_unchecked(services.sessions, shop_id, services.clock, "bench")
    seconds, (own, helper) = (
        time.perf_counter() - started,
        (b - a for a, b in zip(cpu, _cpu(), strict=True)),
    )
    print(f"backfill: {linked:,} orders linked and checked in {seconds:.1f} s: "
          f"{linked / seconds:,.0f} orders/s; CPU {own:.1f} s in this process "
          f"({own / linked * 1e6:.0f} us an order), {helper:.1f} s in the helper; "
          f"load average {_load_average()}")  # fmt: skip
    _one_at_a_time(services, shop_id, args.one_at_a_time)
    _history(services, args.checks)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:,.0f} MiB")
    services.engine.dispose()


if __name__ == "__main__":
    main()
