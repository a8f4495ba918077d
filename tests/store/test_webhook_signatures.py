"""Signature checks of Shopify and WooCommerce webhooks (no database)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from goodbuyer.store.sources.signatures import sign, verify_shopify, verify_woocommerce

SECRET = "shpss_test_secret"
BODY = b'{"id":820982911946154508,"email":"jon@example.com"}'
# Computed independently: printf '%s' BODY | openssl dgst -sha256 -hmac SECRET -binary | base64
EXPECTED = "LnwdZPLBbdjkBwPD/lDL1/rYEGby/GHPtL1aAH6Dxjc="


def test_signature_is_base64_hmac_sha256_of_the_raw_body() -> None:
    assert sign(SECRET, BODY) == EXPECTED


@pytest.mark.parametrize("verify", [verify_shopify, verify_woocommerce], ids=["shopify", "woo"])
def test_the_right_signature_is_accepted(
    verify: Callable[[str | None, bytes, str | None], bool],
) -> None:
    assert verify(SECRET, BODY, EXPECTED) is True
    assert verify(SECRET, BODY, f"  {EXPECTED}\n") is True


@pytest.mark.parametrize(
    ("secret", "body", "header"),
    [
        pytest.param(SECRET, BODY, None, id="missing-header"),
        pytest.param(SECRET, BODY, "", id="empty-header"),
        pytest.param(SECRET, BODY, "bm90IGEgc2lnbmF0dXJl", id="wrong-signature"),
        pytest.param("another_secret", BODY, EXPECTED, id="wrong-secret"),
        pytest.param(None, BODY, EXPECTED, id="shop-without-secret"),
        pytest.param("", BODY, EXPECTED, id="empty-secret"),
        pytest.param(SECRET, BODY.replace(b"jon", b"jim"), EXPECTED, id="tampered-body"),
        pytest.param(SECRET, BODY + b"\n", EXPECTED, id="body-with-extra-newline"),
        pytest.param(SECRET, BODY, EXPECTED.lower(), id="case-changed"),
        pytest.param(SECRET, BODY, "ŁnwdZPLBbdjkBwPD/lDL1/rYEGby/GHPtL1aAH6Dxjc=", id="non-ascii"),
    ],
)
def test_anything_else_is_refused(secret: str | None, body: bytes, header: str | None) -> None:
    assert verify_shopify(secret, body, header) is False
    assert verify_woocommerce(secret, body, header) is False
