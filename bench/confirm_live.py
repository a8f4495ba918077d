"""The confirmation bench's live part: orders posted to `goodbuyer serve` at a fixed rate
while the worker(s) run; the time from posting an order to its first SMS being sent."""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from confirm_data import drop_databases, fresh_databases, held_payload, prepare
from confirm_flows import BIN, Provider, Worker, queue_ready, system_engine
from confirm_report import load, memory_line, quantiles, worker_env
from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.settings import Settings
from goodbuyer.store.models import Order
from server import free_port, wait_up

WARM_UP = 20  # orders posted first, not measured


@dataclass
class Posted:
    scheduled: float  # epoch seconds the order was due to be posted
    started: float  # when the request left
    seconds: float  # the API's answer time
    status: int


def post_orders(base: str, key: str, rate: float, count: int, clients: int,
                first: int) -> dict[str, Posted]:  # fmt: skip
    """Post `count` held orders at `rate` per second from `clients` threads."""
    posted: dict[str, Posted] = {}
    numbers, lock = itertools.count(), threading.Lock()
    begin = time.time() + 0.5

    def client() -> None:
        with httpx.Client(base_url=base, timeout=60,
                          headers={"Authorization": f"Bearer {key}"}) as http:  # fmt: skip
            while True:
                with lock:
                    i = next(numbers)
                if i >= count:
                    return
                scheduled = begin + i / rate
                time.sleep(max(0.0, scheduled - time.time()))
                body = held_payload(first + i)
                started = time.time()
                try:
                    status = http.post("/api/v1/orders", json=body).status_code
                except httpx.HTTPError:
                    status = 0
                posted[body["external_id"]] = Posted(scheduled, started,
                                                     time.time() - started, status)  # fmt: skip

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return posted


def live(args: argparse.Namespace, url: str, out: Path) -> None:
    count = int(args.rate * args.seconds)
    print(f"== live: {count:,} held orders at {args.rate:g}/s for {args.seconds:g} s, "
          f"{args.api_workers} API processes, {args.workers} worker(s), {args.clients} client "
          f"threads, {url.split(':', 1)[0]}")  # fmt: skip
    fresh_databases(url)
    services, shop = prepare(url, slug="live")
    workflows = Settings(database_url=url).workflow_database_url()
    provider = Provider.start(out / "provider-live.log", force_recorder=args.recorder)
    print(f"provider: {provider.name}")
    env = worker_env(url, workflows, 1.0, provider)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with (out / "serve.log").open("ab") as log:
        server = subprocess.Popen(
            [str(BIN / "goodbuyer"), "serve", "--port", str(port), "--workers",
             str(args.api_workers)], env={**env, "GOODBUYER_ENVIRONMENT": "development"},
            stdout=log, stderr=log,
        )  # fmt: skip
    workers = [Worker(f"live-{i + 1}", env, out / f"worker-live-{i + 1}.log")
               for i in range(args.workers)]  # fmt: skip
    try:
        wait_up(base, server)
        engine = system_engine(workflows)
        while not queue_ready(engine):
            time.sleep(0.5)
        engine.dispose()
        post_orders(base, shop.key, 10, WARM_UP, 2, first=1)
        cpu0 = sum(w.cpu_seconds() for w in workers)
        posted = post_orders(base, shop.key, args.rate, count, args.clients, first=1000)
        _wait_sent(services, shop.id, WARM_UP + count)
        cpu = sum(w.cpu_seconds() for w in workers) - cpu0
        print(f"  workers: {memory_line(workers)}; CPU {cpu:.0f} s")
    finally:
        server.terminate()
        server.wait(timeout=30)
        for w in workers:
            w.stop()
        provider.stop()
    _report(services, shop.id, posted, args.rate)
    services.engine.dispose()
    if not args.keep:
        drop_databases(url)


def _first_sms(shop_id: object) -> tuple[object, ...]:
    return (OutboxMessage.shop_id == shop_id, OutboxMessage.channel == OutboundChannel.SMS,
            OutboxMessage.sent_at.is_not(None))  # fmt: skip


def _wait_sent(services: Any, shop_id: object, n: int) -> None:
    """Until every held order's first SMS is sent (at most 3 minutes)."""
    deadline = time.time() + 180
    while time.time() < deadline:
        with services.readers() as session:
            sent = session.scalar(select(func.count()).where(*_first_sms(shop_id))) or 0
            held = session.scalar(
                select(func.count()).where(Confirmation.shop_id == shop_id)
            ) or 0  # fmt: skip
        print(f"  {datetime.now(UTC):%H:%M:%S} {n:,} posted, {held:,} held, first SMS sent "
              f"for {sent:,}; {load()}")  # fmt: skip
        if sent >= held:
            return
        time.sleep(5)


def _report(services: object, shop_id: object, posted: dict[str, Posted], rate: float) -> None:
    with services.sessions() as session:  # type: ignore[attr-defined]
        rows = session.execute(
            select(Order.external_id, OutboxMessage.sent_at)
            .join(Order, Order.id == OutboxMessage.order_id)
            .where(*_first_sms(shop_id))
        ).all()
    ok = [p for p in posted.values() if p.status == 201]
    span = max(p.started + p.seconds for p in posted.values()) - min(
        p.scheduled for p in posted.values()
    )
    behind = [p.started - p.scheduled for p in posted.values()]
    print(f"result: {len(posted):,} orders posted, {len(ok):,} answered 201; "
          f"{len(ok) / span:.1f} orders/s achieved (asked {rate:g}/s); "
          f"start behind schedule p99 {statistics.quantiles(behind, n=100)[98]:.2f} s")  # fmt: skip
    print(f"  API answer time: {quantiles([p.seconds for p in ok])}")
    sent = {ext: at.timestamp() for ext, at in rows}
    waits = [sent[ext] - p.started for ext, p in posted.items() if ext in sent]
    print(f"  held and first SMS sent: {len(waits):,} of {len(ok):,}")
    print(f"  first SMS after the order was posted: {quantiles(waits)}; "
          f"{sum(w > 60 for w in waits)} over 60 s")  # fmt: skip
    print(f"  {load()}")


__all__ = ["live", "post_orders"]
