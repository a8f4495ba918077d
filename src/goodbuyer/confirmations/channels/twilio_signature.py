"""`X-Twilio-Signature` exactly as Twilio computes it: HMAC-SHA1 of the full URL followed
by each form parameter's name and value in sorted order, base64 (pure, no I/O)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit, urlunsplit

HEADER = "X-Twilio-Signature"
Params = Mapping[str, str] | Iterable[tuple[str, str]]


def twilio_signature(auth_token: str, url: str, params: Params) -> str:
    """The signature Twilio sends with a request to `url` carrying form `params`."""
    pairs = sorted(set(params.items() if isinstance(params, Mapping) else params))
    payload = url + "".join(name + value for name, value in pairs)
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def is_valid_signature(auth_token: str, url: str, params: Params, signature: str | None) -> bool:
    """True when `signature` signs this URL and these parameters (compared in constant
    time). Like Twilio's own validator, the URL counts with and without its default port."""
    if not signature or not auth_token:
        return False
    pairs = list(params.items() if isinstance(params, Mapping) else params)
    for candidate in _with_and_without_port(url):
        expected = twilio_signature(auth_token, candidate, pairs)
        if hmac.compare_digest(expected.encode(), signature.encode()):
            return True
    return False


def _with_and_without_port(url: str) -> list[str]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    userinfo = parts.netloc.rpartition("@")[0]
    prefix = f"{userinfo}@" if userinfo else ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    with_port = urlunsplit(parts._replace(netloc=f"{prefix}{host}:{port}"))
    without = urlunsplit(parts._replace(netloc=f"{prefix}{host}"))
    return [url, without, with_port]


__all__ = ["HEADER", "is_valid_signature", "twilio_signature"]
