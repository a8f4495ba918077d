"""Identity figures: incremental linking throughput and the history check's latency.

    .venv/bin/python bench/identity.py --customers 2000 --orders 10000
    .venv/bin/python bench/identity.py --url postgresql://127.0.0.1:5432/goodbuyer_bench

Loads the demo shop (CSV import), clears what linking wrote, then links and checks every
order again oldest first (`link_unchecked`, the code `goodbuyer demo` and backfills use:
one order at a time, as the REST and webhook paths do). Then times the history check of
1,000 random orders in process (read, nothing written) and prints percentiles.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import delete, select, text

from goodbuyer.app import build_services
from goodbuyer.clock import SystemClock
from goodbuyer.demo.loading import load_demo_shop
from goodbuyer.identity.backfill import link_unchecked
from goodbuyer.identity.history import history_of
from goodbuyer.identity.models import (
    IdentityKey,
    IdentityLink,
    IdentityRecord,
    OrderCheck,
    PersonMember,
)
from goodbuyer.identity.service import resolve_order
from goodbuyer.migrate import upgrade
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.store.models import Order
from goodbuyer.web.deps import Services


def _url(args: argparse.Namespace, work: Path) -> str:
    if not args.url:
        return f"sqlite:///{work / 'bench.db'}"
    admin = args.url.rsplit("/", 1)[0] + "/postgres"
    from sqlalchemy import create_engine

    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    name = args.url.rsplit("/", 1)[1]
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return str(args.url)


def _one_at_a_time(services: Services, shop_id: uuid.UUID, count: int) -> None:
    """Resolve the newest `count` orders again, one transaction each, as REST does: their
    records, links and checks are removed first, so each is linked from scratch against
    everything older."""
    with services.write() as session:
        query = select(Order.id).where(Order.shop_id == shop_id)
        newest = list(session.scalars(query.order_by(Order.placed_at.desc()).limit(count)))
        session.execute(delete(OrderCheck).where(OrderCheck.order_id.in_(newest)))
        session.execute(delete(IdentityRecord).where(IdentityRecord.order_id.in_(newest)))
    started = time.perf_counter()
    for order_id in reversed(newest):
        with services.write() as session:
            resolve_order(session, order_id, services.clock.now(), "bench")
    seconds = time.perf_counter() - started
    print(f"one at a time: {len(newest):,} orders in {seconds:.1f} s: "
          f"{len(newest) / seconds:,.0f} orders/s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--orders", type=int, default=10000)
    parser.add_argument("--url", default="")
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument(
        "--incremental",
        type=int,
        default=2000,
        help="then clear the last N orders' links and checks and resolve them one at a time",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="goodbuyer-bench-"))
    url = _url(args, work)
    upgrade(url)
    services = build_services(Settings(database_url=url), SystemClock())
    load_demo_shop(services, work / "demo", customers=args.customers, orders=args.orders, seed=11)
    with services.write() as session:
        for model in (OrderCheck, IdentityLink, IdentityKey, IdentityRecord, PersonMember):
            session.execute(delete(model))
        shop_id = get_shop_by_slug(session, "demo").id
    started = time.perf_counter()
    linked = link_unchecked(services.sessions, shop_id, services.clock, "bench")
    seconds = time.perf_counter() - started
    print(
        f"linked and checked {linked:,} orders in {seconds:.1f} s: {linked / seconds:,.0f} orders/s"
    )
    _one_at_a_time(services, shop_id, args.incremental)
    with services.sessions() as session:
        ids = list(session.scalars(select(Order.id)))
        sample = random.Random(5).sample(ids, min(args.checks, len(ids)))
        timings = []
        for order_id in sample:
            order = session.get(Order, order_id)
            assert order is not None
            begun = time.perf_counter()
            history_of(session, order.id, order.customer_id, order.placed_at)
            timings.append((time.perf_counter() - begun) * 1000)
            session.expunge_all()
    q = statistics.quantiles(timings, n=100)
    print(f"history check, {len(timings)} orders of {len(ids):,}: p50 {q[49]:.2f} ms, "
          f"p95 {q[94]:.2f} ms, p99 {q[98]:.2f} ms, max {max(timings):.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
