"""The fake Admin API for the Shopify tests, and a client pointed at it that never sleeps
(it notes the waits it was asked for)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from goodbuyer.shopify.admin_client import ShopifyAdminClient
from tests.shopify.fake_admin import FakeServer, FakeShopifyAdmin

DOMAIN = "kauppa.myshopify.com"
TOKEN = "shpat_0123456789abcdef"


@pytest.fixture
def fake() -> Iterator[FakeShopifyAdmin]:
    server = FakeServer(FakeShopifyAdmin(tokens={DOMAIN: TOKEN}))
    yield server.start()
    server.stop()


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def admin(fake: FakeShopifyAdmin, waits: list[float]) -> Iterator[ShopifyAdminClient]:
    with httpx.Client(timeout=5) as http:
        yield ShopifyAdminClient(
            http, api_version="2026-07", base_url=fake.base_url, retries=3, sleep=waits.append
        )
