"""Every archetype of the seed articles is there, in its share, and shows in what it does."""

from __future__ import annotations

import itertools
import math
from datetime import datetime
from statistics import mean

import pytest

from goodbuyer.demo.archetypes import SHARES, Archetype
from tests.demo.conftest import Row, Shop

pytestmark = pytest.mark.xdist_group("demo")


def _share(customers: list[Row], has: object) -> float:
    assert callable(has)
    return sum(bool(has(c)) for c in customers) / len(customers)


def _statuses(shop: Shop, customer: Row) -> list[str]:
    return [lines[0]["status"] for lines in shop.orders_of(customer)]


def _returned(shop: Shop) -> dict[str, list[Row]]:
    return shop.grouped("returns", "order_id")


@pytest.mark.parametrize("archetype", list(Archetype), ids=str)
def test_archetype_shares_are_the_documented_ones(shop: Shop, archetype: Archetype) -> None:
    expected = SHARES[archetype]
    tolerance = 4 * math.sqrt(expected * (1 - expected) / len(shop.truth)) + 0.002

    observed = len(shop.of(archetype)) / len(shop.truth)

    assert abs(observed - expected) <= tolerance


def test_shares_add_up_to_everyone() -> None:
    assert math.isclose(sum(SHARES.values()), 1.0)


def test_refusers_refuse_cash_on_delivery_at_the_door(shop: Shop) -> None:
    refused = [lines[0] for lines in shop.orders.values() if lines[0]["status"] == "refused"]
    refusers = shop.of("refuser")

    assert _share(refusers, lambda c: "refused" in _statuses(shop, c)) > 0.6
    assert _share(shop.of("good"), lambda c: "refused" in _statuses(shop, c)) < 0.05
    assert {
        (o["payment_method"], o["payment_status"]) for o in refused if o["payment_method"] == "cod"
    } == {("cod", "unpaid")}


def test_ghosts_leave_invalid_contact_data_and_never_receive_a_parcel(shop: Shop) -> None:
    ghosts = shop.of("ghost")
    statuses = {s for g in ghosts for s in _statuses(shop, g)}

    assert {g["invalid_contact"] for g in ghosts} == {"true"}
    assert {t["invalid_contact"] for t in shop.truth.values() if t["archetype"] != "ghost"} == {
        "false"
    }
    assert statuses <= {"cancelled", "returned_to_origin", "awaiting_confirmation", "shipped"}


def test_bracketers_order_several_sizes_of_one_product_and_send_most_back(shop: Shop) -> None:
    returned = _returned(shop)

    def brackets(customer: Row) -> bool:
        for lines in shop.orders_of(customer):
            products = [r["sku"].split("-")[0] for r in lines]
            if len(products) > len(set(products)) and lines[0]["order_id"] in returned:
                return True
        return False

    assert _share(shop.of("bracketer"), brackets) > 0.8
    assert _share(shop.of("good"), brackets) < 0.02


def test_wardrobers_return_worn_items_near_the_end_of_the_window(shop: Shop) -> None:
    shipped = shop.grouped("shipments", "order_id")
    worn = [r for r in shop.rows["returns"] if r["condition"] == "worn"]
    owners = {shop.owner[r["order_id"]]["archetype"] for r in worn}
    days = []
    for r in worn:
        delivered = next(s["delivered_at"] for s in shipped[r["order_id"]] if s["delivered_at"])
        days.append(
            (datetime.fromisoformat(r["requested_at"]) - datetime.fromisoformat(delivered)).days
        )

    assert owners == {"wardrober"}
    assert len({r["return_id"] for r in worn}) > 50
    assert min(days) >= 20


def test_compulsive_returners_return_in_bulk(shop: Shop) -> None:
    lines_per_return = {
        archetype: mean(
            len(lines) for rid, lines in shop.grouped("returns", "return_id").items()
            if shop.owner[lines[0]["order_id"]]["archetype"] == archetype
        )
        for archetype in ("compulsive_returner", "good")
    }  # fmt: skip

    assert lines_per_return["compulsive_returner"] > 3.0
    assert lines_per_return["good"] < 1.5


def test_serial_returners_return_most_orders(shop: Shop) -> None:
    returned = _returned(shop)

    def ratio(customers: list[Row]) -> float:
        orders = [o for c in customers for o in c["order_ids"].split()]
        return sum(o in returned for o in orders) / len(orders)

    assert ratio(shop.of("serial_returner")) > 0.45
    assert ratio(shop.of("good")) < 0.12


def test_not_received_claims_are_refunded_although_the_parcel_was_delivered(
    shop: Shop,
) -> None:
    shipped = shop.grouped("shipments", "order_id")
    asked = {t["order_id"] for t in shop.rows["tickets"] if t["author_kind"] == "customer"}
    refunded = {r["order_id"] for r in shop.rows["refunds"] if r["reason"] == "not received"}
    claimers = shop.of("not_received_claimer")

    assert {shop.owner[o]["archetype"] for o in refunded} == {"not_received_claimer"}
    assert all(any(s["delivered_at"] for s in shipped[o]) for o in refunded)
    assert refunded <= asked
    assert _share(claimers, lambda c: set(c["order_ids"].split()) & refunded) > 0.4


def test_ignorant_rogues_order_twice_within_minutes(shop: Shop) -> None:
    def doubles(customer: Row) -> bool:
        orders = shop.orders_of(customer)
        for first, second in itertools.pairwise(orders):
            gap = datetime.fromisoformat(second[0]["placed_at"]) - datetime.fromisoformat(
                first[0]["placed_at"]
            )
            same = [r["sku"] for r in first] == [r["sku"] for r in second]
            if same and gap.total_seconds() < 3600:
                return True
        return False

    assert _share(shop.of("ignorant_rogue"), doubles) > 0.35
    assert _share(shop.of("good"), doubles) < 0.02


def test_chargeback_abusers_dispute_delivered_card_orders(shop: Shop) -> None:
    disputed = [
        c
        for c in shop.rows["chargebacks"]
        if shop.owner[c["order_id"]]["archetype"] == "chargeback_abuser"
    ]
    methods = {shop.orders[c["order_id"]][0]["payment_method"] for c in disputed}
    statuses = {shop.orders[c["order_id"]][0]["status"] for c in disputed}

    assert _share(shop.of("chargeback_abuser"), lambda c: int(c["chargebacks"]) > 0) > 0.5
    assert "cod" not in methods
    assert statuses == {"delivered"}


@pytest.mark.parametrize(
    ("archetype", "column"),
    [("threatener", "threats"), ("abusive", "abusive_messages")],
)
def test_threats_and_abuse_come_from_their_archetypes(
    shop: Shop, archetype: str, column: str
) -> None:
    doers = {t["archetype"] for t in shop.truth.values() if int(t[column])}

    assert doers == {archetype}
    assert _share(shop.of(archetype), lambda c: int(c[column]) > 0) > 0.55


def test_staff_notes_record_threats_and_warnings(shop: Shop) -> None:
    notes = [t for t in shop.rows["tickets"] if t["direction"] == "internal"]

    assert any(n["body"].startswith("Threat recorded") for n in notes)
    assert any(n["body"].startswith("Abusive language: first warning") for n in notes)
    assert any(n["body"].startswith("Abuse continued after the warning") for n in notes)


def test_negotiators_ask_for_discounts_and_get_some(shop: Shop) -> None:
    def discounted(customer: Row) -> float:
        return mean(float(lines[0]["discount"]) > 0 for lines in shop.orders_of(customer))

    asked = {t["ticket_id"] for t in shop.rows["tickets"] if not t["order_id"]}

    assert mean(discounted(c) for c in shop.of("negotiator")) > 0.3
    assert mean(discounted(c) for c in shop.of("good")) < 0.12
    assert len(asked) > 50


def test_unrealistic_customers_are_the_unhappiest(shop: Shop) -> None:
    nps: dict[str, list[int]] = {"unrealistic": [], "good": [], "loyal": []}
    for answer in shop.rows["surveys"]:
        archetype = shop.owner[answer["order_id"]]["archetype"] if answer["order_id"] else ""
        if answer["kind"] == "nps" and archetype in nps:
            nps[archetype].append(int(answer["score"]))

    assert mean(nps["unrealistic"]) < 5
    assert mean(nps["good"]) > 7.5
    assert mean(nps["loyal"]) > 8.5


def test_vips_and_loyal_buyers_order_much_more(shop: Shop) -> None:
    orders = {a: mean(int(c["orders"]) for c in shop.of(a)) for a in ("vip", "loyal", "good")}
    lines = {
        a: mean(len(lines) for c in shop.of(a) for lines in shop.orders_of(c))
        for a in ("vip", "good")
    }

    assert orders["vip"] > 2.5 * orders["good"]
    assert orders["loyal"] > 2 * orders["good"]
    assert lines["vip"] > 2 * lines["good"]


def test_good_customers_are_mostly_trouble_free(shop: Shop) -> None:
    good = shop.of("good")

    assert _share(good, lambda c: int(c["delivered"]) == int(c["orders"])) > 0.85
    assert sum(int(c["threats"]) + int(c["abusive_messages"]) for c in good) == 0
