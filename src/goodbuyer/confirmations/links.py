"""Short signed confirmation links (R3.6): `/c/<token>`, where the token carries the
confirmation's random link code, the step that sent it and its expiry, signed with the
installation's secret. Nothing about the order is readable from it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from dataclasses import dataclass
from datetime import UTC, datetime

from goodbuyer.errors import GoodbuyerError

_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_MAC_BYTES = 9
_LAYOUT = struct.Struct(">6sBI")  # link code (6 random bytes), step, expiry (minutes)


@dataclass
class LinkError(GoodbuyerError):
    """The link was altered, is malformed or has expired (the page says which, kindly)."""

    expired: bool = False

    def __post_init__(self) -> None:
        self.status, self.title = 410 if self.expired else 404, "Link not valid"


@dataclass(frozen=True)
class LinkClaims:
    code: str  # Confirmation.link_code
    step: int  # the step whose message carried the link
    expires_at: datetime


def new_link_code() -> str:
    return code_text(secrets.token_bytes(6))


def code_text(code: bytes) -> str:
    return base64.urlsafe_b64encode(code).decode()


def make_token(secret: str, code: str, step: int, expires_at: datetime) -> str:
    minutes = int((expires_at - _EPOCH).total_seconds() // 60)
    body = _LAYOUT.pack(base64.urlsafe_b64decode(code), step, minutes)
    return _b64(body + _mac(secret, body))


def read_token(secret: str, token: str, now: datetime) -> LinkClaims:
    """The claims of a genuine, unexpired token; LinkError otherwise."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (ValueError, TypeError) as e:
        raise LinkError("this link is not one of ours") from e
    body, mac = raw[: _LAYOUT.size], raw[_LAYOUT.size :]
    if len(raw) != _LAYOUT.size + _MAC_BYTES or not hmac.compare_digest(mac, _mac(secret, body)):
        raise LinkError("this link is not one of ours")
    code, step, minutes = _LAYOUT.unpack(body)
    expires_at = datetime.fromtimestamp(_EPOCH.timestamp() + minutes * 60, UTC)
    if now >= expires_at:
        raise LinkError("this link has expired", expired=True)
    return LinkClaims(code=code_text(code), step=step, expires_at=expires_at)


def link_url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/c/{token}"


def _mac(secret: str, body: bytes) -> bytes:
    key = hashlib.sha256(b"confirmation-link:" + secret.encode()).digest()
    return hmac.new(key, body, hashlib.sha256).digest()[:_MAC_BYTES]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


__all__ = ["LinkClaims", "LinkError", "code_text", "link_url", "make_token", "new_link_code",
           "read_token"]  # fmt: skip
