"""Classifier heads: multinomial logistic regression on the feature vector, fitted with
L-BFGS (scipy), one head per output (intent, each flag, anger). A head may carry a
partner head whose probabilities it mixes into its own (see `blend`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import optimize, sparse  # type: ignore[import-untyped]

Matrix = Any  # a scipy CSR matrix or a dense array (scipy ships no types)


@dataclass(frozen=True)
class Head:
    """Weights (features x classes) and biases of one softmax head, and optionally a
    partner head over the same features mixed in with weight `mix`."""

    classes: tuple[str, ...]
    weights: npt.NDArray[np.float32]
    bias: npt.NDArray[np.float32]
    partner: Head | None = None
    mix: float = 0.0

    def probabilities(self, features: Matrix) -> npt.NDArray[np.float64]:
        own = _softmax(np.asarray(features @ self.weights, dtype=np.float64) + self.bias)
        if self.partner is None:
            return own
        other = self.partner.probabilities(features)
        mixed: npt.NDArray[np.float64] = (1.0 - self.mix) * own + self.mix * other
        return mixed


def blend(head: Head, partner: Head, mix: float) -> Head:
    """`head` whose probabilities are (1 - mix) of its own plus `mix` of `partner`'s: two
    heads that read the features differently (one with the embedding, one with the
    n-grams alone) err on different messages, and their average errs less."""
    return Head(head.classes, head.weights, head.bias, partner, mix)


def pad_rows(head: Head, rows: int) -> Head:
    """`head` fitted on the first columns of a feature vector, as a head over `rows`
    columns (zero weight on the rest)."""
    weights = np.zeros((rows, len(head.classes)), dtype=np.float32)
    weights[: head.weights.shape[0]] = head.weights
    return Head(head.classes, weights, head.bias)


def fit_head(
    features: sparse.csr_matrix,
    labels: Sequence[str],
    classes: Sequence[str],
    c: float = 10.0,
    balanced: bool = False,
) -> Head:
    """Minimise the (optionally class-balanced) log loss plus ||W||^2 / 2c."""
    n, d = features.shape
    k = len(classes)
    index = {name: i for i, name in enumerate(classes)}
    y = np.zeros((n, k))
    y[np.arange(n), [index[label] for label in labels]] = 1.0
    counts = y.sum(axis=0)
    per_class = n / (k * np.maximum(counts, 1.0)) if balanced else np.ones(k)
    sample = (y * per_class).sum(axis=1, keepdims=True)

    def loss(theta: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        w, b = theta[: d * k].reshape(d, k), theta[d * k :]
        p = _softmax(np.asarray(features @ w) + b)
        value = -float((sample * y * np.log(p + 1e-12)).sum()) + float((w * w).sum()) / (2 * c)
        err = sample * (p - y)
        grad_w = np.asarray(features.T @ err) + w / c
        return value, np.concatenate([grad_w.ravel(), err.sum(axis=0)])

    found = optimize.minimize(
        loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    theta = found.x
    return Head(
        tuple(classes),
        theta[: d * k].reshape(d, k).astype(np.float32),
        theta[d * k :].astype(np.float32),
    )


def _softmax(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: npt.NDArray[np.float64] = e / e.sum(axis=1, keepdims=True)
    return out
