"""The learned model on a demo shop: replay time, training time, held-out AUC, Brier score
and log loss of both targets, and how long scoring one order takes once warm.

    .venv/bin/python bench/model.py --database sqlite:///PATH/shop.db [--orders 2000]

The models are trained inside a transaction that is rolled back: the database is only
read. Scoring runs `risk.model_service.score` on the newest replayed orders, twice over
(the first pass warms the cache), timing each call.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime

from sqlalchemy import func, select

from goodbuyer import models
from goodbuyer.db import make_engine, make_sessionmaker
from goodbuyer.risk.model_fit import fit
from goodbuyer.risk.model_service import examples_of, money_of, score, shop_policy
from goodbuyer.risk.replay import replay
from goodbuyer.shops.models import Shop
from goodbuyer.store.models import Order

assert models.metadata


def _latency(session: object, shop_id: object, features: list[dict[str, object]]) -> list[float]:
    times = []
    for one in features:
        start = time.perf_counter()
        score(session, shop_id, one)  # type: ignore[arg-type]
        times.append((time.perf_counter() - start) * 1e6)
    return times


def _show_latency(name: str, times: list[float]) -> None:
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"  {name:<28} {len(times):>6} orders  mean {statistics.fmean(times):7.1f} us"
          f"  p50 {times[len(times) // 2]:7.1f} us  p99 {p99:7.1f} us")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--orders", type=int, default=2000, help="orders scored for latency")
    args = parser.parse_args()
    engine = make_engine(args.database)
    with make_sessionmaker(engine)() as session:
        shop_id = session.scalars(select(Shop.id)).first()
        total = session.scalar(select(func.count()).select_from(Order))
        policy = shop_policy(session, shop_id)
        start = time.perf_counter()
        replayed = list(replay(session, shop_id, money_of(policy)))
        replay_s = time.perf_counter() - start
        print(f"{total} orders; replay {replay_s:.1f} s")
        start = time.perf_counter()
        found = examples_of(replayed, ("rto_risk", "return_risk"))
        print(f"labelled examples {time.perf_counter() - start:.1f} s")
        for target, examples in found.items():
            start = time.perf_counter()
            fitted = fit(target, examples, policy.model.min_training_orders)
            seconds = time.perf_counter() - start
            held, raw = fitted.metrics["held_out"], fitted.metrics["held_out_uncalibrated"]
            print(f"{target}: {len(examples)} labelled, trained on {fitted.training_orders} in "
                  f"{seconds:.1f} s ({fitted.metrics['rounds']} trees); held out "
                  f"{held['orders']}: base rate {held['base_rate']:.3f}, AUC {held['auc']:.3f}, "
                  f"Brier {held['brier']:.4f} (uncalibrated {raw['brier']:.4f}), log loss "
                  f"{held['log_loss']:.4f}; P/R at 0.5 {held['thresholds']['0.5']}")  # fmt: skip
        from goodbuyer.risk.model_service import train_models

        train_models(session, shop_id, datetime.now(UTC), policy=policy, trained_by="bench")
        newest = [r.features for r in replayed[-args.orders :]]
        _latency(session, shop_id, newest)
        cpu = time.process_time()
        times = _latency(session, shop_id, newest)
        cpu_us = (time.process_time() - cpu) / len(newest) * 1e6
        cod = [t for t, f in zip(times, newest, strict=True) if f["order.payment"] == "cod"]
        other = [t for t, f in zip(times, newest, strict=True) if f["order.payment"] != "cod"]
        print(f"score(), warm: {cpu_us:.1f} us of CPU per order on average")
        _show_latency("all orders", times)
        _show_latency("cash on delivery (2 models)", cod)
        _show_latency("prepaid (return model)", other)
        session.rollback()
    engine.dispose()


if __name__ == "__main__":
    main()
