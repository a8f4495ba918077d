"""A short-lived, bounded cache of authenticated API keys, so that a busy client's key is
looked up once every few seconds instead of on every request. Only successful look-ups
are kept (a flood of wrong keys cannot fill it); a revoked key stops working within the
time to live in other processes, at once in the one that revoked it."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from goodbuyer.shops.schemas import Principal

TTL_SECONDS = 10.0
MAX_ENTRIES = 10_000


class KeyCache:
    def __init__(
        self,
        ttl: float = TTL_SECONDS,
        size: int = MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl, self._size, self._clock = ttl, size, clock
        self._entries: OrderedDict[str, tuple[float, Principal]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, secret: str) -> Principal | None:
        digest = _digest(secret)
        with self._lock:
            entry = self._entries.get(digest)
            if entry is None:
                return None
            if entry[0] < self._clock():
                del self._entries[digest]
                return None
            self._entries.move_to_end(digest)
            return entry[1]

    def put(self, secret: str, principal: Principal) -> None:
        with self._lock:
            self._entries[_digest(secret)] = (self._clock() + self._ttl, principal)
            self._entries.move_to_end(_digest(secret))
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def forget_key(self, key_id: object) -> None:
        """Drop every entry of a key (it was revoked in this process)."""
        with self._lock:
            for digest in [d for d, (_, p) in self._entries.items() if p.key_id == key_id]:
                del self._entries[digest]


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


__all__ = ["MAX_ENTRIES", "TTL_SECONDS", "KeyCache"]
