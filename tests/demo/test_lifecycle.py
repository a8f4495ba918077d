"""Order status, payment status and the carrier's scans tell one story."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest

from tests.demo.conftest import Row, Shop

pytestmark = pytest.mark.xdist_group("demo")


def _last_scans(shop: Shop) -> dict[str, list[str]]:
    """Order id -> the last scan of each of its shipments."""
    found: dict[str, list[str]] = {}
    for rows in shop.grouped("shipments", "shipment_id").values():
        scans = [r for r in rows if r["event_status"]]
        if scans:
            last = max(scans, key=lambda r: datetime.fromisoformat(r["event_at"]))
            found.setdefault(rows[0]["order_id"], []).append(last["event_status"])
    return found


def _heads(shop: Shop, status: str) -> list[Row]:
    return [lines[0] for lines in shop.orders.values() if lines[0]["status"] == status]


def test_every_order_status_occurs(shop: Shop) -> None:
    statuses = Counter(lines[0]["status"] for lines in shop.orders.values())

    assert {"delivered", "refused", "returned_to_origin", "cancelled", "shipped"} <= set(statuses)
    assert set(statuses) <= {
        "placed", "awaiting_confirmation", "confirmed", "shipped", "delivered", "refused",
        "returned_to_origin", "cancelled",
    }  # fmt: skip
    assert statuses["delivered"] / len(shop.orders) > 0.75


def test_delivered_orders_have_a_delivered_shipment_and_are_paid(shop: Shop) -> None:
    shipments = shop.grouped("shipments", "order_id")
    delivered = _heads(shop, "delivered")

    assert all(any(r["delivered_at"] for r in shipments[o["order_id"]]) for o in delivered)
    assert {o["payment_status"] for o in delivered} == {"paid", "partially_refunded", "refunded"}


def test_refused_orders_were_refused_at_the_door_and_cod_is_unpaid(shop: Shop) -> None:
    scanned = {r["order_id"]: r for r in shop.rows["shipments"] if r["event_status"] == "refused"}
    refused = _heads(shop, "refused")
    scans = _last_scans(shop)

    assert refused
    assert all(o["order_id"] in scanned for o in refused if o["order_id"] in scans)
    assert {o["payment_status"] for o in refused if o["payment_method"] == "cod"} == {"unpaid"}


def test_returned_to_origin_orders_came_back_and_cod_is_unpaid(shop: Shop) -> None:
    scans = _last_scans(shop)
    back = _heads(shop, "returned_to_origin")

    assert back
    assert all(
        "returned_to_origin" in scans.get(o["order_id"], ["returned_to_origin"]) for o in back
    )
    assert {o["payment_status"] for o in back if o["payment_method"] == "cod"} == {"unpaid"}
    assert {o["payment_status"] for o in back if o["payment_method"] != "cod"} <= {
        "paid",
        "refunded",
    }


def test_cancelled_orders_never_reached_anyone_and_took_no_money(shop: Shop) -> None:
    scans = _last_scans(shop)
    cancelled = _heads(shop, "cancelled")

    assert cancelled
    assert not any("delivered" in scans.get(o["order_id"], []) for o in cancelled)
    assert {o["payment_status"] for o in cancelled} <= {"voided", "refunded"}


def test_only_the_last_days_are_still_in_flight(shop: Shop) -> None:
    last = max(datetime.fromisoformat(lines[0]["placed_at"]) for lines in shop.orders.values())
    lost = {r["order_id"] for r in shop.rows["shipments"] if r["event_status"] == "lost"}

    def age(order: Row) -> int:
        return (last - datetime.fromisoformat(order["placed_at"])).days

    waiting = _heads(shop, "awaiting_confirmation") + _heads(shop, "confirmed")
    moving = [o for o in _heads(shop, "shipped") if o["order_id"] not in lost]

    assert moving
    assert all(age(o) <= 10 for o in waiting)
    assert all(age(o) <= 45 for o in moving)


def test_cash_on_delivery_is_paid_only_on_delivery(shop: Shop) -> None:
    cod = [lines[0] for lines in shop.orders.values() if lines[0]["payment_method"] == "cod"]
    paid = {o["status"] for o in cod if o["payment_status"] == "paid"}

    assert paid == {"delivered"}


def test_cod_shares_follow_the_markets(shop: Shop) -> None:
    share: dict[str, list[bool]] = {}
    for lines in shop.orders.values():
        share.setdefault(lines[0]["ship_country"], []).append(lines[0]["payment_method"] == "cod")
    cod = {country: sum(v) / len(v) for country, v in share.items()}

    assert min(cod[c] for c in ("EG", "MA", "IN", "SA")) > 0.5
    assert max(cod[c] for c in ("FI", "DE", "GB", "US")) < 0.15


def test_some_parcels_are_late_lost_or_damaged(shop: Shop) -> None:
    statuses = Counter(r["event_status"] for r in shop.rows["shipments"])
    late = 0
    for rows in shop.grouped("shipments", "shipment_id").values():
        head = rows[0]
        if head["delivered_at"]:
            late += datetime.fromisoformat(head["delivered_at"]) > datetime.fromisoformat(
                head["promised_at"]
            )

    assert statuses["lost"] > 0
    assert statuses["damaged"] > 0
    assert statuses["failed_attempt"] > 0
    assert late > 100


def test_refunds_never_exceed_what_was_paid(shop: Shop) -> None:
    refunded: Counter[str] = Counter()
    for refund in shop.rows["refunds"]:
        refunded[refund["order_id"]] += round(float(refund["amount"]) * 100)
    for order_id, amount in refunded.items():
        lines = shop.orders[order_id]
        head = lines[0]
        total = sum(round(float(r["unit_price"]) * 100) * int(r["quantity"]) for r in lines)
        total += round(
            (float(head["shipping"]) + float(head["tax"]) - float(head["discount"])) * 100
        )
        assert amount <= total, order_id
