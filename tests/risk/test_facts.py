"""Person facts: an outcome counts only once known; doubles, reinstatement, money."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from goodbuyer.identity.outcomes import OrderOutcome
from goodbuyer.risk.facts import (
    Disputed,
    Money,
    PersonFacts,
    PlacedOrder,
    Refunded,
    Returned,
    Settled,
    TicketOpened,
)
from goodbuyer.risk.features import customer_features, person_velocity, red_flag_codes

T0 = datetime(2026, 1, 10, tzinfo=UTC)


def _placed(at: datetime, skus: str = "AB", payment: str = "cod", total: int = 1000,
            currency: str = "EUR", variants: int = 1) -> PlacedOrder:  # fmt: skip
    return PlacedOrder(uuid.uuid4(), at, total, currency, payment, len(skus), frozenset(skus),
                       variants)  # fmt: skip


def test_counts_follow_the_events() -> None:
    f = PersonFacts(money=Money("EUR", (("HUF", 0.0025),)))
    a, b = (
        _placed(T0, total=400000, currency="HUF", payment="card"),
        _placed(T0 + timedelta(days=5)),
    )
    for event in (a, Settled(a.order_id, T0 + timedelta(days=2), OrderOutcome.DELIVERED_PAID), b,
                  Settled(b.order_id, T0 + timedelta(days=8), OrderOutcome.REFUSED)):  # fmt: skip
        f.apply(event)
    c = customer_features(f, T0 + timedelta(days=9))
    assert (c["customer.orders"], c["customer.delivered"], c["customer.refused"]) == (2, 1, 1)
    assert c["customer.unsuccessful"] == 1
    assert c["customer.net_value"] == 1000
    assert c["customer.prepaid_since_unsuccessful"] == 0
    assert red_flag_codes(f, []) == ("refused",)
    assert red_flag_codes(PersonFacts(), [f]) == ("refused_household",)


def test_the_same_event_twice_counts_once() -> None:
    f = PersonFacts()
    a = _placed(T0)
    done = Settled(a.order_id, T0 + timedelta(days=1), OrderOutcome.DELIVERED_PAID)
    for event in (a, a, done, done):
        f.apply(event)
    c = customer_features(f, T0)
    assert (c["customer.orders"], c["customer.delivered"], c["customer.net_value"]) == (1, 1, 1000)


def test_a_dispute_overrides_delivery_and_counts_a_claim() -> None:
    f = PersonFacts()
    a = _placed(T0, payment="card")
    f.apply(a)
    f.apply(Settled(a.order_id, T0 + timedelta(days=1), OrderOutcome.DELIVERED_PAID))
    f.apply(Disputed(a.order_id, T0 + timedelta(days=30), "product_not_received"))
    c = customer_features(f, T0 + timedelta(days=31))
    assert c["customer.chargebacks"] == 1
    assert c["customer.not_received_claims"] == 1


def test_returns_by_kind() -> None:
    f = PersonFacts()
    a = _placed(T0, skus="ABCD", variants=3)
    f.apply(a)
    f.apply(Returned(a.order_id, T0 + timedelta(days=25), 3, 3000, 1, "size"))
    f.apply(Refunded(a.order_id, T0 + timedelta(days=27), 300, "EUR", False))
    c = customer_features(f, T0 + timedelta(days=30))
    kinds = ("returns", "worn_returns", "bulk_returns", "bracket_returns", "late_returns")
    assert [c[f"customer.{k}"] for k in kinds] == [1, 1, 1, 1, 1]
    assert c["customer.net_value"] == -300


def test_double_orders_and_velocity() -> None:
    f = PersonFacts()
    first = _placed(T0)
    f.apply(first)
    again = _placed(T0 + timedelta(minutes=10))
    assert person_velocity(f, again) == (2, 2, True)
    f.apply(again)
    assert customer_features(f, T0)["customer.double_orders"] == 1
    later = _placed(T0 + timedelta(hours=5), skus="Z")
    assert person_velocity(f, later) == (1, 3, False)


def test_ticket_tags_count_per_kind() -> None:
    f = PersonFacts()
    f.apply(TicketOpened(T0, frozenset({"threat_legal", "abusive"})))
    f.apply(TicketOpened(T0, frozenset({"discount_request"})))
    c = customer_features(f, T0)
    assert (c["customer.tickets"], c["customer.threats"], c["customer.abusive"],
            c["customer.discount_requests"]) == (2, 1, 1, 1)  # fmt: skip


def test_money_without_rates_counts_as_is_and_unknown_currencies_count_nothing() -> None:
    assert Money().value(500, "HUF") == 500
    assert Money("EUR", (("HUF", 0.0025),)).value(400000, "HUF") == 1000
    assert Money("EUR", (("HUF", 0.0025),)).value(100, "XYZ") == 0
