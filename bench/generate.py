"""Time the demo-shop generator: 1,000,000 orders to CSV (orders/s, seconds, peak RSS).

    .venv/bin/python bench/generate.py [--customers N] [--orders M] [--seed S] [--workers W]

Peak RSS is the largest of this process and its worker processes (they are forked).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from goodbuyer.demo import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=0, help="default: orders / 4")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=None, help="default: CPU count")
    parser.add_argument("--out", type=Path, default=None, help="default: a temporary directory")
    args = parser.parse_args()
    customers = args.customers or max(1, args.orders // 4)
    out = args.out or Path(tempfile.mkdtemp(prefix="goodbuyer-bench-"))
    began, cpu = time.perf_counter(), time.process_time()
    summary = generate(customers, args.orders, args.seed, out, workers=args.workers)
    seconds = time.perf_counter() - began
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    cpu_all = time.process_time() - cpu + children.ru_utime + children.ru_stime
    size = sum(p.stat().st_size for p in out.glob("*.csv"))
    print(f"customers      {customers:>12,}")
    print(f"orders         {args.orders:>12,}")
    for name, rows in summary.rows.items():
        print(f"  {name:<16}{rows:>10,} rows")
    print(f"csv size       {size / 1e6:>12,.0f} MB")
    print(f"seconds        {seconds:>12,.1f}")
    print(f"cpu seconds    {cpu_all:>12,.1f}  (all processes)")
    print(f"orders/s       {args.orders / seconds:>12,.0f}")
    print(f"peak RSS       {max(own.ru_maxrss, children.ru_maxrss) / 1024:>12,.0f} MB")
    if args.out is None:
        shutil.rmtree(out)


if __name__ == "__main__":
    main()
