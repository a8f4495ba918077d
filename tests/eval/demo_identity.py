"""Customer-level identity accuracy on the demo shop's ground truth (not a unit test).

    .venv/bin/python tests/eval/demo_identity.py --customers 2000 --orders 10000

Generates the demo shop into a fresh SQLite file, loads it (CSV import, then linking and
the history check of every order), and scores the persons found against the ground truth:
pairwise precision, recall and F1 over orders (two orders are a true pair when one person
placed both). The shop's own customer records (keyed by account, e-mail or phone) are the
baseline.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from goodbuyer.app import build_services
from goodbuyer.clock import SystemClock
from goodbuyer.demo.loading import load_demo_shop
from goodbuyer.identity.models import PersonMember
from goodbuyer.migrate import upgrade
from goodbuyer.settings import Settings
from goodbuyer.store.models import Order


def _pairs(counts: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def score(truth: dict[str, str], found: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 of `found` (order -> cluster) against `truth`."""
    both = Counter((truth[o], found[o]) for o in truth if o in found)
    true_pairs = _pairs(Counter(truth[o] for o in truth if o in found))
    found_pairs = _pairs(Counter(found[o] for o in truth if o in found))
    hits = _pairs(both)
    precision = hits / found_pairs if found_pairs else 1.0
    recall = hits / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--orders", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="goodbuyer-eval-"))
    url = f"sqlite:///{work / 'eval.db'}"
    upgrade(url)
    services = build_services(Settings(database_url=url), SystemClock())
    started = time.perf_counter()
    load_demo_shop(
        services, work / "demo", customers=args.customers, orders=args.orders, seed=args.seed
    )
    print(f"loaded and linked in {time.perf_counter() - started:.1f} s")
    truth: dict[str, str] = {}
    with open(work / "demo" / "ground_truth.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for order in row["order_ids"].split():
                truth[order] = row["customer_key"]
    with services.sessions() as session:
        rows = session.execute(select(Order.external_id, Order.customer_id)).all()
        persons = dict(
            session.execute(select(PersonMember.customer_id, PersonMember.person_id)).all()
        )
    accounts = {r.external_id: str(r.customer_id) for r in rows}
    found = {r.external_id: str(persons.get(r.customer_id, r.customer_id)) for r in rows}
    for label, clusters in (
        ("customer records (baseline)", accounts),
        ("persons (goodbuyer)", found),
    ):
        p, r, f1 = score(truth, clusters)
        count = len(set(clusters.values()))
        print(f"{label:30} precision {p:.4f} recall {r:.4f} F1 {f1:.4f} clusters {count}")
    print(f"true customers {len(set(truth.values()))}, orders {len(truth)}")


if __name__ == "__main__":
    main()
