"""decide(): outcomes, fast paths, snoozes, score bands, counterfactuals, perks, limits."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from goodbuyer.identity.outcomes import OrderOutcome
from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.risk.compiled import CompiledPolicy, PolicyError, compile_policy
from goodbuyer.risk.decide import decide, segments_of
from goodbuyer.risk.facts import Money, PersonFacts, PlacedOrder, Settled
from goodbuyer.risk.features import (
    Context,
    Features,
    check_vocabulary,
    customer_features,
    order_features,
)
from goodbuyer.risk.statuses import Outcome

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def policy() -> CompiledPolicy:
    return compile_policy(parse_policy(default_policy_text()), 1)


def _order(
    total: int = 5000, payment: str = "cod", at: datetime = T0, skus: str = "A"
) -> PlacedOrder:
    return PlacedOrder(uuid.uuid4(), at, total, "EUR", payment, len(skus), frozenset(skus), 1)


def _features(
    policy: CompiledPolicy, facts: PersonFacts, order: PlacedOrder, **context: object
) -> Features:
    customer = customer_features(facts, order.placed_at)
    segments = tuple(m.segment for m in segments_of(policy, customer))
    ctx = Context(country="HU", segments=segments, **context)  # type: ignore[arg-type]
    return order_features(order, facts, [], ctx, customer=customer)


def _history(*outcomes: OrderOutcome, payment: str = "cod") -> PersonFacts:
    facts = PersonFacts(money=Money("EUR", (("HUF", 0.0025),)))
    for i, outcome in enumerate(outcomes):
        o = _order(payment=payment, at=T0 - timedelta(days=60 - i))
        facts.apply(o)
        facts.apply(Settled(o.order_id, o.placed_at + timedelta(days=3), outcome))
    return facts


def test_features_match_the_vocabulary(policy: CompiledPolicy) -> None:
    assert check_vocabulary(_features(policy, PersonFacts(), _order())) == []


def test_a_first_prepaid_order_is_approved_without_friction(policy: CompiledPolicy) -> None:
    verdict = decide(policy, _features(policy, PersonFacts(), _order(payment="card")))
    assert verdict.outcome is Outcome.APPROVE
    assert not verdict.friction
    assert verdict.counterfactuals == ()


def test_a_first_cash_on_delivery_order_is_confirmed(policy: CompiledPolicy) -> None:
    verdict = decide(policy, _features(policy, PersonFacts(), _order()))
    assert verdict.outcome is Outcome.CONFIRM
    assert [e.rule for e in verdict.executions if e.matched] == ["first_cod"]


def test_a_refuser_pays_up_front_and_is_told_why(policy: CompiledPolicy) -> None:
    facts = _history(OrderOutcome.REFUSED)
    verdict = decide(policy, _features(policy, facts, _order()))
    assert verdict.outcome is Outcome.PREPAY
    assert "refuser" in verdict.segments
    assert any("1 unsuccessful deliveries" in r for r in verdict.reasons())
    assert verdict.counterfactuals == ("would be approve if the order were paid up front",)
    assert [lim.kind for lim in verdict.limits] == ["no_cod"]


def test_a_refuser_regains_cash_on_delivery_after_prepaid_deliveries(
    policy: CompiledPolicy,
) -> None:
    facts = _history(OrderOutcome.REFUSED)
    for i in range(2):
        o = _order(payment="card", at=T0 - timedelta(days=20 - i))
        facts.apply(o)
        facts.apply(
            Settled(o.order_id, o.placed_at + timedelta(days=2), OrderOutcome.DELIVERED_PAID)
        )
    verdict = decide(policy, _features(policy, facts, _order()))
    assert "refuser" not in verdict.segments
    assert verdict.outcome is Outcome.APPROVE


def test_a_known_good_customer_is_approved_at_once(policy: CompiledPolicy) -> None:
    facts = _history(OrderOutcome.DELIVERED_PAID, OrderOutcome.DELIVERED_PAID)
    verdict = decide(policy, _features(policy, facts, _order(total=90000), has_house_number=False))
    assert verdict.outcome is Outcome.APPROVE
    assert verdict.fast_path == "known_good"
    assert [e.rule for e in verdict.executions if e.matched] == ["known_good"]


def test_the_block_list_beats_a_known_good_customer(policy: CompiledPolicy) -> None:
    facts = _history(OrderOutcome.DELIVERED_PAID, OrderOutcome.DELIVERED_PAID)
    verdict = decide(policy, _features(policy, facts, _order(), block=("phone",)))
    assert verdict.outcome is Outcome.REJECT
    assert verdict.fast_path == ""
    assert "would be approve if the contact details were not on the block list" in (
        verdict.counterfactuals
    )


def test_the_allow_list_approves_at_once(policy: CompiledPolicy) -> None:
    facts = _history(OrderOutcome.REFUSED)
    verdict = decide(policy, _features(policy, facts, _order(), allow=("email",)))
    assert verdict.outcome is Outcome.APPROVE
    assert verdict.fast_path == "allow_list"


def test_a_snoozed_rule_does_not_count(policy: CompiledPolicy) -> None:
    facts = _history(OrderOutcome.REFUSED)
    verdict = decide(policy, _features(policy, facts, _order(), snoozed=("refused_before",)))
    assert verdict.outcome is Outcome.APPROVE
    snoozed = next(e for e in verdict.executions if e.rule == "refused_before")
    assert not snoozed.matched
    assert "snoozed" in snoozed.reason


def test_a_counterfactual_names_the_missing_house_number(policy: CompiledPolicy) -> None:
    facts = _history(OrderOutcome.DELIVERED_PAID)
    verdict = decide(policy, _features(policy, facts, _order(), has_house_number=False))
    assert verdict.outcome is Outcome.CONFIRM
    assert verdict.counterfactuals == ("would be approve if the address had a house number",)


def test_score_bands_raise_the_outcome(policy: CompiledPolicy) -> None:
    features = _features(policy, PersonFacts(), _order(total=20000), has_house_number=False,
                         ghost_score=0.9, ghost_signals=("name_mash",))  # fmt: skip
    verdict = decide(policy, features)
    assert verdict.score == 60.0
    assert verdict.outcome is Outcome.CONFIRM
    many = _features(policy, _history(OrderOutcome.REFUSED), _order(total=20000),
                     has_house_number=False, ghost_score=0.9)  # fmt: skip
    assert decide(policy, many).score >= 80
    assert decide(policy, many).outcome is Outcome.PREPAY


def test_two_deciding_rules_make_one_joint_counterfactual() -> None:
    text = default_policy_text().replace("score_bands:\n  - {min_score: 80, outcome: review}",
                                         "score_bands: []")  # fmt: skip
    policy = compile_policy(parse_policy(text))
    features = _features(policy, PersonFacts(), _order(total=20000), has_house_number=False)
    verdict = decide(policy, features)
    assert verdict.outcome is Outcome.CONFIRM
    assert verdict.counterfactuals == (
        "would be approve if the address had a house number; and the customer had ordered "
        "before or paid up front; and the first order were smaller or paid up front",
    )


def test_vip_perks_follow_the_customer(policy: CompiledPolicy) -> None:
    facts = _history(*[OrderOutcome.DELIVERED_PAID] * 5, payment="card")
    big = _order(total=500000, payment="card", at=T0 - timedelta(days=1))
    facts.apply(big)
    facts.apply(Settled(big.order_id, T0 - timedelta(hours=2), OrderOutcome.DELIVERED_PAID))
    customer = customer_features(facts, T0)
    names = {m.segment: m for m in segments_of(policy, customer)}
    assert {"vip", "loyal"} <= set(names)
    assert names["vip"].reason == "net lifetime value 5,250.00 EUR, above 1,000.00 EUR"
    verdict = decide(policy, _features(policy, facts, _order()))
    assert {p.kind for p in verdict.perks} == {"free_shipping", "priority_support", "discount_code"}


def test_policy_errors_name_where_they_are() -> None:
    text = (
        default_policy_text()
        .replace(
            "when: customer.net_value >= thresholds.vip_net_value",
            "when: customer.net_valeu >= thresholds.vip_net_value",
        )
        .replace(
            "kind: velocity\n    params: {key: phone,", "kind: velocity\n    params: {key: fax,"
        )
    )
    with pytest.raises(PolicyError) as caught:
        compile_policy(parse_policy(text))
    wheres = [w for w, _ in caught.value.problems]
    assert "segments.vip.when" in wheres
    assert any(w.startswith("rules[") and w.endswith(".params") for w in wheres)
    assert "customer.net_valeu" in str(caught.value)
