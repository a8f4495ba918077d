"""The backtest's counting and money (pure): every figure checked by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from goodbuyer.identity.outcomes import OrderOutcome
from goodbuyer.policy.document import Costs, Guardrails
from goodbuyer.risk.backtest import Money, Seen, Tally, alert_windows, price, summary
from goodbuyer.risk.statuses import Outcome

T0 = datetime(2026, 1, 1, tzinfo=UTC)
COSTS = Costs(shipping=700, return_shipping=600, confirmation=10, review=100,
              friction_loss=0.1, prepay_loss=0.5, margin=0.4)  # fmt: skip


def _seen(ended: OrderOutcome = OrderOutcome.DELIVERED_PAID, *, cod: bool = True,
          value: int = 10000, person: str = "p1", charged_back: bool = False) -> Seen:  # fmt: skip
    return Seen("#1", person, T0, cod, value, ended, False, charged_back)


@pytest.mark.parametrize(
    ("seen", "outcome", "expected"),
    [
        (_seen(OrderOutcome.REFUSED), Outcome.CONFIRM,
         {"shipping_saved": 1300, "confirmations": 10}),
        (_seen(OrderOutcome.RETURNED_TO_ORIGIN), Outcome.PREPAY, {"shipping_saved": 1300}),
        (_seen(OrderOutcome.UNPAID), Outcome.REVIEW, {"shipping_saved": 1300, "reviews": 100}),
        (_seen(), Outcome.CONFIRM, {"confirmations": 10, "friction_lost": 400}),
        (_seen(), Outcome.REVIEW, {"reviews": 100, "friction_lost": 400}),
        (_seen(), Outcome.PREPAY, {"prepay_lost": 2000}),
        (_seen(cod=False), Outcome.PREPAY, {}),
        (_seen(), Outcome.REJECT, {"reject_lost": 4000}),
        (_seen(OrderOutcome.CHARGED_BACK, cod=False, charged_back=True), Outcome.REVIEW,
         {"reviews": 100, "chargebacks_avoided": 6700}),
        (_seen(OrderOutcome.CHARGED_BACK, cod=False, charged_back=True), Outcome.CONFIRM,
         {"confirmations": 10}),
        (_seen(OrderOutcome.REFUSED), Outcome.APPROVE, {}),
    ],
    ids=["bad-confirm", "rto-prepay", "unpaid-review", "good-confirm", "good-review",
         "good-cod-prepay", "good-card-prepay", "good-reject", "chargeback-review",
         "chargeback-confirm", "bad-approve"],
)  # fmt: skip
def test_price_follows_the_stated_assumptions(
    seen: Seen, outcome: Outcome, expected: dict[str, int]
) -> None:
    money = Money()
    price(COSTS, seen, outcome, money)
    found = {k: v for k, v in money.as_json().items() if v and k != "net"}
    assert found == expected


def test_a_tally_counts_catches_friction_segments_and_windows() -> None:
    tally = Tally()
    tally.add(_seen(OrderOutcome.REFUSED, person="bad"), ("refuser",), False, Outcome.PREPAY,
              ["refused_before"], 0, COSTS)  # fmt: skip
    tally.add(_seen(OrderOutcome.REFUSED, person="new"), (), False, Outcome.APPROVE, [], 0, COSTS)
    tally.add(_seen(person="vip"), ("vip",), True, Outcome.CONFIRM, ["first_cod"], 1, COSTS)
    tally.add(_seen(person="vip"), ("vip",), True, Outcome.APPROVE, [], 1, COSTS)
    out = summary(tally)
    assert out["orders"] == 4
    assert out["outcomes"] == {"approve": 2, "confirm": 1, "review": 0, "prepay": 1, "reject": 0}
    assert out["friction"] == 2
    assert out["bad_cod"]["orders"] == 2
    assert out["bad_cod"]["caught"] == 1
    assert out["bad_cod"]["catch_rate"] == 0.5
    assert out["bad_cod"]["missed_value"] == 10000
    assert out["good_segments"] == {"orders": 2, "with_friction": 1, "share": 0.5}
    assert out["segments"]["vip"] == {"orders": 2, "with_friction": 1, "share": 0.5}
    assert out["rules"] == {"refused_before": 1, "first_cod": 1}
    assert out["money"]["net"] == 1300 - 10 - 400
    assert tally.windows == {0: [2, 1, 0, 0], 1: [2, 1, 2, 1]}
    assert tally.friction_by_person == {"bad": [1, 10000], "vip": [1, 10000]}


def test_tallies_of_parts_merge_into_the_whole() -> None:
    whole, left, right = Tally(), Tally(), Tally()
    rows = [
        (_seen(OrderOutcome.REFUSED, person="a"), Outcome.CONFIRM, 0),
        (_seen(person="b"), Outcome.APPROVE, 0),
        (_seen(person="c"), Outcome.REVIEW, 5),
    ]
    for i, (seen, outcome, window) in enumerate(rows):
        for tally in (whole, left if i % 2 else right):
            tally.add(seen, ("s",), False, outcome, ["r"], window, COSTS)
    left.merge(right)
    assert summary(left) == summary(whole)
    assert left.windows == whole.windows


def test_alert_windows_need_enough_orders_and_a_share_above_the_threshold() -> None:
    tally = Tally(windows={0: [10, 2, 10, 1], 1: [10, 1, 0, 0], 2: [3, 3, 3, 3]})
    rails = Guardrails(friction_share=0.15, vip_hit_share=0.05, window_hours=24, min_orders=5)
    found = alert_windows(tally, rails)
    assert found["friction_alerts"] == 1
    assert found["worst_friction_share"] == 0.2
    assert found["vip_alerts"] == 1
    assert found["worst_vip_hit_share"] == 0.1
