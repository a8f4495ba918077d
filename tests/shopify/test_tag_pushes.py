"""Tags queued with a decision and pushed to the fake Admin API, on SQLite and PostgreSQL:
they land once, changes replace our earlier tags, failures are kept and retried."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest

from goodbuyer.db import transaction
from goodbuyer.shopify.admin_client import ShopifyAdminClient
from goodbuyer.shopify.resources import ShopAccess
from goodbuyer.shopify.service import PushSummary, connect_shop, push_pending
from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.shopify.conftest import DOMAIN
from tests.shopify.fake_admin import FakeShopifyAdmin
from tests.shopify.orders import (
    CUSTOMER,
    ORDER,
    api_order,
    connected_shop,
    decide,
    pushes,
    shopify_order,
    vip,
)
from tests.store.platform_payloads import fixture


def _push(services: Services, admin: ShopifyAdminClient, **options: int) -> PushSummary:
    return push_pending(services.sessions, admin, now=services.clock.now(), **options)


def test_a_decision_lands_as_order_and_customer_tags(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services)
    order_id = shopify_order(services, shop_id)

    queued = decide(services, shop_id, order_id)
    summary = _push(services, admin)

    assert queued == 2
    assert summary == PushSummary(pushed=2, failed=0, gave_up=0)
    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:confirm", "goodbuyer:no-cod"}
    assert fake.tags_of(DOMAIN, CUSTOMER) == {"goodbuyer:no-cod", "goodbuyer:refuser"}
    rows = pushes(services)
    assert [(r.target, r.status, r.attempts, r.last_error) for r in rows] == [
        ("order", "pushed", 1, None),
        ("customer", "pushed", 1, None),
    ]
    assert all(r.pushed_at == services.clock.now() for r in rows)


def test_deciding_the_same_way_again_queues_nothing_and_pushing_again_sends_nothing(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services)
    order_id = shopify_order(services, shop_id)

    counts = [decide(services, shop_id, order_id), decide(services, shop_id, order_id)]
    runs = [_push(services, admin), _push(services, admin)]

    assert counts == [2, 0]
    assert runs == [PushSummary(pushed=2), PushSummary()]
    assert len(fake.calls) == 2
    assert len(pushes(services)) == 2


def test_a_changed_decision_replaces_our_tags_and_keeps_the_merchants(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services)
    order_id = shopify_order(services, shop_id)
    decide(services, shop_id, order_id)
    _push(services, admin)
    fake.tags[(DOMAIN, ORDER)].add("wholesale")

    vip(services, shop_id, order_id)
    _push(services, admin)

    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:approve", "wholesale"}
    assert fake.tags_of(DOMAIN, CUSTOMER) == {"goodbuyer:free-shipping", "goodbuyer:vip"}
    latest = pushes(services)[-2]
    assert (latest.add, latest.remove) == (
        ["goodbuyer:approve"],
        ["goodbuyer:confirm", "goodbuyer:no-cod"],
    )


def test_back_to_the_first_decision_is_a_change_too(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services)
    order_id = shopify_order(services, shop_id)

    queued = [decide(services, shop_id, order_id), vip(services, shop_id, order_id),
              decide(services, shop_id, order_id)]  # fmt: skip
    _push(services, admin)

    assert queued == [2, 2, 2]
    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:confirm", "goodbuyer:no-cod"}
    assert fake.tags_of(DOMAIN, CUSTOMER) == {"goodbuyer:no-cod", "goodbuyer:refuser"}


def test_nothing_is_queued_for_orders_from_elsewhere_or_shops_not_connected(
    services: Services,
) -> None:
    shop_id = connected_shop(services)
    plain_shop, _ = make_shop(services, "toinen")

    queued = [
        decide(services, shop_id, api_order(services, shop_id)),
        decide(services, plain_shop, shopify_order(services, plain_shop)),
    ]

    assert queued == [0, 0]
    assert pushes(services) == []


def test_a_guest_order_gets_order_tags_only(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services)
    order_id = shopify_order(services, shop_id, customer=None)

    assert decide(services, shop_id, order_id) == 1
    _push(services, admin)
    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:confirm", "goodbuyer:no-cod"}
    assert [c.resource for c in fake.calls] == [ORDER]


def test_rate_limits_and_server_errors_are_waited_out_within_one_push(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin, waits: list[float]
) -> None:
    shop_id = connected_shop(services)
    decide(services, shop_id, shopify_order(services, shop_id))
    fake.fail_next("429", "throttled", "500")

    summary = _push(services, admin)

    assert summary == PushSummary(pushed=2)
    assert waits == [2.0, pytest.approx(0.1), 4.0]
    assert [r.attempts for r in pushes(services)] == [1, 1]


def test_a_wrong_token_fails_with_a_clear_error_until_the_shop_is_reconnected(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services, token="shpat_revoked")
    decide(services, shop_id, shopify_order(services, shop_id))

    summary = _push(services, admin, max_attempts=1)
    again = _push(services, admin, max_attempts=1)

    assert summary == PushSummary(pushed=0, failed=2, gave_up=2)
    assert again == PushSummary()
    order_row, customer_row = pushes(services)
    assert (order_row.status, order_row.attempts) == ("failed", 1)
    assert order_row.last_error is not None
    assert order_row.last_error.startswith(
        f"Shopify Admin API of {DOMAIN} answered HTTP 401 "
        "(the access token is wrong or revoked: connect the shop again)"
    )
    assert (customer_row.status, customer_row.attempts) == ("failed", 1)
    with transaction(services.sessions) as session:
        rearmed = connect_shop(session, shop_id, domain=DOMAIN, token=fake.tokens[DOMAIN],
                               now=services.clock.now(), actor="test")  # fmt: skip
    assert rearmed == 2
    assert _push(services, admin, max_attempts=1) == PushSummary(pushed=2)
    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:confirm", "goodbuyer:no-cod"}


def test_a_refused_push_is_retried_on_later_runs_up_to_its_attempts(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services)
    decide(services, shop_id, shopify_order(services, shop_id, customer=None))
    fake.fail_next("user_errors", "user_errors")

    runs = [_push(services, admin, max_attempts=2) for _ in range(3)]

    assert runs == [
        PushSummary(pushed=0, failed=1, gave_up=0),
        PushSummary(pushed=0, failed=1, gave_up=1),
        PushSummary(),
    ]
    order_row = pushes(services)[0]
    assert (order_row.status, order_row.attempts) == ("failed", 2)
    assert order_row.last_error == f"Shopify refused tagsAdd on {ORDER}: tags: Tags are invalid"


def test_a_later_change_waits_for_an_earlier_one_that_failed(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services)
    order_id = shopify_order(services, shop_id, customer=None)
    decide(services, shop_id, order_id)
    vip(services, shop_id, order_id)
    fake.fail_next("user_errors")

    first = _push(services, admin)
    second = _push(services, admin)

    assert first == PushSummary(pushed=0, failed=1)
    assert second == PushSummary(pushed=2)
    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:approve"}


class _CrashAfterCalling:
    """Shopify takes the tags, then the pusher dies before it can mark the row."""

    def __init__(self, admin: ShopifyAdminClient) -> None:
        self.admin = admin

    def add_tags(self, shop: ShopAccess, resource: str, tags: Sequence[str]) -> None:
        self.admin.add_tags(shop, resource, tags)
        raise RuntimeError("the pusher died")

    def remove_tags(self, shop: ShopAccess, resource: str, tags: Sequence[str]) -> None:
        self.admin.remove_tags(shop, resource, tags)


def test_a_crash_after_the_call_sends_again_once_and_changes_nothing_more(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services)
    decide(services, shop_id, shopify_order(services, shop_id, customer=None))

    with pytest.raises(RuntimeError, match="the pusher died"):
        _push(services, _CrashAfterCalling(admin))  # type: ignore[arg-type]
    row = pushes(services)[0]
    assert (row.status, row.attempts) == ("pending", 0)
    assert _push(services, admin) == PushSummary(pushed=1)
    assert _push(services, admin) == PushSummary()

    assert [c.mutation for c in fake.calls] == ["tagsAdd", "tagsAdd"]
    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:confirm", "goodbuyer:no-cod"}


def test_pushers_side_by_side_never_send_a_row_twice(
    services: Services, admin: ShopifyAdminClient, fake: FakeShopifyAdmin
) -> None:
    shop_id = connected_shop(services)
    customer = fixture("shopify/orders_create_cod_hu.json")["customer"]
    for n in range(3):
        order_id = shopify_order(
            services, shop_id, id=9_000 + n, customer={**customer, "id": 8_000 + n}
        )
        decide(services, shop_id, order_id)
    fake.delay = 0.05

    with ThreadPoolExecutor(max_workers=3) as pool:
        summaries = list(pool.map(lambda _: _push(services, admin), range(3)))

    assert sum(s.pushed for s in summaries) == 6
    assert sum(s.failed for s in summaries) == 0
    sent = Counter(c.resource for c in fake.calls)
    assert sorted(sent.values()) == [1] * 6
    assert {r.status for r in pushes(services)} == {"pushed"}
