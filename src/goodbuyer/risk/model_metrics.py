"""How good a probability is on orders whose outcome is known (pure): ranking (AUC),
accuracy of the probability itself (Brier score, log loss, a calibration table by
deciles), and precision and recall at the thresholds a policy is likely to use."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float64]

THRESHOLDS = (0.3, 0.5)
_EPS = 1e-12


def auc(y: Vector, p: Vector) -> float:
    """Area under the ROC curve: the chance a random positive outranks a random negative
    (ties count half)."""
    positives = int(y.sum())
    negatives = len(y) - positives
    if not positives or not negatives:
        return float("nan")
    ranks = _ranks(p)
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def _ranks(p: Vector) -> Vector:
    """Ranks from 1, tied values sharing the mean of their ranks."""
    _, inverse, counts = np.unique(p, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    mean_rank: Vector = (ends - (counts - 1) / 2.0)[inverse]
    return mean_rank


def brier(y: Vector, p: Vector) -> float:
    return float(np.mean((p - y) ** 2))


def log_loss(y: Vector, p: Vector) -> float:
    q = np.clip(p, _EPS, 1 - _EPS)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def deciles(y: Vector, p: Vector) -> list[dict[str, float]]:
    """Orders sorted by probability in ten groups of (nearly) equal size: how many, the
    mean probability and the share that really ended that way."""
    order = np.argsort(p, kind="stable")
    table = []
    for part in np.array_split(order, 10):
        if len(part):
            table.append({"orders": len(part), "predicted": round(float(p[part].mean()), 4),
                          "observed": round(float(y[part].mean()), 4)})  # fmt: skip
    return table


def at_threshold(y: Vector, p: Vector, threshold: float) -> dict[str, float]:
    flagged = p >= threshold
    hits = float((flagged & (y == 1)).sum())
    return {
        "flagged": int(flagged.sum()),
        "precision": round(hits / float(flagged.sum()), 4) if flagged.any() else 0.0,
        "recall": round(hits / float(y.sum()), 4) if y.any() else 0.0,
    }


def evaluate(y: Vector, p: Vector) -> dict[str, Any]:
    """Every figure above for labels `y` (0/1) and probabilities `p`."""
    return {
        "orders": len(y),
        "base_rate": round(float(y.mean()), 4) if len(y) else 0.0,
        "auc": round(auc(y, p), 4),
        "brier": round(brier(y, p), 5),
        "log_loss": round(log_loss(y, p), 5),
        "deciles": deciles(y, p),
        "thresholds": {str(t): at_threshold(y, p, t) for t in THRESHOLDS},
    }


__all__ = ["THRESHOLDS", "at_threshold", "auc", "brier", "deciles", "evaluate", "log_loss"]
