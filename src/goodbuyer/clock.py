"""Time comes from an injected clock, so tests control it and the demo can speed it up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that moves only when told to (tests)."""

    def __init__(self, start: datetime) -> None:
        self._now = ensure_utc(start)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta


class ScaledClock:
    """Real time multiplied by `factor` from `start` (the demo runs hours in minutes)."""

    def __init__(self, factor: float, base: Clock | None = None) -> None:
        self._base = base or SystemClock()
        self._origin = self._base.now()
        self._factor = factor

    def now(self) -> datetime:
        elapsed = self._base.now() - self._origin
        return self._origin + elapsed * self._factor


def ensure_utc(value: datetime) -> datetime:
    """Naive datetimes are refused upstream; stored ones come back naive from SQLite."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


__all__ = ["Clock", "FixedClock", "ScaledClock", "SystemClock", "ensure_utc"]
