"""Predicted lifetime value: CDNOW holdout against lifetimes, and a 1,000,000-customer fit.

    .venv/bin/python bench/clv.py [--customers N] [--seed S] [--data DIR] [--part P]

CDNOW: fit on weeks 0-39 of CDNOW_master.txt (1997-01-01 to 1997-09-30), predict each
customer's repeat purchases in weeks 40-78, compare with what they bought. Scale: customers
drawn from a BG/NBD process (Gamma-Gamma spend) with known parameters, as order rows, then
summarised and fitted in a child process whose peak RSS is reported.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

from goodbuyer.customers.bgnbd import (
    BgNbdParams,
    conditional_expected_number_of_purchases_up_to_time,
    fit_bgnbd,
)
from goodbuyer.customers.clv import predict_clv
from goodbuyer.customers.rfm import summarise
from goodbuyer.customers.spend import fit_gamma_gamma

CALIBRATION_END = 272  # 1997-09-30, days after 1997-01-01
HOLDOUT_END = 545  # 1998-06-30
WEEKS_PER_MONTH = 4.345
TRUE_BGNBD = {"r": 0.25, "alpha": 4.0, "a": 0.8, "b": 2.5}  # weeks
TRUE_SPEND = {"p": 6.0, "q": 4.0, "v": 15.0}
PUBLISHED_BGNBD = {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}
PUBLISHED_SPEND = {"p": 6.2488, "q": 3.7446, "v": 15.4477}
HOURS_PER_WEEK = 168.0
T = TypeVar("T")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, help="CDNOW folder (default: lifetimes' datasets)")
    parser.add_argument("--part", choices=["all", "cdnow", "scale", "scale-child"], default="all")
    args = parser.parse_args()
    if args.part == "scale-child":
        print(json.dumps(_scale(args.customers, args.seed)))
        return
    print("load average at start: {:.2f} {:.2f} {:.2f}\n".format(*os.getloadavg()))
    if args.part in ("all", "cdnow"):
        folder = args.data or _lifetimes_datasets()
        _print_published(folder)
        _print_cdnow(folder)
    if args.part in ("all", "scale"):
        _print_scale(args.customers, args.seed)
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


# CDNOW holdout


@dataclass(frozen=True)
class _Orders:
    customer: NDArray[np.int64]
    time: NDArray[np.float64]
    value: NDArray[np.float64]


def _load_cdnow(folder: Path) -> _Orders:
    raw = np.loadtxt(folder / "CDNOW_master.txt", skiprows=1, dtype=np.float64)
    ymd = raw[:, 1].astype(np.int64)
    months = (ymd // 10000 - 1970) * 12 + (ymd // 100 % 100 - 1)
    dates = months.astype("datetime64[M]").astype("datetime64[D]") + (ymd % 100 - 1)
    day = (dates - np.datetime64("1997-01-01")).astype(np.float64)
    return _Orders(raw[:, 0].astype(np.int64) - 1, day, raw[:, 3])


def _holdout_purchases(orders: _Orders, customers: int) -> NDArray[np.float64]:
    held = (orders.time > CALIBRATION_END) & (orders.time <= HOLDOUT_END)
    pairs = np.unique(np.stack([orders.customer[held], orders.time[held].astype(np.int64)]), axis=1)
    return np.bincount(pairs[0], minlength=customers).astype(np.float64)


def _print_cdnow(folder: Path) -> None:
    orders = _load_cdnow(folder)
    customers = int(orders.customer.max()) + 1
    cal = orders.time <= CALIBRATION_END
    horizon = (HOLDOUT_END - CALIBRATION_END) / 7.0
    actual = _holdout_purchases(orders, customers)
    ours = _ours_cdnow(orders, cal, horizon, customers)
    theirs = _lifetimes_cdnow(orders, cal, horizon)
    print("## CDNOW holdout (weeks 0-39 calibration, 40-78 holdout)\n")
    print(
        f"{customers:,} customers, {int(cal.sum()):,} calibration orders, "
        f"{int((~cal).sum()):,} holdout orders; holdout {horizon:.1f} weeks\n"
    )
    print("| | goodbuyer | lifetimes 0.11.3 |\n|---|---|---|")
    rows = [
        ("summary from order rows, seconds", *_pair(ours, theirs, "summary_s", ".3f")),
        ("BG/NBD fit seconds", *_pair(ours, theirs, "fit_s", ".3f")),
        *((name, *_pair(ours, theirs, name, ".4f")) for name in TRUE_BGNBD),
        *((f"Gamma-Gamma {name}", *_pair(ours, theirs, name, ".4f")) for name in TRUE_SPEND),
        *_accuracy_rows(ours["predicted"], theirs["predicted"], actual),
    ]
    for row in rows:
        print("| " + " | ".join(row) + " |")
    same = all(np.allclose(ours[key], theirs[key]) for key in ("frequency", "recency", "T"))
    gap = np.abs(ours["clv"] - theirs["clv"]) / np.maximum(np.abs(theirs["clv"]), 1.0)
    modelled = ~ours["net_negative"]
    print(
        f"\nSame frequency, recency and T as lifetimes' summary: {same}. predict_clv: "
        f"{ours['method']}. 12-month CLV against lifetimes' customer_lifetime_value: largest "
        f"relative gap {gap[modelled].max():.1e} over {modelled.sum():,} customers. "
        f"Customers whose repeat purchases are worth <= 0: {(~modelled).sum():,}; forecast "
        "from their own mean by rule (lifetimes shrinks them to the population mean).\n"
    )


def _pair(ours: dict[str, Any], theirs: dict[str, Any], key: str, form: str) -> list[str]:
    return [format(ours[key], form), format(theirs[key], form)]


def _ours_cdnow(
    orders: _Orders, cal: NDArray[np.bool_], horizon: float, customers: int
) -> dict[str, Any]:
    began = time.perf_counter()
    summary = summarise(
        orders.customer[cal],
        orders.time[cal],
        orders.value[cal],
        CALIBRATION_END,
        customers=customers,
        unit=7.0,
    )
    summary_s = time.perf_counter() - began
    began = time.perf_counter()
    fitted = fit_bgnbd(summary.frequency, summary.recency, summary.T)
    fit_s = time.perf_counter() - began
    spend = fit_gamma_gamma(summary.frequency, summary.monetary_value)
    forecast = predict_clv(summary, periods_per_month=WEEKS_PER_MONTH)
    x, t_x, age = summary.frequency, summary.recency, summary.T
    predicted = conditional_expected_number_of_purchases_up_to_time(fitted, horizon, x, t_x, age)
    return {
        **{name: getattr(fitted, name) for name in TRUE_BGNBD},
        **{name: getattr(spend, name) for name in TRUE_SPEND},
        "summary_s": summary_s,
        "fit_s": fit_s,
        "predicted": predicted,
        "frequency": x,
        "recency": t_x,
        "T": age,
        "clv": forecast.clv,
        "net_negative": forecast.net_negative,
        "method": str(forecast.method),
    }


def _print_published(folder: Path) -> None:
    """The 2,357-customer summary lifetimes' documentation fits, against its printed values."""
    path = folder / "cdnow_customers_summary_with_transactions.csv"
    table = np.genfromtxt(path, delimiter=",", names=True)
    x, t_x, age, money = (np.asarray(table[n], np.float64) for n in ("x", "t_x", "T", "zbar"))
    began = time.perf_counter()
    fitted = fit_bgnbd(x, t_x, age)
    fit_s = time.perf_counter() - began
    spend = fit_gamma_gamma(x, money)
    published = {**PUBLISHED_BGNBD, **PUBLISHED_SPEND}
    got = {name: float(getattr(fitted, name)) for name in PUBLISHED_BGNBD}
    got |= {name: float(getattr(spend, name)) for name in PUBLISHED_SPEND}
    print(f"## Published CDNOW summary ({x.size:,} customers; BG/NBD fit {fit_s:.3f} s)\n")
    print("| parameter | published | goodbuyer | gap |\n|---|---|---|---|")
    for name, value in published.items():
        print(f"| {name} | {value:g} | {got[name]:.4f} | {(got[name] - value) / value:+.3%} |")
    print()


def _lifetimes_datasets() -> Path:
    """The CDNOW files ship with lifetimes (a dev dependency); located, not imported."""
    spec = importlib.util.find_spec("lifetimes")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0] if locations else ".") / "datasets"


def _accuracy_rows(
    ours: NDArray[np.float64], theirs: NDArray[np.float64], actual: NDArray[np.float64]
) -> list[tuple[str, str, str]]:
    def mae(predicted: NDArray[np.float64]) -> str:
        return f"{np.mean(np.abs(predicted - actual)):.4f}"

    def rmse(predicted: NDArray[np.float64]) -> str:
        return f"{np.sqrt(np.mean((predicted - actual) ** 2)):.4f}"

    return [
        ("MAE per customer (holdout purchases)", mae(ours), mae(theirs)),
        ("RMSE per customer", rmse(ours), rmse(theirs)),
        ("total predicted holdout purchases", f"{ours.sum():,.0f}", f"{theirs.sum():,.0f}"),
        ("total actual holdout purchases", f"{actual.sum():,.0f}", f"{actual.sum():,.0f}"),
    ]


def _lifetimes_cdnow(orders: _Orders, cal: NDArray[np.bool_], horizon: float) -> dict[str, object]:
    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.Pandas4Warning)  # its import sets a dead option
        from lifetimes import BetaGeoFitter, GammaGammaFitter
        from lifetimes.utils import summary_data_from_transaction_data
    frame = pd.DataFrame(
        {
            "id": orders.customer[cal],
            "date": np.datetime64("1997-01-01") + orders.time[cal].astype("timedelta64[D]"),
            "value": orders.value[cal],
        }
    )
    began = time.perf_counter()
    summary = summary_data_from_transaction_data(
        frame,
        "id",
        "date",
        "value",
        observation_period_end="1997-09-30",
        freq="D",
        freq_multiplier=7,
    ).sort_index()
    summary_s = time.perf_counter() - began
    x, t_x, age, money = (summary[c] for c in ("frequency", "recency", "T", "monetary_value"))
    began = time.perf_counter()
    fitted = BetaGeoFitter().fit(x, t_x, age)
    fit_s = time.perf_counter() - began
    repeat = (x > 0) & (money > 0)
    spend = GammaGammaFitter().fit(x[repeat], money[repeat])
    clv = spend.customer_lifetime_value(fitted, x, t_x, age, money, time=12, freq="W")
    return {
        **fitted.params_.to_dict(),
        "fit_s": fit_s,
        "summary_s": summary_s,
        "predicted": fitted.predict(horizon, x, t_x, age).to_numpy(),
        "frequency": x.to_numpy(),
        "recency": t_x.to_numpy(),
        "T": age.to_numpy(),
        "clv": clv.to_numpy(),
        **{name: spend.params_[name] for name in TRUE_SPEND},
    }


# Scale


def _simulate(customers: int, seed: int) -> tuple[_Orders, float]:
    """Order rows (times in hours) of a BG/NBD + Gamma-Gamma population; and `now`."""
    rng = np.random.default_rng(seed)
    r, alpha, a, b = TRUE_BGNBD.values()
    weeks_now = 78.0
    born = rng.uniform(0.0, 52.0, customers)
    age = weeks_now - born
    reachable = rng.poisson(rng.gamma(r, 1.0 / alpha, customers) * age)
    x = np.minimum(reachable, rng.geometric(rng.beta(a, b, customers)))
    last = np.where(x > 0, age * rng.beta(np.maximum(x, 1), reachable - x + 1), 0.0)
    owner = np.repeat(np.arange(customers), x)
    rank = np.arange(owner.size) - np.repeat(np.cumsum(x) - x, x)
    repeat_at = np.where(rank == x[owner] - 1, 1.0, rng.random(owner.size)) * last[owner]
    customer = np.concatenate([np.arange(customers), owner])
    weeks = np.concatenate([born, born[owner] + repeat_at])
    p, q, v = TRUE_SPEND.values()
    nu = rng.gamma(q, 1.0 / v, customers)
    value = rng.gamma(p, 1.0 / nu[customer])
    value[rng.random(customers)[customer] < 0.01] *= -1.0  # 1% of customers refund more
    hours = weeks * HOURS_PER_WEEK
    return _Orders(customer, hours, value), weeks_now * HOURS_PER_WEEK


def _scale(customers: int, seed: int) -> dict[str, object]:
    timings: dict[str, tuple[float, float]] = {}

    def timed(step: str, work: Callable[[], T]) -> T:
        began, cpu = time.perf_counter(), time.process_time()
        result = work()
        timings[step] = (time.perf_counter() - began, time.process_time() - cpu)
        return result

    orders, now = timed("simulate", lambda: _simulate(customers, seed))
    summary = timed(
        "summarise",
        lambda: summarise(orders.customer, orders.time, orders.value, now, unit=HOURS_PER_WEEK),
    )
    x, t_x, age, money = summary.frequency, summary.recency, summary.T, summary.monetary_value
    bgnbd = timed("bgnbd", lambda: fit_bgnbd(x, t_x, age))
    spend = timed("spend", lambda: fit_gamma_gamma(x, money))
    forecast = timed("predict", lambda: predict_clv(summary, periods_per_month=WEEKS_PER_MONTH))
    return {
        "orders": int(orders.customer.size),
        "customers": len(summary),
        "repeat": int(np.count_nonzero(x > 0)),
        "timings": timings,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "method": str(forecast.method),
        "reason": forecast.reason,
        "bgnbd": _fitted(bgnbd),
        "spend": {n: getattr(spend, n) for n in TRUE_SPEND},
        "optimisers": f"BG/NBD {bgnbd.optimiser}, Gamma-Gamma {spend.optimiser}",
        "rows": len(forecast),
    }


def _fitted(params: BgNbdParams) -> dict[str, float]:
    return {name: float(getattr(params, name)) for name in TRUE_BGNBD}


def _print_scale(customers: int, seed: int) -> None:
    child = [sys.executable, __file__, "--part", "scale-child", "--customers", str(customers)]
    out = subprocess.run([*child, "--seed", str(seed)], check=True, capture_output=True, text=True)
    got = json.loads(out.stdout)
    print(
        f"## Scale: {got['customers']:,} synthetic customers, {got['orders']:,} orders "
        f"({got['repeat']:,} repeat customers), seed {seed}\n"
    )
    print("| step | seconds | CPU seconds |\n|---|---|---|")
    for label, key in [
        ("simulate (numpy)", "simulate"),
        ("summarise order rows", "summarise"),
        ("fit BG/NBD", "bgnbd"),
        ("fit Gamma-Gamma", "spend"),
        ("predict_clv (both fits + 12-month discounted forecast)", "predict"),
    ]:
        wall, cpu = got["timings"][key]
        print(f"| {label} | {wall:.2f} | {cpu:.2f} |")
    print(
        f"\nPeak RSS of the child process: {got['peak_mib']:,.0f} MiB. "
        f"predict_clv: {got['method']}, {got['rows']:,} rows; {got['reason']}. "
        f"Optimisers: {got['optimisers']}.\n"
    )
    print("| parameter | true | recovered | error |\n|---|---|---|---|")
    truth = {**TRUE_BGNBD, **TRUE_SPEND}
    recovered = {**got["bgnbd"], **got["spend"]}
    for name, true in truth.items():
        error = (recovered[name] - true) / true
        print(f"| {name} | {true:g} | {recovered[name]:.4f} | {error:+.2%} |")


if __name__ == "__main__":
    main()
