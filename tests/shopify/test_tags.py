"""Which tags a decision puts on the Shopify order and customer, and which of ours go."""

from __future__ import annotations

import pytest

from goodbuyer.policy.document import Limit, LimitKind, Perk, PerkKind
from goodbuyer.risk.statuses import Outcome
from goodbuyer.shopify.resources import gid, shopify_customer_id
from goodbuyer.shopify.statuses import Target
from goodbuyer.shopify.tags import (
    MAX_OWN_TAGS,
    MAX_TAG_LENGTH,
    decision_tags,
    tag,
    tag_change,
)


def test_a_confirmed_refuser_without_cash_on_delivery() -> None:
    tags = decision_tags(Outcome.CONFIRM, ["refuser"], [], [Limit(kind=LimitKind.NO_COD)])

    assert tags.order == ("goodbuyer:confirm", "goodbuyer:no-cod")
    assert tags.customer == ("goodbuyer:no-cod", "goodbuyer:refuser")


def test_a_vip_negotiator_gets_perks_on_the_customer_and_the_gift_note_on_the_parcel() -> None:
    perks = [
        Perk(kind=PerkKind.FREE_SHIPPING),
        Perk(kind=PerkKind.DISCOUNT_CODE, value=10),
        Perk(kind=PerkKind.GIFT_NOTE),
    ]

    tags = decision_tags(Outcome.APPROVE, ["vip", "negotiator"], perks, [])

    assert tags.order == ("goodbuyer:approve", "goodbuyer:gift-note")
    assert tags.customer == (
        "goodbuyer:discount-10",
        "goodbuyer:free-shipping",
        "goodbuyer:gift-note",
        "goodbuyer:negotiator",
        "goodbuyer:vip",
    )


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (Limit(kind=LimitKind.PHOTO_EVIDENCE), "goodbuyer:photo-evidence"),
        (Limit(kind=LimitKind.SHORT_RETURN_WINDOW, value=14), "goodbuyer:return-window-14"),
        (Limit(kind=LimitKind.MANUAL_REVIEW), "goodbuyer:manual-review"),
        (Limit(kind=LimitKind.ORDER_CAP, value=50_000), "goodbuyer:order-cap-50000"),
    ],
    ids=["photos", "return-window", "review", "order-cap"],
)
def test_every_limit_is_on_the_order_and_the_customer(limit: Limit, expected: str) -> None:
    tags = decision_tags(Outcome.REVIEW, [], [], [limit])

    assert expected in tags.order
    assert expected in tags.customer


def test_a_prefix_of_the_shops_own() -> None:
    tags = decision_tags(Outcome.REJECT, ["serial_returner"], [], [], prefix="gb-")

    assert tags.order == ("gb-reject",)
    assert tags.customer == ("gb-serial-returner",)


@pytest.mark.parametrize(
    "prefix", ["", "a,b", " gb:", "x" * 21], ids=["empty", "comma", "space", "long"]
)
def test_a_prefix_that_cannot_start_a_tag_is_refused(prefix: str) -> None:
    with pytest.raises(ValueError, match="tag prefix"):
        decision_tags(Outcome.APPROVE, [], [], [], prefix=prefix)


def test_long_names_are_cut_to_shopifys_limit_and_stay_apart() -> None:
    a = tag("goodbuyer:", "a_segment_with_a_really_long_name_number_one")
    b = tag("goodbuyer:", "a_segment_with_a_really_long_name_number_two")

    assert len(a) == len(b) == MAX_TAG_LENGTH
    assert a != b
    assert a.startswith("goodbuyer:a-segment-with-a-really-")


def test_no_more_than_our_share_of_tags() -> None:
    segments = [f"segment_{i:03d}" for i in range(MAX_OWN_TAGS + 10)]

    tags = decision_tags(Outcome.APPROVE, segments, [], [])

    assert len(tags.customer) == MAX_OWN_TAGS


def test_a_changed_decision_removes_only_our_own_stale_tags() -> None:
    current = {"goodbuyer:confirm", "goodbuyer:no-cod", "wholesale", "goodbuyerish"}

    change = tag_change(current, ["goodbuyer:approve"], "goodbuyer:")

    assert change.add == ("goodbuyer:approve",)
    assert change.remove == ("goodbuyer:confirm", "goodbuyer:no-cod")


def test_the_same_decision_again_changes_nothing() -> None:
    change = tag_change({"goodbuyer:confirm"}, ["goodbuyer:confirm"], "goodbuyer:")

    assert change.empty


def test_shopify_ids_of_orders_and_customers() -> None:
    assert gid(Target.ORDER, "5731284920394") == "gid://shopify/Order/5731284920394"
    assert gid(Target.CUSTOMER, "7402183749120") == "gid://shopify/Customer/7402183749120"
    assert shopify_customer_id("shopify:7402183749120") == "7402183749120"
    assert shopify_customer_id("email:aino@example.fi") is None
    assert shopify_customer_id("woocommerce:12") is None
