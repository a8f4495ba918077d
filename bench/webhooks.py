"""Shopify webhooks over HTTP: latency of verification + storage, one delivery at a time.

Migrates a fresh database and creates a shop connected to Shopify, starts the app with
uvicorn (one worker) on 127.0.0.1 and a free port, then sends N signed `orders/create`
webhooks (distinct order and webhook ids, the Hungarian cash-on-delivery fixture) from one
httpx client, waiting for each answer before sending the next.

    .venv/bin/python bench/webhooks.py --orders 2000
    .venv/bin/python bench/webhooks.py --database postgresql://postgres@127.0.0.1/bench_hooks
"""

from __future__ import annotations

import argparse
import base64
import copy
import hashlib
import hmac
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.migrate import upgrade
from goodbuyer.shops.schemas import ShopIn
from goodbuyer.shops.service import create_shop
from server import free_port, wait_up

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FIXTURE = ROOT / "tests" / "fixtures" / "shopify" / "orders_create_cod_hu.json"
DOMAIN = "bench-shop.myshopify.com"
UVICORN_ARGS = ["goodbuyer.app:app_from_environment", "--factory", "--host", "127.0.0.1",
                "--no-access-log", "--log-level", "warning"]  # fmt: skip
SECRET = "shpss_bench_0123456789abcdef"  # noqa: S105 - a throwaway shop of a throwaway database


def _prepare(database: str) -> None:
    """The schema and one shop, through the same code the CLI calls."""
    engine = make_engine(database)
    upgrade(database)
    with transaction(make_sessionmaker(engine)) as session:
        shop = ShopIn(slug="bench", name="Bench", currency="HUF", country="HU",
                      shopify_domain=DOMAIN, shopify_webhook_secret=SECRET)  # fmt: skip
        create_shop(session, shop, SystemClock().now())
    engine.dispose()


def _order(template: dict[str, Any], i: int) -> bytes:
    """The fixture as a distinct order of a distinct customer, serialised as Shopify does."""
    order = copy.deepcopy(template)
    order["id"] = 9_000_000_000_000 + i
    order["name"] = f"#B{i}"
    order["customer"]["id"] = 8_000_000_000_000 + i % 700
    order["email"] = order["customer"]["email"] = f"vevo{i % 700}@example.hu"
    for n, line in enumerate(order["line_items"]):
        line["id"] = 7_000_000_000_000 + i * 10 + n
    return json.dumps(order, ensure_ascii=False, separators=(",", ":")).encode()


def _headers(body: bytes, webhook_id: str) -> dict[str, str]:
    signature = base64.b64encode(hmac.new(SECRET.encode(), body, hashlib.sha256).digest())
    return {
        "Content-Type": "application/json",
        "X-Shopify-Topic": "orders/create",
        "X-Shopify-Shop-Domain": DOMAIN,
        "X-Shopify-Webhook-Id": webhook_id,
        "X-Shopify-Hmac-Sha256": signature.decode(),
    }


def _send(client: httpx.Client, ids: range, template: dict[str, Any]) -> list[float]:
    latencies = []
    for i in ids:
        body = _order(template, i)
        headers = _headers(body, f"bench-{i}")
        start = time.perf_counter()
        response = client.post("/webhooks/shopify", content=body, headers=headers)
        latencies.append(time.perf_counter() - start)
        if response.status_code != 200 or response.json()["outcome"] != "stored":
            raise RuntimeError(f"delivery {i}: {response.status_code} {response.text}")
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--database", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    template = json.loads(FIXTURE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        database = args.database or f"sqlite:///{tmp}/bench.db"
        env = {**os.environ, "GOODBUYER_DATABASE_URL": database, "GOODBUYER_LOG_LEVEL": "warning"}
        _prepare(database)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(BIN / "uvicorn"), *UVICORN_ARGS, "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_up(url, server)
            with httpx.Client(base_url=url, timeout=30) as client:
                _send(client, range(-100, 0), template)  # warm-up, not counted
                started = time.perf_counter()
                latencies = _send(client, range(args.orders), template)
                elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    _report(args.orders, database, latencies, elapsed, len(_order(template, 0)))


def _report(orders: int, database: str, latencies: list[float], elapsed: float, size: int) -> None:
    cuts = statistics.quantiles(latencies, n=100)
    print(
        f"Shopify orders/create webhooks: {orders} deliveries of {size} bytes, one client, "
        f"one uvicorn worker, {database.split(':', 1)[0]}"
    )
    print(f"  throughput {orders / elapsed:,.0f} deliveries/s in {elapsed:.1f} s")
    print(
        f"  latency p50 {cuts[49] * 1000:.1f} ms, p95 {cuts[94] * 1000:.1f} ms, "
        f"p99 {cuts[98] * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
