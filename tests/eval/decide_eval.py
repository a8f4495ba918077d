"""Decisions against the demo shop's ground truth (a measurement, not a unit test).

    .venv/bin/python tests/eval/decide_eval.py --db /path/shop.db --truth /path/var/demo
    .venv/bin/python tests/eval/decide_eval.py ... --min-catch 0.7 --max-friction 0.05

Replays the demo shop (generated with `goodbuyer demo`) with a policy, as the backtest
does, over the last `--holdout-months` of orders and prints:
- the catch rate: cash-on-delivery orders that ended refused or returned to origin and
  got confirm or stronger (also with unpaid ones counted in);
- the friction share on orders of customers whose true archetype is good, loyal or vip;
- precision and recall of each segment against the true archetypes, per person, with the
  persons' segments as they stood at the end of the history.
The ground truth (ground_truth.csv) is read here and nowhere in the decision code. Exit
status 1 when a floor given on the command line is not met.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.db import make_engine
from goodbuyer.identity.outcomes import OrderOutcome
from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.risk.compiled import CompiledPolicy, compile_policy
from goodbuyer.risk.decide import decide
from goodbuyer.risk.facts import Money
from goodbuyer.risk.features import customer_features
from goodbuyer.risk.replay import Replay, contact_velocity, timeline
from goodbuyer.risk.replay_load import load_history
from goodbuyer.shops.models import Shop
from goodbuyer.store.models import Order

GOOD = frozenset({"good", "loyal", "vip"})
# segment of the default policy -> the archetype it is meant to find
ARCHETYPE = {name: name for name in (
    "vip", "loyal", "refuser", "ghost", "serial_returner", "wardrober", "compulsive_returner",
    "bracketer", "not_received_claimer", "ignorant_rogue", "chargeback_abuser", "threatener",
    "abusive", "negotiator", "unrealistic",
)}  # fmt: skip
REFUSED = (OrderOutcome.REFUSED, OrderOutcome.RETURNED_TO_ORIGIN)


def read_truth(folder: Path) -> dict[str, str]:
    """Order id at the source -> the true archetype of the customer who placed it."""
    archetype = {}
    with (folder / "ground_truth.csv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for order in row["order_ids"].split():
                archetype[order] = row["archetype"]
    return archetype


def _segments(policy: CompiledPolicy, customer: dict[str, object]) -> tuple[str, ...]:
    return tuple(s.name for s in policy.segments if s.when(customer))  # type: ignore[arg-type]


def evaluate(session: Session, policy: CompiledPolicy, truth: dict[str, str], months: int) -> dict:
    shop_id = session.scalars(select(Shop.id)).one()
    query = select(Order.number, Order.external_id).where(Order.shop_id == shop_id)
    external = dict(session.execute(query).all())
    history = load_history(session, shop_id)
    end = history.orders[-1].placed.placed_at
    since = end - timedelta(days=30 * months)
    replay = Replay(history, Money(policy.policy.currency, tuple(policy.policy.rates.items())))
    counts: Counter[str] = Counter()
    person_truth: dict[str, Counter[str]] = defaultdict(Counter)
    for order in history.orders:
        person_truth[order.person][truth.get(external[order.number], "?")] += 1
    for case in replay.run(timeline(history), contact_velocity(history), since=since):
        order, features = case.order, case.features
        features["customer.segments"] = _segments(policy, case.customer)
        friction = decide(policy, features).friction
        archetype = truth.get(external[order.number], "?")
        cod = order.placed.payment == "cod"
        counts["orders"] += 1
        counts["friction"] += friction
        if cod and order.outcome in REFUSED:
            counts["bad"] += 1
            counts["bad_caught"] += friction
        if cod and order.outcome is OrderOutcome.UNPAID:
            counts["unpaid"] += 1
            counts["unpaid_caught"] += friction
        if archetype in GOOD:
            counts["good"] += 1
            counts["good_friction"] += friction
    segments = _segment_scores(policy, replay.facts, person_truth, end)
    return {"since": since, "end": end, "counts": counts, "segments": segments}


def _segment_scores(policy, facts, person_truth, end) -> dict[str, tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    """segment -> (true positives, members, persons of the archetype), per person."""
    found: dict[str, list[int]] = {name: [0, 0, 0] for name in ARCHETYPE}
    for person, mine in facts.items():
        archetype = person_truth[person].most_common(1)[0][0] if person_truth[person] else "?"
        names = _segments(policy, customer_features(mine, end))
        for name, wanted in ARCHETYPE.items():
            member, real = name in names, archetype == wanted
            found[name][0] += member and real
            found[name][1] += member
            found[name][2] += real
    return {name: (tp, n, real) for name, (tp, n, real) in found.items()}


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   - "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the demo shop's SQLite file or a URL")
    parser.add_argument("--truth", type=Path, required=True, help="the demo's var/demo folder")
    parser.add_argument("--policy", type=Path, help="a policy YAML (default: the default)")
    parser.add_argument("--holdout-months", type=int, default=3)
    parser.add_argument("--min-catch", type=float, default=0.0)
    parser.add_argument("--max-friction", type=float, default=1.0)
    args = parser.parse_args()
    text = args.policy.read_text(encoding="utf-8") if args.policy else default_policy_text()
    policy = compile_policy(parse_policy(text))
    url = args.db if "://" in args.db else f"sqlite:///{args.db}"
    engine = make_engine(url)
    with Session(engine) as session:
        result = evaluate(session, policy, read_truth(args.truth), args.holdout_months)
    c = result["counts"]
    print(f"held out: orders placed {result['since']:%Y-%m-%d} .. {result['end']:%Y-%m-%d}")
    share = _pct(c["friction"], c["orders"])
    print(f"orders {c['orders']:,}; with friction {c['friction']:,} ({share})")
    catch = c["bad_caught"] / c["bad"] if c["bad"] else 0.0
    print(f"COD refused or returned to origin: {c['bad']:,}, caught {c['bad_caught']:,} "
          f"({_pct(c['bad_caught'], c['bad'])}); with unpaid: "
          f"{_pct(c['bad_caught'] + c['unpaid_caught'], c['bad'] + c['unpaid'])}")  # fmt: skip
    friction = c["good_friction"] / c["good"] if c["good"] else 0.0
    print(f"orders of true good/loyal/vip customers: {c['good']:,}, with friction "
          f"{c['good_friction']:,} ({_pct(c['good_friction'], c['good'])})")  # fmt: skip
    print(f"\n{'segment':<22}{'members':>9}{'true':>7}{'precision':>11}{'recall':>9}")
    for name, (tp, members, real) in result["segments"].items():
        print(f"{name:<22}{members:>9,}{real:>7,}{_pct(tp, members):>11}{_pct(tp, real):>9}")
    if catch < args.min_catch or friction > args.max_friction:
        print(f"\nFAIL: catch {catch:.3f} (floor {args.min_catch}), good friction "
              f"{friction:.3f} (ceiling {args.max_friction})")  # fmt: skip
        sys.exit(1)


if __name__ == "__main__":
    main()
