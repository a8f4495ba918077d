"""The confirmation ladder under load (issue 5's figures).

    .venv/bin/python -u bench/confirm.py --part inflight                 # SQLite, 100,000 orders
    .venv/bin/python -u bench/confirm.py --part inflight --workers 2 \
        --database postgresql://postgres@127.0.0.1:5432/bench_confirm_pg
    .venv/bin/python -u bench/confirm.py --part live --rate 50 --seconds 120 \
        --database postgresql://postgres@127.0.0.1:5432/bench_confirm_live

inflight: `--orders` orders held for confirmation at once, written straight into the tables
(bench/confirm_data.py) in the state after their first step (SMS sent, waiting at rung 0),
and each one's next step (WhatsApp) enqueued through the DBOS client with its due time
spread uniformly over `--spread-seconds`. The clock is scaled so that this is the ladder's
real 4-hour wait: orders held evenly over the last 4 hours come due evenly over the spread
(time scale = 4 h / spread). Then `--workers` worker processes start, and for every
WhatsApp message the bench measures lateness = sent_at - due_at, the workers' peak RSS,
duplicates at the provider (the fake Twilio's own records, where the project has it) and
the throughput; with several workers, the steps each DBOS executor ran.

live: `goodbuyer serve` and the worker(s) on a fresh database; orders that are held for
confirmation (first cash-on-delivery orders of new customers) are posted at `--rate`
orders/s for `--seconds` from `--clients` threads; for each, the first SMS's sent_at minus
the moment the bench posted the order.

PostgreSQL databases (and their `_workflows` sibling) are dropped and made afresh at the
start and dropped at the end (`--keep` keeps them).
"""

from __future__ import annotations

import argparse
import os
import random
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from confirm_data import clone_held, drop_databases, fresh_databases, post_template, prepare
from confirm_flows import Provider, Worker, enqueue_steps, init_workflows, steps_per_executor
from confirm_report import load, memory_line, quantiles, worker_env
from goodbuyer.confirmations.models import OutboxMessage
from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
LADDER_WAIT = 4 * 3600  # the default policy's wait between the SMS and the WhatsApp step


def inflight(args: argparse.Namespace, url: str, out: Path) -> None:
    n, spread = args.orders, args.spread_seconds
    scale = LADDER_WAIT / spread if spread > 0 else 1.0
    print(f"== in flight: {n:,} orders, next steps due over {spread:g} s "
          f"(time scale {scale:g}), {args.workers} worker(s), {url.split(':', 1)[0]}")  # fmt: skip
    fresh_databases(url)
    services, shop = prepare(url)
    workflows = Settings(database_url=url).workflow_database_url()
    provider = Provider.start(out / "provider.log", force_recorder=args.recorder)
    print(f"provider: {provider.name}")
    env = worker_env(url, workflows, scale, provider)
    workers: list[Worker] = []
    try:
        init_workflows(env, workflows, out / "worker-init.log")
        template = post_template(services, shop)
        lead = args.lead_seconds or 30 + n / 800  # to write and enqueue them all first
        t0 = time.time() + lead
        rng = random.Random(5)
        offsets = [rng.uniform(0, spread) for _ in range(n)]
        due = [t0 + o for o in offsets]
        begun = time.perf_counter()
        now = services.clock.now()
        ids = clone_held(services, template, n, lambda i: datetime.fromtimestamp(due[i], UTC), now)
        print(f"{n:,} held orders written in {time.perf_counter() - begun:.1f} s")
        begun = time.perf_counter()
        enqueue_steps(workflows, ((str(ids[i]), 1, due[i]) for i in range(n)))
        print(f"{n:,} next steps enqueued in {time.perf_counter() - begun:.1f} s; first due "
              f"in {min(due) - time.time():.1f} s")  # fmt: skip
        workers = [Worker(f"bench-{i + 1}", env, out / f"worker-{i + 1}.log")
                   for i in range(args.workers)]  # fmt: skip
        window = args.window_seconds or spread
        cut = datetime.fromtimestamp(t0 + window, UTC)
        expected = sum(d <= t0 + window for d in due)
        print(f"measured: the {expected:,} steps due in the first {window:g} s")
        sent = _watch(services, shop.id, expected, cut, workers, t0 + window + args.grace_seconds)
        peaks = [w.memory_kib().get("VmHWM", 0) / 1024 for w in workers]
        cpu = sum(w.cpu_seconds() for w in workers)
    finally:
        for w in workers:
            w.stop()
        provider_counts = provider.duplicates()
        provider.stop()
    _report_inflight(services, shop.id, expected, cut, peaks, provider, provider_counts, workflows)
    print(f"  workers' CPU: {cpu:.0f} s in all, {1000 * cpu / max(sent, 1):.1f} ms a message")
    services.engine.dispose()
    if not args.keep:
        drop_databases(url)


def _sent(shop_id: object, cut: datetime) -> Any:
    """The WhatsApp messages sent that were due by `cut`."""
    return (OutboxMessage.shop_id == shop_id, OutboxMessage.channel == OutboundChannel.WHATSAPP,
            OutboxMessage.sent_at.is_not(None), OutboxMessage.due_at <= cut)  # fmt: skip


def _watch(
    services: Any, shop_id: object, n: int, cut: datetime, workers: list[Worker], until: float
) -> int:
    """Print progress every 10 s until the `n` messages due by `cut` are sent (or `until`)."""
    sent = 0
    while time.time() < until:
        time.sleep(10)
        with services.readers() as session:
            sent = int(session.scalar(select(func.count()).where(*_sent(shop_id, cut))) or 0)
        print(f"  {datetime.now(UTC):%H:%M:%S} sent {sent:,}/{n:,}; {load()}; "
              f"{memory_line(workers)}", flush=True)  # fmt: skip
        if sent >= n:
            break
        if any(w.process.poll() is not None for w in workers):
            raise RuntimeError("a worker exited; see its log")
    return sent


def _report_inflight(
    services: Any, shop_id: object, n: int, cut: datetime, peaks: list[float],
    provider: Provider, counts: tuple[int, int] | None, workflows: str,
) -> None:  # fmt: skip
    with services.sessions() as session:
        query = select(OutboxMessage.due_at, OutboxMessage.sent_at).where(*_sent(shop_id, cut))
        rows = session.execute(query).all()
        keys = session.scalar(select(func.count()).where(OutboxMessage.shop_id == shop_id)) or 0
    late = [(s - d).total_seconds() for d, s in rows]
    first, last = min(s for _, s in rows), max(s for _, s in rows)
    print(f"result: {len(rows):,} of the {n:,} WhatsApp messages due by {cut:%H:%M:%S} sent")
    print(f"  lateness (sent_at - due_at): {quantiles(late)}; "
          f"{sum(x > 5 for x in late):,} later than 5 s")  # fmt: skip
    print(f"  throughput {len(rows) / max((last - first).total_seconds(), 1e-9):.1f} messages/s "
          f"from the first to the last send ({(last - first).total_seconds():.0f} s)")  # fmt: skip
    print(f"  worker peak RSS (VmHWM): {', '.join(f'{p:.0f} MiB' for p in peaks)}")
    print(f"  outbox rows: {keys:,} (one per idempotency key, unique by design)")
    if counts is None:
        print(f"  duplicates at the provider: not observable ({provider.name})")
    else:
        print(f"  provider accepted {counts[0]:,} messages; duplicates (one body to one number "
              f"twice): {counts[1]}")  # fmt: skip
    print(f"  steps run per executor: {steps_per_executor(workflows)}")
    print(f"  {load()}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="", help="sqlite:///FILE or postgresql://.../NAME"
                        " (default: a SQLite file under --out)")  # fmt: skip
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--spread-seconds", type=float, default=600)
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--part", choices=["inflight", "live", "all"], default="all")
    parser.add_argument("--out", default=str(ROOT / "var" / "bench-confirm"))
    parser.add_argument(
        "--lead-seconds",
        type=float,
        default=0,
        help="first step due this long after the start (default: 30 + n/800)",
    )
    parser.add_argument(
        "--window-seconds",
        type=float,
        default=0,
        help="measure the steps due in the first this many seconds (default: the whole spread)",
    )
    parser.add_argument(
        "--grace-seconds",
        type=float,
        default=300,
        help="wait this long past the last due time before giving up",
    )
    parser.add_argument(
        "--recorder",
        action="store_true",
        help="record to the outbox only, even where a fake Twilio exists",
    )
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL databases")
    parser.add_argument("--rate", type=float, default=50, help="live: orders/s")
    parser.add_argument("--seconds", type=float, default=120, help="live: how long")
    parser.add_argument("--clients", type=int, default=8, help="live: client threads")
    parser.add_argument("--api-workers", type=int, default=2, help="live: API processes")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    url = args.database or f"sqlite:///{out / 'confirm.db'}"
    print(f"machine: {os.cpu_count()} cores; {load()}")
    if args.part in ("inflight", "all"):
        inflight(args, url, out)
    if args.part in ("live", "all"):
        from confirm_live import live

        live(args, url, out)


if __name__ == "__main__":
    main()
