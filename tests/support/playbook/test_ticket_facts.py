"""The pure rules behind a ticket's facts: fault, lateness, delivery, VIP, first name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from goodbuyer.support.ticket_facts import (
    CustomerView,
    OrderView,
    ReturnView,
    ScanView,
    ShipmentView,
    TicketFacts,
    build_facts,
    first_name,
)  # fmt: skip

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
PROMISED = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)


def _order(status: str = "shipped", **changes: Any) -> OrderView:
    fields: dict[str, Any] = {
        "number": "#1001", "status": status, "payment_method": "card", "total": 6000,
        "currency": "EUR", "customer_name": "Aino Virtanen", "raw": {},
    }  # fmt: skip
    return OrderView(**{**fields, **changes})


def _shipment(*scans: tuple[str, datetime], **changes: Any) -> ShipmentView:
    latest = scans[-1][0] if scans else "label_created"
    fields: dict[str, Any] = {
        "status": latest, "carrier": "Posti", "tracking_number": "JJFI6401",
        "tracking_url": "https://posti.example/JJFI6401", "promised_at": PROMISED,
        "shipped_at": None, "delivered_at": None,
        "scans": tuple(ScanView(s, at) for s, at in scans),
    }  # fmt: skip
    return ShipmentView(**{**fields, **changes})


def _facts(
    order: OrderView | None, *shipments: ShipmentView, returns: tuple[ReturnView, ...] = (),
    net_value: int = 0,
) -> TicketFacts:  # fmt: skip
    customer = CustomerView(net_value=net_value, segments=("loyal", "vip", "loyal"), dispute=None)
    return build_facts(order, shipments, returns, customer, vip_threshold=100_000,
                       late_days_for_claim=5, now=NOW)  # fmt: skip


def _day(n: int) -> datetime:
    return PROMISED + timedelta(days=n)


MISTAKE = ReturnView("wrong_item", 1990, _day(3))
CHANGED_MIND = ReturnView("changed_mind", 1990, _day(3))


@pytest.mark.parametrize(
    ("order", "shipments", "returns", "fault"),
    [
        (None, (), (), "unknown"),
        (_order(), (_shipment(("in_transit", _day(-2)), ("lost", _day(2))),), (MISTAKE,),
         "carrier"),
        (_order("delivered"), (_shipment(("damaged", _day(0)), ("delivered", _day(1))),), (),
         "carrier"),
        (_order("delivered"), (_shipment(("delivered", _day(0))),), (MISTAKE,), "store"),
        (_order("returned_to_origin"), (_shipment(("in_transit", _day(-2)),
         ("returned_to_origin", _day(4))),), (), "customer"),
        (_order("refused"), (), (), "customer"),
        (_order(), (_shipment(("in_transit", _day(-2))),), (), "carrier"),
        (_order(), (_shipment(("in_transit", _day(-2)), promised_at=_day(5)),), (), "none"),
        (_order("confirmed"), (_shipment(),), (), "store"),
        (_order("confirmed"), (_shipment(promised_at=_day(20)),), (), "none"),
        (_order("delivered"), (_shipment(("delivered", _day(1))),), (CHANGED_MIND,), "customer"),
        (_order("placed"), (), (), "none"),
    ],
    ids=["no order", "lost beats a store mistake", "damaged in transit", "wrong item sent",
         "undeliverable address", "refused at the door", "10 days late in transit",
         "5 days late: within the claim limit", "promise passed before shipping",
         "not shipped, promise ahead", "delivered scan", "nothing wrong"],
)  # fmt: skip
def test_fault_follows_the_rules_in_order(
    order: OrderView | None, shipments: tuple[ShipmentView, ...],
    returns: tuple[ReturnView, ...], fault: str,
) -> None:  # fmt: skip
    assert _facts(order, *shipments, returns=returns).fault == fault


def test_lateness_and_delivery_are_counted_in_whole_days() -> None:
    on_the_way = _facts(_order(), _shipment(("in_transit", _day(-2))))
    delivered_late = _facts(
        _order("delivered"), _shipment(("delivered", _day(3) + timedelta(hours=5)))
    )
    delivered_early = _facts(_order("delivered"), _shipment(("delivered", _day(-1))))
    no_promise = _facts(_order(), _shipment(("in_transit", _day(-2)), promised_at=None))

    assert (on_the_way.days_late, on_the_way.delivered_scan, on_the_way.shipped) == (9, False, True)
    assert (delivered_late.days_late, delivered_late.days_since_delivery) == (3, 6)
    assert (delivered_early.days_late, delivered_early.days_since_delivery) == (0, 10)
    assert (no_promise.days_late, no_promise.days_since_delivery) == (None, None)


def test_lateness_stops_when_the_parcel_was_refused_or_sent_back() -> None:
    refused = _facts(_order("refused"), _shipment(("in_transit", _day(-2)), ("refused", _day(2))))
    sent_back = _facts(
        _order("returned_to_origin"),
        _shipment(("in_transit", _day(-2)), ("returned_to_origin", _day(4))),
    )
    on_time = _facts(_order("refused"), _shipment(("refused", _day(-1))))

    assert (refused.days_late, sent_back.days_late, on_time.days_late) == (2, 4, 0)
    assert (refused.fault, sent_back.fault) == ("customer", "customer")


def test_a_label_alone_is_not_shipped_and_the_latest_shipment_is_the_one_tracked() -> None:
    label = _facts(_order("confirmed"), _shipment(promised_at=None))
    two = _facts(
        _order(), _shipment(("in_transit", _day(-2))),
        _shipment(("in_transit", _day(-1)), carrier="DHL", tracking_number="DHL42"),
    )  # fmt: skip

    assert (label.shipped, label.carrier) == (False, "Posti")
    assert (two.carrier, two.tracking_number) == ("DHL", "DHL42")


def test_order_and_customer_facts_are_carried_over() -> None:
    found = _facts(_order(), returns=(MISTAKE, ReturnView("damaged", 500, _day(5))),
                   net_value=100_000)  # fmt: skip

    assert (found.order_number, found.order_status, found.payment_method) == (
        "#1001", "shipped", "card",
    )  # fmt: skip
    assert (found.order_total, found.currency, found.first_name) == (6000, "EUR", "Aino")
    assert (found.vip, found.net_value, found.segments) == (True, 100_000, ("loyal", "vip"))
    assert found.affected_total == 500  # the latest return
    assert _facts(None).has_order is False
    assert _facts(_order(), net_value=99_999).vip is False


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("Aino Virtanen", {}, "Aino"),
        ("Nagy Péter", {"customer": {"first_name": "Péter", "last_name": "Nagy"}}, "Péter"),
        ("José Álvarez", {"billing": {"first_name": " José "}}, "José"),
        ("مريم", {"customer": {"first_name": ""}}, "مريم"),
        (None, {}, None),
        ("  ", {"customer": "not a mapping"}, None),
    ],
)
def test_first_name_prefers_the_sources_own_field(
    name: str | None, raw: dict[str, Any], expected: str | None
) -> None:
    assert first_name(name, raw) == expected
