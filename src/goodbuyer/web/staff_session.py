"""Staff sign-in for pages: a signed, expiring, HttpOnly cookie naming an API key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import uuid

COOKIE = "gb_staff"
LIFETIME_SECONDS = 12 * 3600


def sign(key_id: uuid.UUID, secret_key: str, now: float | None = None) -> str:
    expires = int((now if now is not None else time.time()) + LIFETIME_SECONDS)
    payload = f"{key_id}|{expires}"
    return f"{_b64(payload.encode())}.{_mac(payload, secret_key)}"


def verify(token: str | None, secret_key: str, now: float | None = None) -> uuid.UUID | None:
    """The key id in a valid, unexpired token; None for anything else."""
    if not token or "." not in token:
        return None
    encoded, mac = token.rsplit(".", 1)
    try:
        payload = base64.urlsafe_b64decode(encoded.encode()).decode()
        key_id, expires = payload.split("|")
    except ValueError:
        return None
    if not hmac.compare_digest(mac, _mac(payload, secret_key)):
        return None
    if int(expires) < (now if now is not None else time.time()):
        return None
    return uuid.UUID(key_id)


def _mac(payload: str, secret_key: str) -> str:
    digest = hmac.new(secret_key.encode(), payload.encode(), hashlib.sha256).digest()
    return _b64(digest)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode()


__all__ = ["COOKIE", "LIFETIME_SECONDS", "sign", "verify"]
