"""BG/NBD purchase model (Fader, Hardie and Lee 2005): fit, expected purchases, P(alive).

Times are in one unit throughout (days, weeks): `recency` and `T` of the fit and of every
prediction, and `t`. Conventions follow the `lifetimes` package so figures compare.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import betaln, digamma, expit, gammaln, hyp2f1  # type: ignore[import-untyped]

from goodbuyer.customers.maximum_likelihood import FitFailed, finite_or_penalty, minimise

Vector = NDArray[np.float64]


@dataclass(frozen=True)
class BgNbdParams:
    """Purchase rate ~ Gamma(r, alpha); drop-out after each repeat purchase ~ Beta(a, b)."""

    r: float
    alpha: float
    a: float
    b: float
    mean_log_likelihood: float  # per customer, penalty excluded
    customers: int
    optimiser: str


def fit_bgnbd(
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
    *,
    weights: ArrayLike | None = None,
    penalizer: float = 0.0,
) -> BgNbdParams:
    """Maximum likelihood on (repeat purchases, time of last purchase, age).

    `penalizer` adds penalizer * sum(params**2) on the time-scaled parameters, like
    lifetimes' `penalizer_coef`. Raises FitFailed when the data cannot identify the model
    or the optimiser does not converge.
    """
    x, t_x, age, w = _observations(frequency, recency, T, weights)
    scale = 1.0 / float(age.max())  # the longest-lived customer has age 1 while fitting
    t_x, age = t_x * scale, age * scale
    start = np.log(
        [1.0, float(np.average(age, weights=w)) / (1.0 + np.average(x, weights=w)), 1.0, 1.0]
    )
    optimum = minimise(lambda p: _objective(p, x, t_x, age, w, penalizer), start)
    r, alpha, a, b = np.exp(optimum.log_params)
    mean_ll = -_objective(optimum.log_params, x, t_x, age, w, 0.0)[0]
    return BgNbdParams(
        float(r),
        float(alpha / scale),
        float(a),
        float(b),
        mean_log_likelihood=float(mean_ll),
        customers=int(x.size),
        optimiser=optimum.optimiser,
    )


def conditional_expected_number_of_purchases_up_to_time(
    params: BgNbdParams, t: float, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike
) -> Vector:
    """Expected repeat purchases in the next `t` of each customer (FHL 2005, eq. 10).

    The Gauss hypergeometric term is taken after Euler's transformation, which is the same
    value but stays finite for customers with many purchases. NaN where the formula breaks
    down (a = 1 exactly; scipy's hyp2f1 with parameters in the millions); callers check.
    """
    x, t_x, age = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, T))
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    with np.errstate(all="ignore"):  # breakdowns surface as NaN or inf, for callers to check
        ratio = (alpha + age) / (alpha + age + t)
        hyp = hyp2f1(a + b - 1.0 - r, a - 1.0, a + b + x - 1.0, t / (alpha + age + t))
        unconditional = (a + b + x - 1.0) / (a - 1.0) * (1.0 - ratio ** (a - 1.0) * hyp)
        return np.asarray(unconditional * probability_alive(params, x, t_x, age), np.float64)


def probability_alive(
    params: BgNbdParams, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike
) -> Vector:
    """Probability that each customer has not dropped out (Hardie's note 021)."""
    x, t_x, age = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, T))
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    log_odds_dead = (r + x) * np.log((alpha + age) / (alpha + t_x)) + np.log(
        a / (b + np.maximum(x, 1.0) - 1.0)
    )
    return np.asarray(np.where(x == 0, 1.0, expit(-log_odds_dead)), dtype=np.float64)


def _observations(
    frequency: ArrayLike, recency: ArrayLike, T: ArrayLike, weights: ArrayLike | None
) -> tuple[Vector, Vector, Vector, Vector]:
    x, t_x, age = (np.asarray(v, dtype=np.float64).ravel() for v in (frequency, recency, T))
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    if not x.size == t_x.size == age.size == w.size:
        raise ValueError("frequency, recency, T and weights need one value per customer")
    if x.size == 0:
        raise FitFailed("no customers")
    if not all(np.all(np.isfinite(v)) for v in (x, t_x, age, w)):
        raise FitFailed("non-finite frequency, recency, T or weight")
    if np.any(x < 0) or np.any(t_x < 0) or np.any(t_x > age) or np.any(w < 0):
        raise FitFailed("negative frequency or recency, or recency after T")
    if not np.any((x > 0) & (w > 0)) or not np.any(age > 0):
        raise FitFailed("degenerate data: no repeat purchases")
    return x, t_x, age, w


def _objective(
    log_params: Vector, x: Vector, t_x: Vector, age: Vector, w: Vector, penalizer: float
) -> tuple[float, Vector]:
    """Mean negative log-likelihood and its gradient with respect to the log-parameters."""
    params = np.exp(log_params)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        ll, gradient = _log_likelihood(params, x, t_x, age)
        total = float(w.sum())
        value = -float(np.sum(w * ll)) / total + penalizer * float(np.sum(params**2))
        grad = (-np.sum(gradient * w, axis=1) / total + 2.0 * penalizer * params) * params
    return finite_or_penalty(value, np.asarray(grad, dtype=np.float64))


def _log_likelihood(
    params: Vector, x: Vector, t_x: Vector, age: Vector
) -> tuple[Vector, NDArray[np.float64]]:
    """Per-customer log-likelihood (FHL 2005, eq. 6) and its 4 x n gradient in r, alpha, a, b."""
    r, alpha, a, b = params
    log_age, log_last = np.log(alpha + age), np.log(alpha + t_x)
    repeat = x > 0
    b_x1 = b + np.maximum(x, 1.0) - 1.0
    still_alive = -(r + x) * log_age
    died_after_last = np.where(repeat, np.log(a) - np.log(b_x1) - (r + x) * log_last, -np.inf)
    tail = np.logaddexp(still_alive, died_after_last)
    ll = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + betaln(a, b + x) - betaln(a, b) + tail
    died = np.exp(died_after_last - tail)  # share of the likelihood from "died after t_x"
    alive = 1.0 - died
    psi_ab, psi_abx = digamma(a + b), digamma(a + b + x)
    gradient = np.stack(
        [
            digamma(r + x) - digamma(r) + np.log(alpha) - alive * log_age - died * log_last,
            r / alpha - (r + x) * (alive / (alpha + age) + died / (alpha + t_x)),
            psi_ab - psi_abx + died / a,
            psi_ab - psi_abx + digamma(b + x) - digamma(b) - died / b_x1,
        ]
    )
    return np.asarray(ll, dtype=np.float64), np.asarray(gradient, dtype=np.float64)
