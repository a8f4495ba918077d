"""Training a learned model on a shop's labelled orders (pure): a split by time (never at
random), gradient boosting on the oldest part, Platt calibration and early stopping on the
next, and the figures of the newest part, which the model never saw.

Orders come oldest first. The split: the oldest TRAIN_SHARE train, the next CALIBRATE_SHARE
calibrate, the newest rest is held out. A training order whose outcome became known only
after the first held-out order was placed is left out, so the held-out figures are what a
model trained at that moment would have scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from goodbuyer.risk.model import Columns, LearnedModel, Matrix, choose_levels, sigmoid
from goodbuyer.risk.model_metrics import evaluate

if TYPE_CHECKING:
    import lightgbm as lgb

TRAIN_SHARE = 0.8
CALIBRATE_SHARE = 0.1
SEED = 20260301
THREADS = 1
PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.1,
    "num_leaves": 7,  # small trees: per-shop data is small, and explaining one order stays fast
    "min_data_in_leaf": 20,
    "lambda_l2": 1.0,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "seed": SEED,
    "deterministic": True,
    "force_col_wise": True,
    "num_threads": THREADS,
    "verbosity": -1,
}
MAX_ROUNDS = 300
EARLY_STOPPING = 30


class NotTrainable(ValueError):
    """Too few labelled orders, or only one outcome among them."""


@dataclass(frozen=True)
class Examples:
    """Labelled orders of one target, oldest first: the fixed columns, the categorical
    levels, the label, when it was placed and when its outcome was known."""

    fixed: Matrix
    cats: list[tuple[str, ...]]
    labels: Matrix
    placed: list[datetime]
    known: list[datetime]

    def __len__(self) -> int:
        return len(self.labels)

    def take(self, rows: Sequence[int] | slice) -> Examples:
        index = np.arange(len(self))[rows]
        pick = index.tolist()
        return Examples(self.fixed[index], [self.cats[i] for i in pick], self.labels[index],
                        [self.placed[i] for i in pick], [self.known[i] for i in pick])  # fmt: skip


@dataclass(frozen=True)
class Fitted:
    model: LearnedModel
    metrics: dict[str, Any]
    training_orders: int


def split(examples: Examples) -> tuple[Examples, Examples, Examples]:
    """(train, calibrate, held out) by time, training outcomes known before the hold-out."""
    n = len(examples)
    a, b = int(n * TRAIN_SHARE), int(n * (TRAIN_SHARE + CALIBRATE_SHARE))
    cutoff = examples.placed[b] if b < n else None
    train = [i for i in range(a) if cutoff is None or examples.known[i] <= cutoff]
    return examples.take(train), examples.take(slice(a, b)), examples.take(slice(b, n))


def fit(target: str, examples: Examples, min_orders: int) -> Fitted:
    """Train, calibrate and measure; raise NotTrainable when the data cannot carry it."""
    _check(examples, min_orders)
    train, calibrate, held_out = split(examples)
    for part, name in ((train, "training"), (calibrate, "calibration"), (held_out, "held-out")):
        if len(set(part.labels.tolist())) < 2:
            raise NotTrainable(f"the {name} orders have a single outcome; more history needed")
    columns = Columns.with_levels(choose_levels(train.cats))
    x_train = columns.matrix(train.fixed, train.cats)
    x_cal = columns.matrix(calibrate.fixed, calibrate.cats)
    booster = _boost(x_train, train.labels, x_cal, calibrate.labels)
    raw = LearnedModel(target, columns, booster)
    model = LearnedModel(target, columns, booster,
                         platt(raw.raw_scores(x_cal), calibrate.labels))  # fmt: skip
    x_test = columns.matrix(held_out.fixed, held_out.cats)
    metrics = {
        "held_out": evaluate(held_out.labels, model.probabilities(x_test)),
        "held_out_uncalibrated": evaluate(held_out.labels, raw.probabilities(x_test)),
        "orders": {"labelled": len(examples), "training": len(train),
                   "calibration": len(calibrate), "held_out": len(held_out)},
        "trained_until": max(train.placed).isoformat(),
        "held_out_from": held_out.placed[0].isoformat(),
        "rounds": booster.best_iteration or booster.current_iteration(),
        "params": {k: v for k, v in PARAMS.items() if k != "verbosity"},
    }  # fmt: skip
    return Fitted(model, metrics, len(train))


def _check(examples: Examples, min_orders: int) -> None:
    if len(examples) < min_orders:
        raise NotTrainable(f"{len(examples)} labelled orders; the policy asks for at least "
                           f"{min_orders} (model.min_training_orders)")  # fmt: skip
    if len(set(examples.labels.tolist())) < 2:
        raise NotTrainable("every labelled order has the same outcome; nothing to learn")


def _boost(x: Matrix, y: Matrix, x_valid: Matrix, y_valid: Matrix) -> lgb.Booster:
    # Imported here: a process that never trains does not load it (1.3 s of imports).
    import lightgbm as lgb

    data = lgb.Dataset(x, y, params={"verbosity": -1}, free_raw_data=True)
    valid = lgb.Dataset(x_valid, y_valid, reference=data)
    return lgb.train(
        PARAMS, data, MAX_ROUNDS, valid_sets=[valid],
        callbacks=[lgb.early_stopping(EARLY_STOPPING, verbose=False)],
    )  # fmt: skip


def platt(raw: Matrix, y: Matrix, iterations: int = 100) -> tuple[float, float]:
    """(a, b) of P = sigmoid(a * raw + b) by Newton's method on the log loss, with Platt's
    smoothed targets so that a small or separable calibration set does not push it to 0
    or 1, and steps halved until the loss goes down."""
    positives = float(y.sum())
    negatives = len(y) - positives
    t = np.where(y == 1, (positives + 1) / (positives + 2), 1 / (negatives + 2))
    ab = np.array([1.0, 0.0])
    loss = _platt_loss(ab, raw, t)
    for _ in range(iterations):
        p = sigmoid(ab[0] * raw + ab[1])
        w = np.maximum(p * (1 - p), 1e-12)
        grad = np.array([np.dot(p - t, raw), np.sum(p - t)])
        hess = np.array([[np.dot(w, raw * raw), np.dot(w, raw)], [np.dot(w, raw), w.sum()]])
        step = np.linalg.solve(hess + 1e-9 * np.eye(2), grad)
        scale = 1.0
        while scale > 1e-6 and _platt_loss(ab - scale * step, raw, t) > loss:
            scale /= 2
        ab = ab - scale * step
        new = _platt_loss(ab, raw, t)
        if loss - new < 1e-12:
            break
        loss = new
    return float(ab[0]), float(ab[1])


def _platt_loss(ab: Matrix, raw: Matrix, t: Matrix) -> float:
    z = ab[0] * raw + ab[1]
    # log(1 + e^z) - t z, written so that no exponential overflows
    return float(np.sum(np.logaddexp(0.0, z) - t * z))


__all__ = ["EARLY_STOPPING", "MAX_ROUNDS", "PARAMS", "SEED", "THREADS", "Examples", "Fitted",
           "NotTrainable", "fit", "platt", "split"]  # fmt: skip
