"""The Admin API client against the local fake over HTTP: tags land, Shopify's limits are
waited out, server errors retried, and every refusal said clearly."""

from __future__ import annotations

import httpx
import pytest

from goodbuyer.errors import ExternalServiceError
from goodbuyer.shopify.admin_client import ShopifyAdminClient
from goodbuyer.shopify.resources import ShopAccess
from tests.shopify.conftest import DOMAIN, TOKEN
from tests.shopify.fake_admin import FakeShopifyAdmin

SHOP = ShopAccess(domain=DOMAIN, token=TOKEN)
ORDER = "gid://shopify/Order/5731284920394"


def test_tags_are_added_and_removed(admin: ShopifyAdminClient, fake: FakeShopifyAdmin) -> None:
    admin.add_tags(SHOP, ORDER, ["goodbuyer:confirm", "goodbuyer:no-cod"])
    admin.remove_tags(SHOP, ORDER, ["goodbuyer:confirm"])

    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:no-cod"}
    assert [(c.version, c.mutation, c.tags) for c in fake.calls] == [
        ("2026-07", "tagsAdd", ("goodbuyer:confirm", "goodbuyer:no-cod")),
        ("2026-07", "tagsRemove", ("goodbuyer:confirm",)),
    ]


def test_429_waits_as_long_as_retry_after_says(
    admin: ShopifyAdminClient, fake: FakeShopifyAdmin, waits: list[float]
) -> None:
    fake.fail_next("429")

    admin.add_tags(SHOP, ORDER, ["goodbuyer:vip"])

    assert waits == [2.0]
    assert [c.answer for c in fake.calls] == ["429", "ok"]
    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:vip"}


def test_throttled_waits_until_the_cost_bucket_holds_the_query(
    admin: ShopifyAdminClient, fake: FakeShopifyAdmin, waits: list[float]
) -> None:
    fake.fail_next("throttled")

    admin.add_tags(SHOP, ORDER, ["goodbuyer:vip"])

    assert waits == [pytest.approx(0.1)]
    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:vip"}


def test_server_errors_are_retried_with_growing_pauses(
    admin: ShopifyAdminClient, fake: FakeShopifyAdmin, waits: list[float]
) -> None:
    fake.fail_next("500", "500")

    admin.add_tags(SHOP, ORDER, ["goodbuyer:vip"])

    assert waits == [1.0, 2.0]
    assert [c.answer for c in fake.calls] == ["500", "500", "ok"]


def test_a_server_failing_every_time_is_an_error_after_the_retries(
    admin: ShopifyAdminClient, fake: FakeShopifyAdmin, waits: list[float]
) -> None:
    fake.fail_next("500", "429", "throttled", "500")

    with pytest.raises(ExternalServiceError) as caught:
        admin.add_tags(SHOP, ORDER, ["goodbuyer:vip"])

    assert str(caught.value) == (
        f"Shopify Admin API of {DOMAIN} still failing after 4 attempts: HTTP 500"
    )
    assert len(waits) == 3
    assert fake.tags_of(DOMAIN, ORDER) == set()


def test_user_errors_are_a_refusal(admin: ShopifyAdminClient, fake: FakeShopifyAdmin) -> None:
    fake.fail_next("user_errors")

    with pytest.raises(ExternalServiceError) as caught:
        admin.add_tags(SHOP, ORDER, ["goodbuyer:vip"])

    assert str(caught.value) == f"Shopify refused tagsAdd on {ORDER}: tags: Tags are invalid"
    assert len(fake.calls) == 1


def test_an_unknown_resource_is_a_refusal(admin: ShopifyAdminClient) -> None:
    with pytest.raises(ExternalServiceError, match=r"refused tagsRemove on gid://shopify/Fo/1"):
        admin.remove_tags(SHOP, "gid://shopify/Fo/1", ["goodbuyer:vip"])


def test_a_wrong_token_is_refused_at_once_and_said_so(
    admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    with pytest.raises(ExternalServiceError) as caught:
        admin.add_tags(ShopAccess(DOMAIN, "shpat_wrong"), ORDER, ["goodbuyer:vip"])

    said = str(caught.value)
    assert said.startswith(
        f"Shopify Admin API of {DOMAIN} answered HTTP 401 "
        "(the access token is wrong or revoked: connect the shop again)"
    )
    assert "Invalid API key or access token" in said
    assert "shpat_wrong" not in said
    assert [c.answer for c in fake.calls] == ["401"]


def test_an_unreachable_api_is_retried_then_an_error(waits: list[float]) -> None:
    with httpx.Client(timeout=1) as http:
        admin = ShopifyAdminClient(
            http, base_url="http://127.0.0.1:9/{domain}", retries=1, sleep=waits.append
        )
        with pytest.raises(ExternalServiceError, match="still failing after 2 attempts: Connect"):
            admin.add_tags(SHOP, ORDER, ["goodbuyer:vip"])

    assert waits == [1.0]


def test_the_url_has_the_shop_and_the_version() -> None:
    with httpx.Client() as http:
        admin = ShopifyAdminClient(http, api_version="2026-07")

        assert admin.url(DOMAIN) == f"https://{DOMAIN}/admin/api/2026-07/graphql.json"
