"""The learned model's inputs and outputs (pure): the columns made from an order's
features, a trained booster with its calibration, a prediction with the features that
moved it most, and the stored form.

Columns: every numeric or boolean feature of the vocabulary as it is; one indicator per
known code of the list-valued ones; one indicator per level of the categorical ones, the
levels chosen from the training orders and stored with the model as column names
(`order.country=FI`). Policy-dependent features (segments, snoozes, the model's own
scores) are left out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from goodbuyer.identity.ghosts import WEIGHTS as GHOST_WEIGHTS
from goodbuyer.policy.statuses import ListSubject
from goodbuyer.risk.features import VOCABULARY, Value

if TYPE_CHECKING:
    import lightgbm as lgb

Matrix = npt.NDArray[np.float64]

TARGETS = ("rto_risk", "return_risk")
EXCLUDED = frozenset({"customer.segments", "customer.snoozed", "model.rto_risk",
                      "model.return_risk"})  # fmt: skip
CATEGORICAL = ("order.payment", "order.country", "order.currency")
_FLAGS = ("refused", "returned_to_origin", "unpaid", "charged_back")
LIST_CODES: dict[str, tuple[str, ...]] = {
    "ghost.signals": tuple(sorted(GHOST_WEIGHTS)),
    "history.flags": _FLAGS + tuple(f"{f}_household" for f in _FLAGS),
    "lists.block": tuple(s.value for s in ListSubject),
    "lists.allow": tuple(s.value for s in ListSubject),
}
NUMERIC = tuple(
    name
    for name, (kind, _) in VOCABULARY.items()
    if kind in (int, float, bool) and name not in EXCLUDED
)
FIXED_COLUMNS = NUMERIC + tuple(f"{n}={c}" for n, codes in LIST_CODES.items() for c in codes)
MIN_LEVEL_ORDERS = 10  # a categorical level needs this many training orders for a column
MAX_LEVELS = 30  # per categorical feature, the most frequent first
TOP_CONTRIBUTIONS = 5
_NUMBER = (bool, int, float)


def fixed_row(features: Mapping[str, Value]) -> list[float]:
    """The numeric and list-indicator columns of one order (missing numbers are NaN)."""
    get = features.get
    row = [float(v) if isinstance(v := get(name), _NUMBER) else math.nan for name in NUMERIC]
    for name, codes in LIST_CODES.items():
        present = features.get(name, ())
        row += [1.0 if code in present else 0.0 for code in codes]  # type: ignore[operator]
    return row


def categories(features: Mapping[str, Value]) -> tuple[str, ...]:
    return tuple(str(features.get(name, "")) for name in CATEGORICAL)


def choose_levels(rows: Iterable[Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """The levels of each categorical feature that get a column: seen often enough in
    training, the most frequent first (ties by name), at most MAX_LEVELS."""
    counts = [Counter[str]() for _ in CATEGORICAL]
    for row in rows:
        for counter, level in zip(counts, row, strict=True):
            counter[level] += 1
    return {
        name: tuple(
            level
            for level, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_LEVELS]
            if n >= MIN_LEVEL_ORDERS and level
        )
        for name, counter in zip(CATEGORICAL, counts, strict=True)
    }


@dataclass(frozen=True)
class Columns:
    """The model's columns in order; categorical levels live in the names."""

    names: tuple[str, ...]
    _level_index: dict[tuple[int, str], int] = field(init=False, repr=False, compare=False)
    features: tuple[str, ...] = field(init=False, repr=False, compare=False)  # without levels
    groups: npt.NDArray[np.intp] = field(init=False, repr=False, compare=False)  # column -> feature

    def __post_init__(self) -> None:
        index = {}
        for i, name in enumerate(self.names[len(FIXED_COLUMNS) :], start=len(FIXED_COLUMNS)):
            feature, level = name.split("=", 1)
            index[(CATEGORICAL.index(feature), level)] = i
        features = tuple(dict.fromkeys(name.split("=", 1)[0] for name in self.names))
        group = {feature: g for g, feature in enumerate(features)}
        groups = np.array([group[name.split("=", 1)[0]] for name in self.names], dtype=np.intp)
        object.__setattr__(self, "_level_index", index)
        object.__setattr__(self, "features", features)
        object.__setattr__(self, "groups", groups)

    @classmethod
    def with_levels(cls, levels: Mapping[str, Sequence[str]]) -> Columns:
        extra = tuple(f"{name}={level}" for name in CATEGORICAL for level in levels.get(name, ()))
        return cls(FIXED_COLUMNS + extra)

    def matrix(self, fixed: Matrix, cats: Sequence[Sequence[str]]) -> Matrix:
        """All columns from the fixed part (one row per order) and each order's levels."""
        out = np.zeros((fixed.shape[0], len(self.names)), dtype=np.float64)
        out[:, : len(FIXED_COLUMNS)] = fixed
        for r, row in enumerate(cats):
            for c, level in enumerate(row):
                i = self._level_index.get((c, level))
                if i is not None:
                    out[r, i] = 1.0
        return out

    def row(self, features: Mapping[str, Value]) -> Matrix:
        """One order's columns (a 1-row matrix)."""
        values = fixed_row(features)
        values += [0.0] * (len(self.names) - len(values))
        for c, level in enumerate(categories(features)):
            i = self._level_index.get((c, level))
            if i is not None:
                values[i] = 1.0
        return np.array(values, dtype=np.float64).reshape(1, -1)


def sigmoid(x: Matrix) -> Matrix:
    out: Matrix = 1.0 / (1.0 + np.exp(-np.clip(x, -500.0, 500.0)))
    return out


@dataclass(frozen=True)
class Prediction:
    probability: float  # calibrated
    raw_probability: float  # the booster's own
    contributions: dict[str, dict[str, Any]]  # feature -> name, value, contribution (log-odds)


@dataclass(frozen=True)
class LearnedModel:
    """A booster over `columns` and its Platt calibration: P = sigmoid(a * raw + b)."""

    target: str
    columns: Columns
    booster: lgb.Booster
    platt: tuple[float, float] = (1.0, 0.0)

    def raw_scores(self, x: Matrix) -> Matrix:
        scores: Matrix = np.asarray(self.booster.predict(x, raw_score=True), dtype=np.float64)
        return scores

    def calibrate(self, raw: Matrix) -> Matrix:
        a, b = self.platt
        return sigmoid(a * raw + b)

    def probabilities(self, x: Matrix) -> Matrix:
        return self.calibrate(self.raw_scores(x))

    def explain(self, features: Mapping[str, Value]) -> Prediction:
        """The probability of one order and the TOP_CONTRIBUTIONS features behind it (SHAP
        values; a categorical's levels summed into the feature)."""
        contrib = np.asarray(
            self.booster.predict(self.columns.row(features), pred_contrib=True, num_threads=1)
        )[0]
        raw = float(contrib.sum())
        a, b = self.platt
        return Prediction(_sigmoid(a * raw + b), _sigmoid(raw), self._top(features, contrib[:-1]))

    def _top(self, features: Mapping[str, Value], contrib: Matrix) -> dict[str, dict[str, Any]]:
        names = self.columns.features
        sums = np.bincount(self.columns.groups, weights=contrib, minlength=len(names))
        top = [int(g) for g in np.argsort(-np.abs(sums), kind="stable")[:TOP_CONTRIBUTIONS]]
        return {
            names[g]: {"name": VOCABULARY[names[g]][1], "value": _plain(features.get(names[g])),
                       "contribution": round(float(sums[g]), 4)}
            for g in top
            if sums[g]
        }  # fmt: skip

    def dumps(self) -> tuple[list[str], bytes, dict[str, Any]]:
        """(feature names, booster bytes, calibration) as the TrainedModel row keeps them."""
        text: str = self.booster.model_to_string()
        calibration = {"method": "platt", "a": self.platt[0], "b": self.platt[1]}
        return list(self.columns.names), text.encode(), calibration

    @classmethod
    def loads(
        cls, target: str, names: Sequence[str], booster: bytes, calibration: Mapping[str, Any]
    ) -> LearnedModel:
        # Imported with the first model: a process without one never loads it (1.3 s).
        import lightgbm as lgb

        loaded = lgb.Booster(model_str=booster.decode())
        platt = (float(calibration.get("a", 1.0)), float(calibration.get("b", 0.0)))
        return cls(target, Columns(tuple(names)), loaded, platt)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-min(max(x, -500.0), 500.0)))


def _plain(value: Value | None) -> Any:
    return list(value) if isinstance(value, tuple) else value


__all__ = [
    "CATEGORICAL", "EXCLUDED", "FIXED_COLUMNS", "LIST_CODES", "NUMERIC", "TARGETS", "Columns",
    "LearnedModel", "Matrix", "Prediction", "categories", "choose_levels", "fixed_row",
    "sigmoid",
]  # fmt: skip
