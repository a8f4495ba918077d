"""Webhook signature checks: base64 HMAC-SHA256 of the raw body, compared in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac


def sign(secret: str, raw_body: bytes) -> str:
    """The signature both Shopify and WooCommerce send: base64(HMAC-SHA256(secret, body))."""
    digest = hmac.new(secret.encode(), raw_body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def _matches(secret: str | None, raw_body: bytes, header_value: str | None) -> bool:
    if not secret or not header_value:
        return False
    expected = sign(secret, raw_body).encode()
    # Bytes, not str: compare_digest refuses non-ASCII text, and a header may hold any.
    return hmac.compare_digest(expected, header_value.strip().encode("utf-8", "replace"))


def verify_shopify(secret: str | None, raw_body: bytes, header_value: str | None) -> bool:
    """True when X-Shopify-Hmac-Sha256 signs exactly these bytes with the shop's secret."""
    return _matches(secret, raw_body, header_value)


def verify_woocommerce(secret: str | None, raw_body: bytes, header_value: str | None) -> bool:
    """True when X-WC-Webhook-Signature signs exactly these bytes with the webhook's secret."""
    return _matches(secret, raw_body, header_value)


__all__ = ["sign", "verify_shopify", "verify_woocommerce"]
