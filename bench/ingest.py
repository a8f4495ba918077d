"""CSV backfill of orders: orders/s, seconds and peak memory on SQLite and PostgreSQL.

Writes a synthetic orders.csv of N orders (1 to 3 lines each, 2 on average; customers
come back, as they do) unless --csv names one, then imports it with the code path of
`goodbuyer import orders` into a fresh SQLite file and a fresh PostgreSQL database (made
and dropped here). Each import runs in a child process so its peak RSS is its own; the
import's parsing process is reported beside it (CPU seconds and peak RSS).

    .venv/bin/python bench/ingest.py                      # 1,000,000 orders
    .venv/bin/python bench/ingest.py --orders 100000 --backends sqlite
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEADER = (
    "order_id,order_number,placed_at,updated_at,currency,status,payment_method,"
    "payment_status,customer_id,customer_name,email,phone,ship_name,ship_line1,ship_line2,"
    "ship_city,ship_postcode,ship_region,ship_country,language,shipping,tax,discount,sku,"
    "product,size,colour,quantity,unit_price,unit_cost\n"
)
_FIRST = ("Aino", "Mikko", "Lena", "Péter", "Sara", "Omar", "Julia", "Jussi", "Eva", "Ali")
_LAST = ("Virtanen", "Korhonen", "Berg", "Kovács", "Nieminen", "Haddad", "Müller", "Mäkinen")
_STATUS = ("delivered", "delivered", "delivered", "shipped", "confirmed", "placed", "refused")
_PAY = (("cod", "paid"), ("card", "paid"), ("wallet", "paid"), ("cod", "pending"))
_PRODUCTS = (("TEE", "T-shirt", 1990, 700), ("CAP", "Cap", 1500, 400), ("DRS", "Dress", 5990, 2150))
_SIZES = ("XS", "S", "M", "L", "XL")
_COLOURS = ("black", "white", "red", "navy")
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def write_orders_csv(path: Path, orders: int) -> None:
    """A deterministic orders file: order i has 1 + (i*7 % 3) lines (2 on average)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        chunk: list[str] = []
        for i in range(orders):
            chunk.extend(_order_rows(i))
            if len(chunk) >= 20_000:
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))


def _order_rows(i: int) -> list[str]:
    c = (i * 7919) % max(orders_customers(i), 1)
    name = f"{_FIRST[c % 10]} {_LAST[c % 8]}"
    day, minute = 1 + i % 28, i % 1440
    placed = f"2025-{1 + i % 12:02d}-{day:02d}T{minute // 60:02d}:{minute % 60:02d}:00+02:00"
    method, paid = _PAY[i % 4]
    head = (
        f"{i},#{i},{placed},,EUR,{_STATUS[i % 7]},{method},{paid},C-{c},{name},"
        f"c{c}@example.fi,+358 40 {c % 1000:03d} {c // 1000:04d},{name},"
        f"Mannerheimintie {c % 200} B {c % 9},,Helsinki,00{c % 990:03d},,FI,fi,4.90,,,"
    )
    rows = []
    for n in range(1 + (i * 7) % 3):
        code, product, price, cost = _PRODUCTS[(i + n) % 3]
        size, colour = _SIZES[(i + n) % 5], _COLOURS[(i * 3 + n) % 4]
        money = f"{price // 100}.{price % 100:02d},{cost // 100}.{cost % 100:02d}"
        line = f"{code}-{size}-{colour},{product},{size},{colour},{1 + n % 2},{money}\n"
        rows.append((head if n == 0 else f"{i}," + "," * 22) + line)
    return rows


def orders_customers(i: int) -> int:
    """About one customer per three orders, so that customers come back."""
    return max(i // 3, 1)


@dataclass
class _Storage:
    sessions: Any
    clock: Any


def run_import(url: str, csv_path: Path) -> dict[str, Any]:
    """In the child: migrate, make a shop, import; report seconds and peak RSS."""
    from goodbuyer.clock import SystemClock
    from goodbuyer.db import make_engine, make_sessionmaker, transaction
    from goodbuyer.migrate import upgrade
    from goodbuyer.shops.schemas import ShopIn
    from goodbuyer.shops.service import create_shop
    from goodbuyer.store.importer import import_file

    upgrade(url)
    engine = make_engine(url)
    storage = _Storage(make_sessionmaker(engine), SystemClock())
    with transaction(storage.sessions) as session:
        data = ShopIn(slug="bench", name="Bench", currency="EUR", country="FI", languages=["fi"])
        shop_id = create_shop(session, data, SystemClock().now()).id
    started, cpu = time.perf_counter(), time.process_time()
    report = import_file(storage, shop_id, "orders", csv_path)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    engine.dispose()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parser = resource.getrusage(resource.RUSAGE_CHILDREN)  # the parsing process
    return {
        "orders": report.created,
        "rows": report.rows,
        "rejected": report.rejected,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "parser_cpu_seconds": round(parser.ru_utime + parser.ru_stime, 2),
        "orders_per_s": round(report.created / seconds),
        "peak_rss_mib": round(peak_kib / 1024),
        "parser_peak_rss_mib": round(parser.ru_maxrss / 1024),
    }


def _child(url: str, csv_path: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", url, "--csv", str(csv_path)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def _on_postgres(base: str, csv_path: Path) -> dict[str, Any]:
    import psycopg

    name = f"goodbuyer_bench_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        return _child(base.rsplit("/", 1)[0] + "/" + name, csv_path)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--csv", type=Path, help="import this file instead of writing one")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument(
        "--postgres", default=os.environ.get("GOODBUYER_BENCH_POSTGRES_URL", PG_DEFAULT)
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_import(args.child, args.csv)))
        return
    with tempfile.TemporaryDirectory(prefix="goodbuyer-bench-") as tmp:
        csv_path = args.csv
        if csv_path is None:
            csv_path = Path(tmp) / "orders.csv"
            started = time.perf_counter()
            write_orders_csv(csv_path, args.orders)
            print(
                f"wrote {csv_path.stat().st_size / 1e6:.0f} MB, {args.orders} orders "
                f"in {time.perf_counter() - started:.1f} s"
            )
        for backend in args.backends.split(","):
            if backend == "sqlite":
                result = _child(f"sqlite:///{Path(tmp) / 'bench.db'}", csv_path)
            else:
                result = _on_postgres(args.postgres, csv_path)
            print(json.dumps({"backend": backend, **result}))


if __name__ == "__main__":
    main()
