"""Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV"; Hardie's note 025).

Fitted on repeat customers whose mean repeat order value is positive: the model has no
room for zero or net-negative values, which `clv` handles on its own terms.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import digamma, gammaln  # type: ignore[import-untyped]

from goodbuyer.customers.maximum_likelihood import FitFailed, finite_or_penalty, minimise

Vector = NDArray[np.float64]

# Three parameters; fewer repeat customers than this and the fit is noise.
MIN_REPEAT_CUSTOMERS = 10


@dataclass(frozen=True)
class GammaGammaParams:
    """Order value ~ Gamma(p, nu) per customer, nu ~ Gamma(q, v) across customers."""

    p: float
    q: float
    v: float
    mean_log_likelihood: float  # per repeat customer, penalty excluded
    customers: int  # repeat customers with a positive mean repeat value: the fitted ones
    optimiser: str

    @property
    def population_mean(self) -> float:
        """Expected order value of a customer with no repeat purchases (needs q > 1)."""
        return self.p * self.v / (self.q - 1.0)


def fit_gamma_gamma(
    frequency: ArrayLike,
    monetary_value: ArrayLike,
    *,
    weights: ArrayLike | None = None,
    penalizer: float = 0.0,
) -> GammaGammaParams:
    """Maximum likelihood on the customers with frequency > 0 and monetary value > 0.

    The others are left out (not an error). Raises FitFailed with fewer than
    MIN_REPEAT_CUSTOMERS of them, without convergence, or when q <= 1 (the mean spend of a
    new customer would be infinite).
    """
    x, m, w = _repeat_customers(frequency, monetary_value, weights)
    scale = 1.0 / float(np.average(m, weights=w))  # mean value 1 while fitting
    m = m * scale
    start = np.log([1.0, 2.0, 1.0])
    optimum = minimise(lambda params: _objective(params, x, m, w, penalizer), start)
    p, q, v = np.exp(optimum.log_params)
    if q <= 1.0:
        raise FitFailed(f"Gamma-Gamma q = {q:.3g} <= 1: mean spend of new customers unbounded")
    mean_ll = -_objective(optimum.log_params, x, m, w, 0.0)[0] + float(np.log(scale))
    return GammaGammaParams(
        float(p),
        float(q),
        float(v / scale),
        mean_log_likelihood=mean_ll,
        customers=int(x.size),
        optimiser=optimum.optimiser,
    )


def conditional_expected_average_profit(
    params: GammaGammaParams, frequency: ArrayLike, monetary_value: ArrayLike
) -> Vector:
    """Expected value of each customer's future orders: own mean shrunk to the population's."""
    x = np.asarray(frequency, dtype=np.float64)
    m = np.asarray(monetary_value, dtype=np.float64)
    own_weight = params.p * x / (params.p * x + params.q - 1.0)
    return np.asarray((1.0 - own_weight) * params.population_mean + own_weight * m, np.float64)


def _repeat_customers(
    frequency: ArrayLike, monetary_value: ArrayLike, weights: ArrayLike | None
) -> tuple[Vector, Vector, Vector]:
    x = np.asarray(frequency, dtype=np.float64).ravel()
    m = np.asarray(monetary_value, dtype=np.float64).ravel()
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=np.float64).ravel()
    if not x.size == m.size == w.size:
        raise ValueError("frequency, monetary_value and weights need one value per customer")
    if x.size == 0:
        raise FitFailed("no customers")
    with np.errstate(invalid="ignore"):
        kept = (x > 0) & (m > 0) & np.isfinite(x) & np.isfinite(m) & (w > 0) & np.isfinite(w)
    count = int(np.count_nonzero(kept))
    if count < MIN_REPEAT_CUSTOMERS:
        raise FitFailed(
            f"too few repeat customers with positive spend: {count} < {MIN_REPEAT_CUSTOMERS}"
        )
    return x[kept], m[kept], w[kept]


def _objective(
    log_params: Vector, x: Vector, m: Vector, w: Vector, penalizer: float
) -> tuple[float, Vector]:
    """Mean negative log-likelihood (note 025, eq. 1a) and gradient in log-parameters."""
    params = np.exp(log_params)
    p, q, v = params
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        px, log_xm_v = p * x, np.log(x * m + v)
        ll = (
            gammaln(px + q)
            - gammaln(px)
            - gammaln(q)
            + q * np.log(v)
            + (px - 1.0) * np.log(m)
            + px * np.log(x)
            - (px + q) * log_xm_v
        )
        psi_pxq = digamma(px + q)
        gradient = np.stack(
            [
                x * (psi_pxq - digamma(px) + np.log(m) + np.log(x) - log_xm_v),
                psi_pxq - digamma(q) + np.log(v) - log_xm_v,
                q / v - (px + q) / (x * m + v),
            ]
        )
        total = float(w.sum())
        value = -float(np.sum(w * ll)) / total + penalizer * float(np.sum(params**2))
        grad = (-np.sum(gradient * w, axis=1) / total + 2.0 * penalizer * params) * params
    return finite_or_penalty(value, np.asarray(grad, dtype=np.float64))
