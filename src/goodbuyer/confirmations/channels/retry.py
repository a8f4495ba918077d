"""Retries of transient provider failures with exponential backoff, inside one send."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from goodbuyer.confirmations.channels.base import ChannelError

_log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Backoff:
    """How often and how patiently a channel retries a transient failure."""

    attempts: int = 4  # calls in all, the first one included
    first_delay: float = 0.5  # seconds before the second call; doubles each time
    max_delay: float = 8.0
    sleep: Callable[[float], None] = time.sleep  # injected: tests do not wait

    def delays(self) -> list[float]:
        return [min(self.first_delay * 2**i, self.max_delay) for i in range(self.attempts - 1)]


def with_retries(call: Callable[[], T], backoff: Backoff, what: str) -> T:
    """`call()`, again after each retryable ChannelError until the attempts run out."""
    for delay in backoff.delays():
        try:
            return call()
        except ChannelError as exc:
            if not exc.retryable:
                raise
            _log.warning("%s failed (%s); retrying in %.1fs", what, exc.detail, delay)
        backoff.sleep(delay)
    return call()


__all__ = ["Backoff", "with_retries"]
