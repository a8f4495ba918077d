"""The confirmation page's guards: a signed per-render form nonce (forms are only accepted
from a page we rendered for that link) and a fixed-window request limit per key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
from datetime import UTC, datetime, timedelta

_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)  # any fixed instant; only differences matter
FORM_MAX_AGE = timedelta(hours=24)  # a page left open this long must be reloaded
_SKEW = timedelta(minutes=2)


def _minutes(at: datetime) -> int:
    return int((at - _EPOCH).total_seconds() // 60)


def _mac(secret: str, code: str, minutes: int) -> str:
    key = hashlib.sha256(b"confirmation-form:" + secret.encode()).digest()
    digest = hmac.new(key, f"{code}|{minutes}".encode(), hashlib.sha256).digest()[:12]
    return base64.urlsafe_b64encode(digest).decode()


def form_nonce(secret: str, code: str, now: datetime) -> str:
    """A nonce for the forms of one rendered page of one confirmation link."""
    minutes = _minutes(now)
    return f"{minutes}.{_mac(secret, code, minutes)}"


def nonce_ok(secret: str, code: str, nonce: str | None, now: datetime) -> bool:
    """True for a nonce we made for this link's page within FORM_MAX_AGE."""
    minutes_text, _, mac = (nonce or "").partition(".")
    if not minutes_text.isdigit() or not mac:
        return False
    minutes = int(minutes_text)
    if not hmac.compare_digest(mac, _mac(secret, code, minutes)):
        return False
    issued = _EPOCH + timedelta(minutes=minutes)
    return issued - _SKEW <= now <= issued + FORM_MAX_AGE


class RateLimit:
    """At most `limit` requests per key in each `window` (per process: one box, or a
    sticky balancer; each API process keeps its own counts)."""

    def __init__(self, limit: int, window: timedelta = timedelta(minutes=1)) -> None:
        self.limit, self.window = limit, window
        self._counts: dict[str, tuple[datetime, int]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, now: datetime) -> int | None:
        """Count one request; the seconds to wait when it is over the limit, else None."""
        with self._lock:
            start, count = self._counts.get(key, (now, 0))
            if now - start >= self.window or now < start:
                start, count = now, 0
            self._counts[key] = (start, count + 1)
            if len(self._counts) > 100_000:
                self._forget_old(now)
        if count + 1 > self.limit:
            return max(1, int((start + self.window - now).total_seconds() + 0.999))
        return None

    def _forget_old(self, now: datetime) -> None:
        self._counts = {k: v for k, v in self._counts.items() if now - v[0] < self.window}


__all__ = ["FORM_MAX_AGE", "RateLimit", "form_nonce", "nonce_ok"]
