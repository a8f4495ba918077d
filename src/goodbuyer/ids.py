"""Time-ordered UUIDs (version 7), made in the client so bulk loads need no RETURNING."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0
_MANY = 64  # from this many ids at once, numpy makes them


def new_id() -> uuid.UUID:
    """A UUIDv7 (RFC 9562): 48-bit milliseconds, then a counter and random bits; sortable."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            _counter += 1
            if _counter > 0xFFF:
                _last_ms += 1
                _counter = 0
            ms = _last_ms
        else:
            _last_ms, _counter = ms, 0
        seq = _counter
    rand = int.from_bytes(os.urandom(8), "big") & 0x3FFFFFFFFFFFFFFF
    value = (ms << 80) | (0x7 << 76) | (seq << 64) | (0x2 << 62) | rand
    return uuid.UUID(int=value)


def new_ids(count: int) -> list[uuid.UUID]:
    """`count` UUIDv7s at once, in order, for bulk loads (one clock and one random read)."""
    return [uuid.UUID(int=value) for value in _values(count)]


def new_id_hexes(count: int) -> list[str]:
    """`count` UUIDv7s as 32 hex digits, the form SQLite stores and PostgreSQL accepts."""
    if count < _MANY:
        return [f"{value:032x}" for value in _values(count)]
    return _many_hexes(count)


def _many_hexes(count: int) -> list[str]:
    """The same bits as _values, made as two 64-bit halves by numpy and formatted in one
    call: a bulk load makes millions, and formatting each big int was most of the cost."""
    import numpy as np

    first = _stamps(count)
    stamps = np.arange(first, first + count, dtype=np.uint64)
    halves = np.empty((count, 2), dtype=">u8")
    halves[:, 0] = (
        ((stamps >> np.uint64(12)) << np.uint64(16))
        | np.uint64(0x7000)
        | (stamps & np.uint64(0xFFF))
    )
    noise = np.frombuffer(os.urandom(8 * count), dtype=">u8")
    halves[:, 1] = (noise & np.uint64(0x3FFFFFFFFFFFFFFF)) | np.uint64(0x8000000000000000)
    text = halves.tobytes().hex()
    return [text[start : start + 32] for start in range(0, 32 * count, 32)]


def _values(count: int) -> list[int]:
    first = _stamps(count)
    noise = os.urandom(8 * count)
    return [
        ((stamp >> 12) << 80)
        | (0x7 << 76)
        | ((stamp & 0xFFF) << 64)
        | (0x2 << 62)
        | (int.from_bytes(noise[8 * i : 8 * i + 8], "big") & 0x3FFFFFFFFFFFFFFF)
        for i, stamp in enumerate(range(first, first + count))
    ]


def _stamps(count: int) -> int:
    """Reserve `count` consecutive (milliseconds << 12 | counter) stamps; the first."""
    global _last_ms, _counter
    with _lock:
        # (ms << 12 | counter) counts up by one per id, carrying into the milliseconds
        # exactly as new_id() does when the counter runs out.
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms, _counter = ms, -1
        first = (_last_ms << 12) + _counter + 1
        last = first + count - 1
        if count > 0:
            _last_ms, _counter = last >> 12, last & 0xFFF
    return first


__all__ = ["new_id", "new_id_hexes", "new_ids"]
