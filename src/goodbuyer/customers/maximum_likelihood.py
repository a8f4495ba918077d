"""Maximum likelihood in log-parameter space, with a second optimiser when the first stops.

GoodbuyerError
└── FitFailed   a model could not be fitted to the data; `detail` says why
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize  # type: ignore[import-untyped]

from goodbuyer.errors import GoodbuyerError

Vector = NDArray[np.float64]
# Mean negative log-likelihood and its gradient, both in log-parameter space.
Objective = Callable[[Vector], tuple[float, Vector]]

# exp(±15) spans 3e-7..3e6: wide enough for any shop once time is scaled to max T = 1,
# narrow enough that gammaln and powers never overflow.
LOG_BOUND = 15.0


@dataclass
class FitFailed(GoodbuyerError):
    """The optimiser did not converge, or the data cannot identify the model."""

    status: int = field(default=422, init=False)
    title: str = field(default="Model not fitted", init=False)


@dataclass(frozen=True)
class Optimum:
    log_params: Vector
    mean_negative_log_likelihood: float
    optimiser: str  # which optimiser produced the accepted point


def minimise(objective: Objective, start: Vector) -> Optimum:
    """L-BFGS-B with the analytic gradient; Nelder-Mead then L-BFGS-B again if it stops short.

    Raises FitFailed when neither converges or the optimum is not finite.
    """
    first = _lbfgsb(objective, start)
    if first.converged:
        return Optimum(first.x, first.value, "L-BFGS-B")
    simplex = _nelder_mead(objective, first.x)
    refined = _lbfgsb(objective, simplex.x)
    attempts = {"Nelder-Mead, L-BFGS-B": refined, "Nelder-Mead": simplex, "L-BFGS-B": first}
    for name, attempt in attempts.items():
        if attempt.converged:
            return Optimum(attempt.x, attempt.value, name)
    # A line search that stalls on a flat ridge or at a bound can still sit at the optimum.
    for name, attempt in sorted(attempts.items(), key=lambda item: item[1].value):
        if attempt.value < _PENALTY and _stationary(objective, attempt.x):
            return Optimum(attempt.x, attempt.value, f"{name} (stopped at a stationary point)")
    raise FitFailed(f"not converged: L-BFGS-B {first.message}; Nelder-Mead {simplex.message}")


def finite_or_penalty(value: float, gradient: Vector) -> tuple[float, Vector]:
    """Steer the optimiser back from parameters where the likelihood overflows."""
    if np.isfinite(value) and np.all(np.isfinite(gradient)):
        return value, gradient
    return _PENALTY, np.zeros_like(gradient)


_PENALTY = 1e100
# Largest gradient component (mean log-likelihood per log-parameter) taken as zero.
_GRADIENT_TOLERANCE = 1e-5


@dataclass(frozen=True)
class _Attempt:
    x: Vector
    value: float
    success: bool
    message: str

    @property
    def converged(self) -> bool:
        finite = bool(np.all(np.isfinite(self.x))) and np.isfinite(self.value)
        return self.success and finite and self.value < _PENALTY


def _lbfgsb(objective: Objective, start: Vector) -> _Attempt:
    options = {"maxiter": 2000, "ftol": 1e-13, "gtol": 1e-8}
    return _run(objective, start, jac=True, method="L-BFGS-B", options=options)


def _nelder_mead(objective: Objective, start: Vector) -> _Attempt:
    def value(log_params: Vector) -> float:
        return objective(log_params)[0]

    options = {"maxiter": 4000, "xatol": 1e-8, "fatol": 1e-12, "adaptive": True}
    return _run(value, start, method="Nelder-Mead", options=options)


def _run(function: Callable[[Vector], object], start: Vector, **how: object) -> _Attempt:
    bounds = [(-LOG_BOUND, LOG_BOUND)] * len(start)
    try:
        result = minimize(function, start, bounds=bounds, **how)
    except (ValueError, ArithmeticError) as exc:
        raise FitFailed(f"optimiser raised {type(exc).__name__}: {exc}") from exc
    x = np.asarray(result.x, dtype=np.float64)
    return _Attempt(x, float(result.fun), bool(result.success), str(result.message))


def _stationary(objective: Objective, x: Vector) -> bool:
    """Gradient zero, except components pushing outwards at a bound."""
    gradient = objective(x)[1]
    outwards = ((x >= LOG_BOUND) & (gradient < 0)) | ((x <= -LOG_BOUND) & (gradient > 0))
    return bool(
        np.max(np.abs(np.where(outwards, 0.0, gradient)), initial=0.0) < _GRADIENT_TOLERANCE
    )
