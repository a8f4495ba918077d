"""Predicted customer lifetime value of one shop: BG/NBD + Gamma-Gamma, else RFM tiers.

`predict_clv` never raises for the data: when a model cannot be fitted it falls back to
empirical RFM tiers and says so (`method`, `reason`). Spend per future purchase:

- repeat customers with a positive mean repeat value: Gamma-Gamma's expectation;
- net-negative customers (mean repeat value <= 0, or a single purchase < 0): their own mean,
  not floored, so a customer who costs money keeps a negative forecast (left out of the
  Gamma-Gamma fit, which has no room for such values);
- everyone else (one purchase >= 0, or no usable order): the Gamma-Gamma population mean.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from goodbuyer.customers.bgnbd import (
    BgNbdParams,
    conditional_expected_number_of_purchases_up_to_time,
    fit_bgnbd,
)
from goodbuyer.customers.maximum_likelihood import FitFailed
from goodbuyer.customers.rfm import PurchaseSummary, tier_rates
from goodbuyer.customers.spend import (
    GammaGammaParams,
    conditional_expected_average_profit,
    fit_gamma_gamma,
)
from goodbuyer.customers.statuses import ClvMethod

Vector = NDArray[np.float64]
Flags = NDArray[np.bool_]


@dataclass(frozen=True)
class ClvForecast:
    """One value per customer in the order of the summary; money in the orders' currency."""

    method: ClvMethod
    reason: str  # why this method: the fit's size, or why the models could not be used
    months: int
    monthly_discount: float
    expected_purchases: Vector  # repeat purchases over the horizon
    spend_per_purchase: Vector  # expected net value of each
    clv: Vector  # discounted net value of the horizon's purchases
    historical_value: Vector  # net value of the orders so far
    net_negative: Flags  # spend taken from the customer's own (<= 0) history
    bgnbd: BgNbdParams | None
    gamma_gamma: GammaGammaParams | None

    def __len__(self) -> int:
        return int(self.clv.size)


@dataclass(frozen=True)
class _Horizon:
    months: int
    monthly_discount: float
    periods_per_month: float

    def discount(self, month: int) -> float:
        return float((1.0 + self.monthly_discount) ** -month)


def predict_clv(
    summary: PurchaseSummary,
    *,
    periods_per_month: float,
    months: int = 12,
    monthly_discount: float = 0.01,
    penalizer: float = 0.0,
    spend_penalizer: float = 0.0,
) -> ClvForecast:
    """Fit both models to one shop's customers and forecast `months` ahead.

    `periods_per_month` is the number of summary time units in a month (4.345 for weeks,
    30 for days, like lifetimes' `customer_lifetime_value`); cash flows of month k are
    discounted by (1 + monthly_discount) ** k.
    """
    horizon = _Horizon(months, monthly_discount, periods_per_month)
    clean, unusable = _sanitised(summary)
    note = f"; {unusable:,} customers with unusable history taken as new" if unusable else ""
    try:
        # Gamma-Gamma first: its data check (enough repeat customers) is the stricter one.
        spend = fit_gamma_gamma(clean.frequency, clean.monetary_value, penalizer=spend_penalizer)
        bgnbd = fit_bgnbd(clean.frequency, clean.recency, clean.T, penalizer=penalizer)
        return _model_forecast(clean, horizon, bgnbd, spend, note)
    except FitFailed as failure:
        return _tier_forecast(clean, horizon, f"fallback to RFM tiers: {failure.detail}{note}")


def _model_forecast(
    summary: PurchaseSummary,
    horizon: _Horizon,
    bgnbd: BgNbdParams,
    spend: GammaGammaParams,
    note: str,
) -> ClvForecast:
    net_negative = _net_negative(summary)
    modelled = conditional_expected_average_profit(
        spend, summary.frequency, np.where(summary.frequency > 0, summary.monetary_value, 0.0)
    )
    per_purchase = np.where(net_negative, _own_mean(summary), modelled)
    purchases, clv, broken = _discounted(bgnbd, summary, per_purchase, horizon)
    if np.any(broken):
        raise FitFailed(
            f"BG/NBD predictions out of range for {np.count_nonzero(broken):,} customers (r="
            f"{bgnbd.r:.4g}, alpha={bgnbd.alpha:.4g}, a={bgnbd.a:.4g}, b={bgnbd.b:.4g})"
        )
    repeat = np.count_nonzero(summary.frequency > 0)
    reason = (
        f"fitted on {len(summary):,} customers ({repeat:,} repeat, {spend.customers:,} "
        f"with positive repeat spend; {np.count_nonzero(net_negative):,} net-negative){note}"
    )
    return ClvForecast(
        ClvMethod.BGNBD_GAMMA_GAMMA,
        reason,
        horizon.months,
        horizon.monthly_discount,
        purchases,
        per_purchase,
        clv,
        summary.historical_value,
        net_negative,
        bgnbd,
        spend,
    )


def _discounted(
    bgnbd: BgNbdParams, summary: PurchaseSummary, per_purchase: Vector, horizon: _Horizon
) -> tuple[Vector, Vector, Flags]:
    """Purchases over the horizon, their value month by month discounted, and which are wrong.

    The Gauss hypergeometric function loses its way for extreme parameters (a fit at the
    edge of the search space), so each cumulative forecast is checked: finite, growing,
    and below the no-drop-out bound (r + x) t / (alpha + T).
    """
    x, t_x, age = summary.frequency, summary.recency, summary.T
    so_far, clv = np.zeros(len(summary)), np.zeros(len(summary))
    broken = np.zeros(len(summary), dtype=np.bool_)
    for month in range(1, horizon.months + 1):
        t = month * horizon.periods_per_month
        cumulative = conditional_expected_number_of_purchases_up_to_time(bgnbd, t, x, t_x, age)
        ceiling = (bgnbd.r + x) * t / (bgnbd.alpha + age)
        with np.errstate(invalid="ignore", over="ignore"):  # NaN and inf end up in `broken`
            broken |= ~(np.isfinite(cumulative) & (cumulative >= so_far - 1e-9))
            broken |= cumulative > ceiling * (1.0 + 1e-6) + 1e-9
            clv += per_purchase * (cumulative - so_far) * horizon.discount(month)
        so_far = cumulative
    return so_far, clv, broken


def _tier_forecast(summary: PurchaseSummary, horizon: _Horizon, reason: str) -> ClvForecast:
    rates = tier_rates(summary)
    monthly_value = rates.value_per_unit * horizon.periods_per_month
    discounts = sum(horizon.discount(month) for month in range(1, horizon.months + 1))
    purchases = rates.purchases_per_unit * horizon.periods_per_month * horizon.months
    return ClvForecast(
        ClvMethod.RFM_TIER,
        reason,
        horizon.months,
        horizon.monthly_discount,
        purchases,
        _own_mean(summary),
        monthly_value * discounts,
        summary.historical_value,
        _net_negative(summary),
        None,
        None,
    )


def _own_mean(summary: PurchaseSummary) -> Vector:
    """Mean value of the repeat purchases, or of the single purchase."""
    own = np.where(summary.frequency > 0, summary.monetary_value, summary.historical_value)
    return np.asarray(own, dtype=np.float64)


def _net_negative(summary: PurchaseSummary) -> Flags:
    repeat = summary.frequency > 0
    return np.asarray(
        np.where(repeat, summary.monetary_value <= 0, summary.historical_value < 0), np.bool_
    )


def _sanitised(summary: PurchaseSummary) -> tuple[PurchaseSummary, int]:
    """Rows that are not finite or not consistent become customers with no history."""
    fields = [
        np.asarray(v, dtype=np.float64).ravel()
        for v in (summary.frequency, summary.recency, summary.T)
    ]
    money = [
        np.asarray(v, dtype=np.float64).ravel()
        for v in (summary.monetary_value, summary.historical_value)
    ]
    x, t_x, age = fields
    with np.errstate(invalid="ignore"):
        usable = np.all(np.isfinite(np.stack(fields + money)), axis=0)
        usable &= (x >= 0) & (t_x >= 0) & (t_x <= age)
    cleaned = [np.where(usable, v, 0.0) for v in fields + money]
    return PurchaseSummary(*cleaned), int(np.count_nonzero(~usable))


__all__ = ["ClvForecast", "ClvMethod", "predict_clv"]
