"""Lifetime value: RFM summary, BG/NBD and Gamma-Gamma on CDNOW, and the RFM-tier fallback.

CDNOW data come from the datasets folder of the `lifetimes` dev dependency (the files its
documentation fits); lifetimes itself is imported only to compare predictions.
"""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd
import pytest
from numpy.typing import NDArray

from goodbuyer.customers.bgnbd import (
    BgNbdParams,
    conditional_expected_number_of_purchases_up_to_time,
    fit_bgnbd,
    probability_alive,
)
from goodbuyer.customers.clv import ClvForecast, ClvMethod, predict_clv
from goodbuyer.customers.maximum_likelihood import FitFailed, minimise
from goodbuyer.customers.rfm import PurchaseSummary, summarise
from goodbuyer.customers.spend import conditional_expected_average_profit, fit_gamma_gamma

Vector = NDArray[np.float64]
WEEKS_PER_MONTH = 4.345


def _datasets() -> Path:
    spec = importlib.util.find_spec("lifetimes")  # locates the package without importing it
    assert spec is not None
    assert spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "datasets"


def _cdnow_summary() -> dict[str, Vector]:
    """2,357 CDNOW customers, 39 weeks: x, t_x, T and zbar (mean repeat value)."""
    path = _datasets() / "cdnow_customers_summary_with_transactions.csv"
    table = np.genfromtxt(path, delimiter=",", names=True)
    return {name: np.asarray(table[name], dtype=np.float64) for name in ("x", "t_x", "T", "zbar")}


def _as_summary(cdnow: dict[str, Vector]) -> PurchaseSummary:
    x, m = cdnow["x"], cdnow["zbar"]
    return PurchaseSummary(x, cdnow["t_x"], cdnow["T"], m, historical_value=x * m)


def _lifetimes() -> ModuleType:
    with warnings.catch_warnings():
        # lifetimes 0.11.3 sets a pandas option that pandas 3 deprecated, on import
        warnings.simplefilter("ignore", pd.errors.Pandas4Warning)
        import lifetimes
    return lifetimes


def _customer(frequency: float, recency: float, age: float, money: float) -> tuple[float, ...]:
    return frequency, recency, age, money, money * max(frequency, 1.0)


def _summary(*rows: tuple[float, ...]) -> PurchaseSummary:
    columns = np.array(rows, dtype=np.float64).reshape(-1, 5).T
    return PurchaseSummary(*columns)


# RFM summary


def test_summarise_counts_distinct_purchase_days_and_repeat_value() -> None:
    # given: customer 0 buys twice on day 0, then on day 3 and after `now`; customer 1 once;
    # customer 2 loses money first, then buys; customer 3 never orders
    customer = [0, 0, 0, 1, 2, 2, 0]
    day = [0.2, 0.7, 3.5, 2.0, 1.0, 8.9, 10.5]
    value = [10.0, 5.0, 20.0, 7.0, -3.0, 4.0, 100.0]

    # when
    summary = summarise(customer, day, value, now=10.0, customers=4)

    # then
    assert summary.frequency.tolist() == [1.0, 0.0, 1.0, 0.0]
    assert summary.recency.tolist() == [3.0, 0.0, 7.0, 0.0]
    assert summary.T.tolist() == [10.0, 8.0, 9.0, 0.0]
    assert summary.monetary_value.tolist() == [20.0, 0.0, 4.0, 0.0]
    assert summary.historical_value.tolist() == [35.0, 7.0, 1.0, 0.0]


def test_summarise_takes_weekly_units_from_days() -> None:
    # given: purchases on days 0, 7 and 14, now day 21, in weeks
    # when
    summary = summarise([0, 0, 0], [0.0, 7.0, 14.0], [1.0, 2.0, 4.0], now=21.0, unit=7.0)

    # then
    assert (summary.frequency[0], summary.recency[0], summary.T[0]) == (2.0, 2.0, 3.0)
    assert summary.monetary_value[0] == 3.0


def test_summarise_leaves_out_unusable_orders_but_keeps_every_customer() -> None:
    # given: a NaN value, a NaN time, an infinite time and a negative index
    customer = np.array([0, 0, 1, 1, -1, 2])
    day = np.array([1.0, np.nan, 2.0, np.inf, 3.0, 4.0])
    value = np.array([5.0, 6.0, np.nan, 7.0, 8.0, 9.0])

    # when
    summary = summarise(customer, day, value, now=10.0, customers=3)

    # then
    assert len(summary) == 3
    assert summary.historical_value.tolist() == [5.0, 0.0, 9.0]
    assert summary.T.tolist() == [9.0, 0.0, 6.0]


def test_summarise_of_no_orders_is_empty() -> None:
    summary = summarise([], [], [], now=1.0)

    assert len(summary) == 0


def test_summarise_reproduces_the_published_cdnow_summary() -> None:
    # given: the 2,357 customers' orders (id, day YYYYMMDD, CDs, dollars) up to 1997-09-30
    raw = np.loadtxt(_datasets() / "CDNOW_sample.txt", dtype=np.float64)
    ymd = raw[:, 2].astype(np.int64)
    months = (ymd // 10000 - 1970) * 12 + ymd // 100 % 100 - 1
    days = months.astype("datetime64[M]").astype("datetime64[D]") + (ymd % 100 - 1)
    since = (days - np.datetime64("1997-01-01")).astype(np.float64)

    # when
    summary = summarise(raw[:, 1] - 1, since, raw[:, 4], now=272.0, customers=2357, unit=7.0)

    # then: equal to the summary lifetimes' documentation fits (printed to 2 decimals)
    cdnow = _cdnow_summary()
    assert np.array_equal(summary.frequency, cdnow["x"])
    np.testing.assert_allclose(summary.recency, cdnow["t_x"], atol=0.005)
    np.testing.assert_allclose(summary.T, cdnow["T"], atol=0.005)
    np.testing.assert_allclose(summary.monetary_value, cdnow["zbar"], atol=0.005)


# BG/NBD and Gamma-Gamma on CDNOW


def test_bgnbd_fits_cdnow_to_the_published_parameters() -> None:
    cdnow = _cdnow_summary()

    params = fit_bgnbd(cdnow["x"], cdnow["t_x"], cdnow["T"])

    fitted = [params.r, params.alpha, params.a, params.b]
    np.testing.assert_allclose(fitted, [0.2426, 4.4135, 0.7929, 2.4258], rtol=0.01)
    assert params.customers == 2357


def test_gamma_gamma_fits_cdnow_repeat_customers_to_the_published_parameters() -> None:
    cdnow = _cdnow_summary()

    params = fit_gamma_gamma(cdnow["x"], cdnow["zbar"])

    np.testing.assert_allclose([params.p, params.q, params.v], [6.2488, 3.7446, 15.4477], rtol=0.01)
    assert params.customers == 946


def test_predictions_on_cdnow_agree_with_lifetimes() -> None:
    # given: both libraries fitted to the same customers
    cdnow = _cdnow_summary()
    x, t_x, age, m = cdnow["x"], cdnow["t_x"], cdnow["T"], cdnow["zbar"]
    ours, spend = fit_bgnbd(x, t_x, age), fit_gamma_gamma(x, m)
    lifetimes = _lifetimes()
    theirs = lifetimes.BetaGeoFitter().fit(x, t_x, age)
    repeat = (x > 0) & (m > 0)
    their_spend = lifetimes.GammaGammaFitter().fit(x[repeat], m[repeat])

    # when / then
    for weeks in (1.0, 10.0, 39.0, 104.0):
        np.testing.assert_allclose(
            conditional_expected_number_of_purchases_up_to_time(ours, weeks, x, t_x, age),
            theirs.conditional_expected_number_of_purchases_up_to_time(weeks, x, t_x, age),
            rtol=1e-4,
        )
    np.testing.assert_allclose(
        probability_alive(ours, x, t_x, age),
        theirs.conditional_probability_alive(x, t_x, age),
        rtol=1e-4,
    )
    np.testing.assert_allclose(
        conditional_expected_average_profit(spend, x, m),
        their_spend.conditional_expected_average_profit(x, m),
        rtol=1e-4,
    )


def test_predict_clv_on_cdnow_agrees_with_lifetimes_customer_lifetime_value() -> None:
    # given
    cdnow = _cdnow_summary()
    x, t_x, age, m = (pd.Series(cdnow[name]) for name in ("x", "t_x", "T", "zbar"))
    lifetimes = _lifetimes()
    purchases = lifetimes.BetaGeoFitter().fit(x, t_x, age)
    spend = lifetimes.GammaGammaFitter().fit(x[x > 0], m[x > 0])
    theirs = spend.customer_lifetime_value(
        purchases, x, t_x, age, m, time=12, discount_rate=0.01, freq="W"
    )

    # when
    forecast = predict_clv(_as_summary(cdnow), periods_per_month=WEEKS_PER_MONTH)

    # then
    assert forecast.method is ClvMethod.BGNBD_GAMMA_GAMMA
    assert forecast.reason.startswith("fitted on 2,357 customers (946 repeat")
    assert len(forecast) == 2357
    np.testing.assert_allclose(forecast.clv, theirs, rtol=1e-4)
    np.testing.assert_allclose(
        forecast.expected_purchases, purchases.predict(12 * WEEKS_PER_MONTH, x, t_x, age), rtol=1e-4
    )


def test_net_negative_customers_keep_their_own_mean_and_stay_out_of_gamma_gamma() -> None:
    # given: three CDNOW repeat customers whose repeat orders were refunded beyond revenue
    cdnow = _cdnow_summary()
    repeat = np.flatnonzero(cdnow["x"] > 0)[:3]
    cdnow["zbar"][repeat] = [-12.0, 0.0, -3.5]

    # when
    forecast = predict_clv(_as_summary(cdnow), periods_per_month=WEEKS_PER_MONTH)

    # then
    assert forecast.method is ClvMethod.BGNBD_GAMMA_GAMMA
    assert forecast.gamma_gamma is not None
    assert forecast.gamma_gamma.customers == 943
    assert forecast.spend_per_purchase[repeat].tolist() == [-12.0, 0.0, -3.5]
    assert forecast.net_negative.sum() == 3
    assert forecast.net_negative[repeat].all()
    assert forecast.clv[repeat[0]] < 0
    assert forecast.clv[repeat[1]] == 0.0
    assert forecast.clv[repeat[2]] < 0


def test_bgnbd_refuses_data_without_repeat_purchases() -> None:
    with pytest.raises(FitFailed, match="no repeat purchases"):
        fit_bgnbd([0.0, 0.0], [0.0, 0.0], [5.0, 9.0])


def test_probability_alive_is_one_without_repeat_purchases_and_falls_with_silence() -> None:
    params = BgNbdParams(0.24, 4.4, 0.79, 2.4, mean_log_likelihood=0.0, customers=1, optimiser="")

    alive = probability_alive(params, [0.0, 3.0, 3.0], [0.0, 30.0, 2.0], [38.0, 38.0, 38.0])

    # 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x))
    assert alive[0] == 1.0
    assert alive[1] == pytest.approx(1 / (1 + 0.79 / 4.4 * (42.4 / 34.4) ** 3.24), rel=1e-12)
    assert alive[2] == pytest.approx(1 / (1 + 0.79 / 4.4 * (42.4 / 6.4) ** 3.24), rel=1e-12)
    assert alive[2] < 0.02  # long silent after the last purchase: probably gone


# Robustness: the fallback, and optimisers that stop short


def _check_one_row_each(forecast: ClvForecast, customers: int) -> None:
    columns = (forecast.expected_purchases, forecast.spend_per_purchase, forecast.clv)
    assert all(column.shape == (customers,) for column in columns)
    assert all(np.isfinite(column).all() for column in columns)


@pytest.mark.parametrize(
    ("summary", "reason"),
    [
        pytest.param(_summary(), "no customers", id="empty"),
        pytest.param(_summary(_customer(3, 20, 30, 10)), "too few repeat", id="one customer"),
        pytest.param(
            _summary(*[_customer(0, 0, age, 10) for age in (5, 9, 30)]),
            "too few repeat customers with positive spend: 0 < 10",
            id="all frequency 0",
        ),
        pytest.param(
            _summary(*[_customer(1 + n % 4, 5 + n % 3, 10 + n, -4 - n) for n in range(20)]),
            "too few repeat customers with positive spend: 0",
            id="all net-negative",
        ),
        pytest.param(
            _summary(_customer(np.nan, 1, 2, 3), _customer(1, np.inf, 9, 2), _customer(1, 9, 5, 1)),
            "3 customers with unusable history taken as new",
            id="NaN, infinite and recency after T",
        ),
    ],
)
def test_predict_clv_falls_back_to_rfm_tiers_and_says_why(
    summary: PurchaseSummary, reason: str
) -> None:
    forecast = predict_clv(summary, periods_per_month=30.0)

    assert forecast.method is ClvMethod.RFM_TIER
    assert forecast.reason.startswith("fallback to RFM tiers")
    assert reason in forecast.reason
    assert forecast.bgnbd is None
    assert forecast.gamma_gamma is None
    _check_one_row_each(forecast, len(summary))


def test_rfm_tier_projects_the_tiers_value_per_period_over_the_discounted_horizon() -> None:
    # given: two like customers, 2 repeat purchases of 10 each in 20 days: 1.0 a day
    summary = _summary(_customer(2, 15, 20, 10), _customer(2, 15, 20, 10))

    # when
    forecast = predict_clv(summary, periods_per_month=30.0, months=12, monthly_discount=0.01)

    # then
    discounts = sum(1.01**-month for month in range(1, 13))
    np.testing.assert_allclose(forecast.clv, [30.0 * discounts] * 2, rtol=1e-12)
    np.testing.assert_allclose(forecast.expected_purchases, [36.0, 36.0], rtol=1e-12)
    assert forecast.spend_per_purchase.tolist() == [10.0, 10.0]


def test_predict_clv_from_orders_with_nan_keeps_one_row_per_customer() -> None:
    # given: 40 customers' orders, some with NaN values or times
    rng = np.random.default_rng(3)
    customer = rng.integers(0, 40, 200)
    day = rng.uniform(0.0, 100.0, 200)
    value = rng.gamma(2.0, 20.0, 200)
    day[::17], value[::13] = np.nan, np.nan

    # when
    forecast = predict_clv(
        summarise(customer, day, value, 100.0, customers=40), periods_per_month=30.0
    )

    # then
    assert forecast.method in (ClvMethod.BGNBD_GAMMA_GAMMA, ClvMethod.RFM_TIER)
    _check_one_row_each(forecast, 40)


def test_minimise_finishes_with_nelder_mead_when_l_bfgs_b_stops_short() -> None:
    # given: a bowl whose reported gradient points the wrong way
    def misleading(x: Vector) -> tuple[float, Vector]:
        return float(np.sum((x - 1.0) ** 2)), -2.0 * (x - 1.0)

    # when
    optimum = minimise(misleading, np.zeros(2))

    # then
    assert optimum.optimiser.startswith("Nelder-Mead")
    np.testing.assert_allclose(optimum.log_params, [1.0, 1.0], atol=1e-4)


def test_minimise_refuses_a_likelihood_that_is_never_finite() -> None:
    def overflowing(x: Vector) -> tuple[float, Vector]:
        return 1e100, np.zeros_like(x)

    with pytest.raises(FitFailed, match="not converged"):
        minimise(overflowing, np.zeros(3))
