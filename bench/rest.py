"""REST ingestion of single orders over HTTP: orders/s and latency percentiles.

Starts `goodbuyer serve --workers N` (uvicorn) on a fresh database, creates a shop and a
key, then POSTs distinct orders over C connections. The load comes from `wrk` (a C load
generator, Debian package `wrk`) so that the client does not eat the server's CPU; with
`--client httpx` it comes from Python instead (a fixed count of orders).

    .venv/bin/python bench/rest.py --seconds 30 --workers 2 --concurrency 4
    .venv/bin/python bench/rest.py --database postgresql://postgres@127.0.0.1/bench_rest
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from server import free_port, wait_up

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _order(i: int) -> dict[str, Any]:
    placed = f"2026-0{1 + i % 9}-{1 + i % 28:02d}T{i % 24:02d}:00:00+00:00"
    return {
        "external_id": f"B-{i}",
        "placed_at": placed,
        "currency": "EUR",
        "payment_method": "cod" if i % 3 else "card",
        "customer": {
            "name": f"Customer {i % 5000}",
            "email": f"c{i % 5000}@example.com",
            "phone": f"+35840{i % 5000:07d}",
        },
        "shipping_address": {
            "line1": f"Street {i % 300}",
            "city": "Helsinki",
            "postcode": f"00{i % 900:03d}",
            "country": "FI",
        },
        "lines": [
            {"sku": f"SKU-{i % 50}", "product": "Item", "quantity": 1 + i % 3, "unit_price": 1990},
            {"sku": "CAP", "product": "Cap", "quantity": 1, "unit_price": 990},
        ],
    }


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(BIN / "goodbuyer"), *args], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


async def _load(url: str, key: str, ids: range, concurrency: int) -> list[float]:
    latencies: list[float] = []
    counter = iter(ids)
    headers = {"Authorization": f"Bearer {key}"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=url, headers=headers, limits=limits, timeout=30
    ) as client:

        async def worker() -> None:
            for i in counter:
                body = _order(i)
                start = time.perf_counter()
                response = await client.post("/api/v1/orders", json=body)
                latencies.append(time.perf_counter() - start)
                if response.status_code != 201:
                    raise RuntimeError(f"order {i}: {response.status_code} {response.text}")

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--database", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--client", choices=["wrk", "httpx"], default="wrk")
    parser.add_argument("--seconds", type=int, default=30, help="with wrk")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database = args.database or f"sqlite:///{tmp}/bench.db"
        env = {**os.environ, "GOODBUYER_DATABASE_URL": database, "GOODBUYER_LOG_LEVEL": "warning"}
        _cli(env, "db", "upgrade")
        _cli(env, "shops", "create", "bench", "Bench", "EUR", "FI")
        key = _cli(env, "shops", "key", "bench")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(BIN / "goodbuyer"), "serve", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_up(url, server)
            asyncio.run(_load(url, key, range(-200, 0), args.concurrency))  # warm-up
            if args.client == "wrk":
                _wrk(args, url, key, database)
                return
            started = time.perf_counter()
            latencies = asyncio.run(_load(url, key, range(args.orders), args.concurrency))
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    _report(args, database, latencies, elapsed)


def _wrk(args: argparse.Namespace, url: str, key: str, database: str) -> None:
    script = Path(__file__).with_name("rest_orders.lua")
    done = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(args.concurrency),
            "-d",
            f"{args.seconds}s",
            "--timeout",
            "5s",
            "-s",
            str(script),
            url,
            "--",
            key,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT"))
    fields = dict(part.split("=") for part in line.split()[1:])
    count, seconds = int(fields["requests"]), float(fields["seconds"])
    backend = database.split(":", 1)[0]
    print(
        f"REST single orders (wrk): {args.workers} uvicorn workers, {args.concurrency} "
        f"connections, {args.seconds} s, {backend}"
    )
    print(
        f"  {count} orders, {fields['failures']} not 201; throughput {count / seconds:,.0f} "
        f"orders/s"
    )
    print(
        f"  latency p50 {fields['p50']} ms, p90 {fields['p90']} ms, p99 {fields['p99']} ms, "
        f"max {fields['max']} ms"
    )


def _report(
    args: argparse.Namespace, database: str, latencies: list[float], elapsed: float
) -> None:
    cuts = statistics.quantiles(latencies, n=100)
    backend = database.split(":", 1)[0]
    print(
        f"REST single orders: {args.orders} orders, {args.workers} uvicorn workers, "
        f"{args.concurrency} connections, {backend}"
    )
    print(f"  throughput {args.orders / elapsed:,.0f} orders/s in {elapsed:.1f} s")
    print(
        f"  latency p50 {cuts[49] * 1000:.1f} ms, p95 {cuts[94] * 1000:.1f} ms, "
        f"p99 {cuts[98] * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
