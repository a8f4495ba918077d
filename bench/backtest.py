"""Time a backtest of the default policy (R2.4 figure: 1,000,000 orders in 60 s or less).

    .venv/bin/python bench/backtest.py --db shop.db                       # a loaded shop
    .venv/bin/python bench/backtest.py --db demo.db --copies 10 --out big.db   # scaled up first

A large shop is made from a loaded demo shop (`goodbuyer demo`) by copying its customers,
orders, after-sales records and identity `--copies` times into one SQLite file, each copy
with its own ids, keys and contact data (so copies are other people, placing orders at the
same moments: the shop is N times as busy). Prints the seconds of each part, orders per
second, the CPU seconds and the peak RSS of this process and of its workers.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.db import make_engine
from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.risk.backtest_service import run_backtest
from goodbuyer.risk.compiled import compile_policy
from goodbuyer.shops.models import Shop

TABLES = (
    "customers", "orders", "order_lines", "returns", "return_lines", "refunds", "chargebacks",
    "tickets", "identity_records", "identity_keys", "person_members", "identity_links",
    "order_checks",
)  # fmt: skip
SUFFIXED = {"key", "external_id", "number", "signature"}  # unique within a shop


def _copy_table(db: sqlite3.Connection, table: str, copy: int) -> None:
    columns = db.execute(f"PRAGMA table_info({table})").fetchall()
    ids = [c[1] for c in columns if c[2] == "CHAR(32)" and c[1] != "shop_id"]
    prefix = f"{copy + 1:02x}"
    exprs = []
    for _, name, *_ in columns:
        if name in ids:
            exprs.append(
                f"CASE WHEN {name} IS NULL THEN NULL ELSE '{prefix}' || substr({name}, 3) END"
            )
        elif name in SUFFIXED or (table == "identity_keys" and name == "key"):
            exprs.append(f"{name} || '~{copy}'")
        else:
            exprs.append(name)
    names = ", ".join(c[1] for c in columns)
    first = "id" if "id" in ids else ids[-1]
    db.execute(f"INSERT INTO {table} ({names}) SELECT {', '.join(exprs)} FROM {table} "  # noqa: S608 (our own table names)
               f"WHERE substr({first}, 1, 2) = '01'")  # fmt: skip


def scale(source: Path, out: Path, copies: int) -> None:
    """`out`: the shop of `source` with everything it has `copies` times."""
    shutil.copyfile(source, out)
    db = sqlite3.connect(out)
    for table in TABLES:
        first = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        for copy in range(1, copies):
            _copy_table(db, table, copy)
        db.commit()
        print(f"  {table}: {first:,} rows x {copies}")
    db.execute("ANALYZE")
    db.commit()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a loaded shop (SQLite file)")
    parser.add_argument("--url", default="", help="or a database URL instead")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--out", type=Path, help="where the scaled copy goes")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    db = args.db
    if args.copies > 1:
        db = args.out or db.with_name(f"{db.stem}-x{args.copies}.db")
        began = time.perf_counter()
        scale(args.db, db, args.copies)
        print(f"scaled x{args.copies} into {db} in {time.perf_counter() - began:.0f} s")
    engine = make_engine(args.url or f"sqlite:///{db}")
    policy = compile_policy(parse_policy(default_policy_text()), 1)
    with Session(engine) as session:
        shop_id = session.scalars(select(Shop.id)).one()
        began, cpu = time.perf_counter(), time.process_time()
        report = run_backtest(session, shop_id, [("default", policy)], workers=args.workers)
        seconds = time.perf_counter() - began
    engine.dispose()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    p = report["policies"][0]
    print(f"orders {p['orders']:,}; friction {p['friction_share']:.1%}; bad COD caught "
          f"{p['bad_cod']['catch_rate']:.1%}")  # fmt: skip
    print(f"seconds {seconds:.1f} (read and sort {report['seconds']['load']:.1f}); "
          f"{p['orders'] / seconds:,.0f} orders/s")  # fmt: skip
    print(f"CPU s: parent {time.process_time() - cpu:.1f}, workers "
          f"{children.ru_utime + children.ru_stime:.1f}")  # fmt: skip
    print(f"peak RSS: parent {own.ru_maxrss / 1024:,.0f} MiB, largest worker "
          f"{children.ru_maxrss / 1024:,.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
