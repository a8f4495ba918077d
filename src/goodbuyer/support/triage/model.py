"""The fitted triage model: the n-gram idf, one head per output (and the sentence head of
`threat_blind`) and the decision thresholds, stored in one small `.npz` file inside the
package (written by `goodbuyer triage train`)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from goodbuyer.support.triage.heads import Head, blend

MODEL_NAME = "model.npz"
_lock = threading.Lock()
_loaded: dict[str, TriageModel] = {}


_META = ("idf", "thresholds")


@dataclass(frozen=True)
class TriageModel:
    idf: npt.NDArray[np.float32]
    heads: dict[str, Head]
    # The probability from which a two-class head says yes: each flag, and "unit" (a
    # sentence carries a threat or abuse, see `threat_blind`). 0.5 when not named.
    thresholds: dict[str, float] = field(default_factory=dict)

    def threshold(self, name: str) -> float:
        return self.thresholds.get(name, 0.5)


def model_path() -> Path:
    """Where the packaged model lives (the source tree in an editable install)."""
    return Path(str(resources.files("goodbuyer.support.triage") / "data" / MODEL_NAME))


def save_model(model: TriageModel, path: Path) -> None:
    arrays: dict[str, npt.NDArray[np.generic]] = {"idf": model.idf.astype(np.float16)}
    for name, head in model.heads.items():
        arrays[f"{name}.weights"] = head.weights.astype(np.float16)
        arrays[f"{name}.bias"] = head.bias
        arrays[f"{name}.classes"] = np.array(head.classes)
        if head.partner is not None:
            arrays[f"{name}.partner_weights"] = head.partner.weights.astype(np.float16)
            arrays[f"{name}.partner_bias"] = head.partner.bias
            arrays[f"{name}.mix"] = np.array(head.mix, dtype=np.float64)
    arrays["thresholds.names"] = np.array(sorted(model.thresholds), dtype=str)
    arrays["thresholds.values"] = np.array(
        [model.thresholds[k] for k in sorted(model.thresholds)], dtype=np.float64
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        np.savez_compressed(f, **arrays)  # type: ignore[arg-type]


def load_model(path: Path | None = None) -> TriageModel:
    """The model at `path` (the packaged one by default), read once per process."""
    target = path or model_path()
    with _lock:
        found = _loaded.get(str(target))
        if found is None:
            found = _read(target)
            _loaded[str(target)] = found
        return found


def _head(data: Any, name: str) -> Head:
    classes = tuple(str(c) for c in data[f"{name}.classes"])
    head = Head(
        classes, data[f"{name}.weights"].astype(np.float32), data[f"{name}.bias"].astype(np.float32)
    )
    if f"{name}.partner_weights" not in data.files:
        return head
    partner = Head(
        classes,
        data[f"{name}.partner_weights"].astype(np.float32),
        data[f"{name}.partner_bias"].astype(np.float32),
    )
    return blend(head, partner, float(data[f"{name}.mix"]))


def _read(path: Path) -> TriageModel:
    with np.load(path, allow_pickle=False) as data:
        names = sorted({key.split(".")[0] for key in data.files} - set(_META))
        heads = {name: _head(data, name) for name in names}
        thresholds: dict[str, float] = {}
        if "thresholds.names" in data.files:
            values = data["thresholds.values"].tolist()
            thresholds = dict(zip(data["thresholds.names"].tolist(), values, strict=True))
        return TriageModel(data["idf"].astype(np.float32), heads, thresholds)
