"""The fitted triage model: the n-gram idf and one head per output, stored in one small
`.npz` file inside the package (written by `goodbuyer triage train`)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from goodbuyer.support.triage.heads import Head

MODEL_NAME = "model.npz"
_lock = threading.Lock()
_loaded: dict[str, TriageModel] = {}


@dataclass(frozen=True)
class TriageModel:
    idf: npt.NDArray[np.float32]
    heads: dict[str, Head]


def model_path() -> Path:
    """Where the packaged model lives (the source tree in an editable install)."""
    return Path(str(resources.files("goodbuyer.support.triage") / "data" / MODEL_NAME))


def save_model(model: TriageModel, path: Path) -> None:
    arrays: dict[str, npt.NDArray[np.generic]] = {"idf": model.idf.astype(np.float16)}
    for name, head in model.heads.items():
        arrays[f"{name}.weights"] = head.weights.astype(np.float16)
        arrays[f"{name}.bias"] = head.bias
        arrays[f"{name}.classes"] = np.array(head.classes)
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


def _read(path: Path) -> TriageModel:
    with np.load(path, allow_pickle=False) as data:
        names = sorted({key.split(".")[0] for key in data.files if key != "idf"})
        heads = {
            name: Head(
                tuple(str(c) for c in data[f"{name}.classes"]),
                data[f"{name}.weights"].astype(np.float32),
                data[f"{name}.bias"].astype(np.float32),
            )
            for name in names
        }
        return TriageModel(data["idf"].astype(np.float32), heads)
