"""Recency, frequency, monetary value per customer from order rows, and empirical RFM tiers.

Conventions follow `lifetimes.utils.summary_data_from_transaction_data`: orders in the same
period (a day, say) are one purchase; frequency counts repeat purchases (distinct periods
minus one); recency is the time from first to last purchase, T from first purchase to now;
monetary value is the mean value of the repeat purchases (0 without any).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

Vector = NDArray[np.float64]
Indices = NDArray[np.int64]

TIERS_PER_AXIS = 3  # low, middle, high on each of recency, frequency and monetary value


@dataclass(frozen=True)
class PurchaseSummary:
    """One value per customer, in customer-index order; times in the caller's unit."""

    frequency: Vector  # repeat purchases
    recency: Vector  # first to last purchase
    T: Vector  # first purchase to now; 0 for a customer with no usable order
    monetary_value: Vector  # mean net value of the repeat purchases, 0 without any
    historical_value: Vector  # net value of every order so far: lifetime value to date

    def __post_init__(self) -> None:
        fields = (self.frequency, self.recency, self.T, self.monetary_value, self.historical_value)
        if len({v.size for v in fields}) != 1:
            raise ValueError("every field of a PurchaseSummary needs one value per customer")

    def __len__(self) -> int:
        return int(self.frequency.size)


@dataclass(frozen=True)
class TierRates:
    """Fallback forecast: each customer gets the pooled rates of its RFM tier."""

    tier: Indices  # recency * 9 + frequency * 3 + monetary, each 0 (low) .. 2 (high)
    purchases_per_unit: Vector  # repeat purchases per unit of time
    value_per_unit: Vector  # net repeat-purchase value per unit of time


def summarise(
    customer_idx: ArrayLike,
    order_times: ArrayLike,
    order_values: ArrayLike,
    now: float,
    *,
    customers: int | None = None,
    period: float = 1.0,
    unit: float = 1.0,
) -> PurchaseSummary:
    """Per-customer summary of order rows (customer index 0..n-1, time, net value).

    Orders with a non-finite time or value, a negative index or a time after `now` are left
    out; customers without any usable order get zeros. `period` is the width of one
    purchase period and `unit` the unit of recency and T, both in the unit of `order_times`
    (days in, weeks out: period=1, unit=7).
    """
    if not (period > 0 and unit > 0):
        raise ValueError("period and unit must be positive")
    idx, times, values = _usable_orders(customer_idx, order_times, order_values, now, customers)
    n = customers if customers is not None else int(idx.max(initial=-1)) + 1
    bins = np.floor(times / period)
    order = np.lexsort((bins, idx))
    idx, bins, values = idx[order], bins[order], values[order]
    starts = np.flatnonzero(_changes(idx) | _changes(bins))  # one per (customer, period)
    p_idx, p_bin, p_value = idx[starts], bins[starts], np.add.reduceat(values, starts)
    first = np.flatnonzero(_changes(p_idx))
    last = np.append(first[1:], p_idx.size)[: first.size].astype(np.int64) - 1
    who = p_idx[first]
    purchases = np.bincount(p_idx, minlength=n).astype(np.float64)
    total = np.bincount(idx, weights=values, minlength=n).astype(np.float64)
    first_bin, last_bin, first_value = np.zeros(n), np.zeros(n), np.zeros(n)
    first_bin[who], last_bin[who], first_value[who] = p_bin[first], p_bin[last], p_value[first]
    now_bin = np.floor(now / period) if idx.size else 0.0
    frequency = np.maximum(purchases - 1.0, 0.0)
    repeat_value = total - first_value
    monetary = np.divide(repeat_value, frequency, out=np.zeros(n), where=frequency > 0)
    return PurchaseSummary(
        frequency=frequency,
        recency=(last_bin - first_bin) * period / unit,
        T=np.where(purchases > 0, (now_bin - first_bin) * period / unit, 0.0),
        monetary_value=monetary,
        historical_value=total,
    )


def tier_rates(summary: PurchaseSummary, *, floor_age: float = 1.0) -> TierRates:
    """Quantile tiers on recency (time since last purchase), frequency and monetary value.

    A tier's rates are pooled: its repeat purchases (and their net value) over its
    customers' summed ages, each age at least `floor_age` so new customers do not explode.
    """
    since_last = summary.T - summary.recency
    axes = (-since_last, summary.frequency, summary.monetary_value)  # higher is better
    tier = np.zeros(len(summary), dtype=np.int64)
    for axis in axes:
        tier = tier * TIERS_PER_AXIS + _quantile_tier(axis)
    cells = TIERS_PER_AXIS ** len(axes)
    exposure = np.bincount(tier, weights=np.maximum(summary.T, floor_age), minlength=cells)
    purchases = np.bincount(tier, weights=summary.frequency, minlength=cells)
    value = np.bincount(tier, weights=summary.frequency * summary.monetary_value, minlength=cells)
    with np.errstate(divide="ignore", invalid="ignore"):
        purchase_rate = np.where(exposure > 0, purchases / exposure, 0.0)
        value_rate = np.where(exposure > 0, value / exposure, 0.0)
    return TierRates(tier, purchase_rate[tier], value_rate[tier])


def _usable_orders(
    customer_idx: ArrayLike,
    order_times: ArrayLike,
    order_values: ArrayLike,
    now: float,
    customers: int | None,
) -> tuple[Indices, Vector, Vector]:
    raw_idx = np.asarray(customer_idx).ravel()
    times = np.asarray(order_times, dtype=np.float64).ravel()
    values = np.asarray(order_values, dtype=np.float64).ravel()
    if not raw_idx.size == times.size == values.size:
        raise ValueError("customer_idx, order_times and order_values need one value per order")
    idx_float = raw_idx.astype(np.float64)
    limit = np.inf if customers is None else customers
    with np.errstate(invalid="ignore"):
        usable = np.isfinite(times) & np.isfinite(values) & np.isfinite(idx_float)
        usable &= (times <= now) & (idx_float >= 0) & (idx_float < limit)
    return raw_idx[usable].astype(np.int64), times[usable], values[usable]


def _changes(sorted_values: NDArray[np.generic]) -> NDArray[np.bool_]:
    """True where a run of equal values starts."""
    starts = np.ones(sorted_values.size, dtype=np.bool_)
    starts[1:] = sorted_values[1:] != sorted_values[:-1]
    return starts


def _quantile_tier(values: Vector) -> Indices:
    if values.size == 0:
        return np.zeros(0, dtype=np.int64)
    edges = np.quantile(values, np.arange(1, TIERS_PER_AXIS) / TIERS_PER_AXIS)
    return np.searchsorted(edges, values, side="left").astype(np.int64)
