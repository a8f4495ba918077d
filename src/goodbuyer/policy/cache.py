"""Compiled policies kept in the process (pure): a compiled version never changes, so it
is kept for good (bounded); which version is active is kept for a few seconds, so that an
activation in another process is seen within them and one in this process at once."""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable

from goodbuyer.risk.compiled import CompiledPolicy

ACTIVE_TTL_SECONDS = 5.0
MAX_COMPILED = 256


class PolicyCache:
    def __init__(
        self,
        ttl: float = ACTIVE_TTL_SECONDS,
        size: int = MAX_COMPILED,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl, self._size, self._clock = ttl, size, clock
        self._active: dict[uuid.UUID, tuple[float, int]] = {}
        self._compiled: OrderedDict[tuple[uuid.UUID, int], CompiledPolicy] = OrderedDict()
        self._lock = threading.Lock()

    def active(self, shop_id: uuid.UUID) -> int | None:
        """The shop's active version number, if looked up in the last seconds."""
        entry = self._active.get(shop_id)
        if entry is None or entry[0] < self._clock():
            return None
        return entry[1]

    def remember_active(self, shop_id: uuid.UUID, version: int) -> None:
        self._active[shop_id] = (self._clock() + self._ttl, version)

    def forget_active(self, shop_id: uuid.UUID) -> None:
        """The shop's active version changed in this process."""
        self._active.pop(shop_id, None)

    def compiled(self, shop_id: uuid.UUID, version: int) -> CompiledPolicy | None:
        with self._lock:
            found = self._compiled.get((shop_id, version))
            if found is not None:
                self._compiled.move_to_end((shop_id, version))
            return found

    def put_compiled(self, shop_id: uuid.UUID, policy: CompiledPolicy) -> None:
        assert policy.version is not None
        with self._lock:
            self._compiled[(shop_id, policy.version)] = policy
            while len(self._compiled) > self._size:
                self._compiled.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._active.clear()
            self._compiled.clear()


__all__ = ["ACTIVE_TTL_SECONDS", "MAX_COMPILED", "PolicyCache"]
