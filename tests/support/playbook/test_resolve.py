"""The default playbook, intent by intent and branch by branch."""

from __future__ import annotations

from dataclasses import replace

import pytest

from goodbuyer.support.playbook import Resolution, ResolutionKind, dispute_flag, resolve
from goodbuyer.support.ticket_facts import TicketFacts
from tests.support.playbook.factories import (
    DEFAULT,
    DISPUTE,
    NO_ORDER,
    delivered,
    facts,
    policy_text,
    vip,
)

K = ResolutionKind
UNSHIPPED = facts(order_status="confirmed", shipped=False, days_late=None, carrier=None,
                  tracking_number=None, tracking_url=None)  # fmt: skip
CASES: list[tuple[str, str, TicketFacts, ResolutionKind, str, bool]] = [
    # (id, intent, facts, kind, entry, goodwill)
    ("where/no order", "where_is_order", NO_ORDER, K.ANSWER_QUESTION, "where_no_order", False),
    ("where/cancelled", "where_is_order", facts(order_status="cancelled", shipped=False),
     K.ANSWER_QUESTION, "where_cancelled", False),
    ("where/back, VIP", "where_is_order", vip(facts(order_status="returned_to_origin",
     fault="customer")), K.RESHIP, "where_back_vip", True),
    ("where/back", "where_is_order", facts(order_status="returned_to_origin", fault="customer"),
     K.ANSWER_QUESTION, "where_back", False),
    ("where/delivered", "where_is_order", delivered(3), K.SEND_TRACKING, "where_delivered", False),
    ("where/unshipped past promise", "where_is_order", replace(UNSHIPPED, days_late=2,
     fault="store"), K.ESCALATE, "where_unshipped_late", False),
    ("where/not shipped", "where_is_order", UNSHIPPED, K.ANSWER_QUESTION, "where_not_shipped",
     False),
    ("where/late, VIP", "where_is_order", vip(facts(days_late=7, fault="carrier")), K.RESHIP,
     "where_late_vip", True),
    ("where/late", "where_is_order", facts(days_late=6), K.OPEN_CARRIER_CLAIM, "where_late",
     False),
    ("where/lost scan", "where_is_order", facts(fault="carrier"), K.OPEN_CARRIER_CLAIM,
     "where_late", False),
    ("where/late within limit", "where_is_order", facts(days_late=5), K.SEND_TRACKING,
     "where_in_transit", False),
    ("missing/no order", "not_received", NO_ORDER, K.ANSWER_QUESTION, "missing_no_order", False),
    ("missing/not shipped", "not_received", UNSHIPPED, K.ANSWER_QUESTION, "missing_not_shipped",
     False),
    ("missing/lost", "not_received", facts(fault="carrier", days_late=9), K.RESHIP,
     "missing_lost", False),
    ("missing/in transit", "not_received", facts(days_late=2), K.SEND_TRACKING,
     "missing_in_transit", False),
    ("missing/serial claimer, VIP", "not_received",
     vip(delivered(5, segments=("not_received_claimer",))), K.ESCALATE, "missing_serial_claims",
     False),
    ("missing/delivered, VIP", "not_received", vip(delivered(5)), K.RESHIP,
     "missing_delivered_vip", True),
    ("missing/just delivered", "not_received", delivered(2), K.SEND_TRACKING,
     "missing_just_delivered", False),
    ("missing/delivered", "not_received", delivered(3), K.OPEN_CARRIER_CLAIM, "missing_delivered",
     False),
    ("return/no order", "return_refund", NO_ORDER, K.ANSWER_QUESTION, "return_no_order", False),
    ("return/not delivered", "return_refund", facts(), K.ANSWER_QUESTION, "return_not_delivered",
     False),
    ("return/store mistake, cheap", "return_refund", delivered(4, fault="store",
     affected_total=990), K.KEEP_ITEM_REFUND, "return_store_mistake_cheap", False),
    ("return/store mistake", "return_refund", vip(delivered(4, fault="store")), K.RETURN_LABEL,
     "return_store_mistake", False),
    ("return/wardrober past 14 days", "return_refund", delivered(20, segments=("wardrober",)),
     K.POLITE_DECLINE, "return_short_window", False),
    ("return/wardrober within 14 days", "return_refund", delivered(10, segments=("wardrober",)),
     K.RETURN_LABEL, "return_in_window", False),
    ("return/in window", "return_refund", delivered(30), K.RETURN_LABEL, "return_in_window",
     False),
    ("return/late, VIP", "return_refund", vip(delivered(31)), K.RETURN_LABEL, "return_late_vip",
     True),
    ("return/late", "return_refund", delivered(31), K.POLITE_DECLINE, "return_late", False),
    ("cancel/no order", "cancel_order", NO_ORDER, K.ANSWER_QUESTION, "cancel_no_order", False),
    ("cancel/already", "cancel_order", facts(order_status="cancelled", shipped=False),
     K.ANSWER_QUESTION, "cancel_already", False),
    ("cancel/back", "cancel_order", facts(order_status="refused", fault="customer"),
     K.ANSWER_QUESTION, "cancel_back", False),
    ("cancel/before shipping", "cancel_order", UNSHIPPED, K.CANCEL, "cancel_before_shipping",
     False),
    ("cancel/after shipping", "cancel_order", facts(), K.CANCEL_TO_RETURN,
     "cancel_after_shipping", False),
    ("cancel/after delivery", "cancel_order", delivered(1), K.CANCEL_TO_RETURN,
     "cancel_after_shipping", False),
    ("address/no order", "change_address", NO_ORDER, K.ANSWER_QUESTION, "address_no_order",
     False),
    ("address/before shipping", "change_address", UNSHIPPED, K.UPDATE_ADDRESS,
     "address_before_shipping", False),
    ("address/delivered", "change_address", delivered(1), K.ANSWER_QUESTION,
     "address_delivered", False),
    ("address/after shipping", "change_address", facts(), K.ESCALATE, "address_after_shipping",
     False),
    ("wrong/no order", "wrong_item", NO_ORDER, K.ANSWER_QUESTION, "wrong_no_order", False),
    ("wrong/cheap", "wrong_item", delivered(2, order_total=1490), K.KEEP_ITEM_REFUND,
     "wrong_cheap", False),
    ("wrong/cheap line of a dear order", "wrong_item", delivered(2, affected_total=990),
     K.KEEP_ITEM_REFUND, "wrong_cheap", False),
    ("wrong/reship", "wrong_item", delivered(2), K.RESHIP, "wrong_reship", False),
    ("damaged/no order", "damaged_item", NO_ORDER, K.ANSWER_QUESTION, "damaged_no_order", False),
    ("damaged/serial returner", "damaged_item", delivered(2, order_total=990,
     segments=("serial_returner",)), K.ESCALATE, "damaged_photo_first", False),
    ("damaged/cheap", "damaged_item", delivered(2, order_total=990), K.KEEP_ITEM_REFUND,
     "damaged_cheap", False),
    ("damaged/carrier", "damaged_item", delivered(2, fault="carrier"), K.RESHIP,
     "damaged_reship", False),
    ("discount/VIP", "discount_request", vip(delivered(40)), K.STORE_CREDIT, "discount_vip",
     True),
    ("discount/loyal", "discount_request", delivered(40, segments=("loyal",)), K.STORE_CREDIT,
     "discount_loyal", False),
    ("discount/other", "discount_request", delivered(40), K.POLITE_DECLINE, "discount_decline",
     False),
    ("subscription/VIP", "subscription_issue", vip(delivered(3)), K.REFUND, "subscription_vip",
     True),
    ("subscription/VIP without order", "subscription_issue", vip(NO_ORDER),
     K.CANCEL_SUBSCRIPTION, "subscription_cancel", False),
    ("subscription/other", "subscription_issue", delivered(3), K.CANCEL_SUBSCRIPTION,
     "subscription_cancel", False),
    ("confirm/no order", "confirm_order", NO_ORDER, K.ANSWER_QUESTION, "confirm_no_order", False),
    ("confirm/cancelled", "confirm_order", facts(order_status="cancelled", shipped=False),
     K.ANSWER_QUESTION, "confirm_cancelled", False),
    ("confirm/shipped", "confirm_order", facts(payment_method="cod"), K.ANSWER_QUESTION,
     "confirm_shipped", False),
    ("confirm/waiting", "confirm_order", replace(UNSHIPPED, order_status="awaiting_confirmation",
     payment_method="cod"), K.CONFIRM_ORDER, "confirm", False),
    ("question", "general_question", facts(), K.ANSWER_QUESTION, "question", False),
]  # fmt: skip


@pytest.mark.parametrize(("intent", "given", "kind", "entry", "goodwill"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])  # fmt: skip
def test_each_branch_of_the_default_playbook(
    intent: str, given: TicketFacts, kind: ResolutionKind, entry: str, goodwill: bool
) -> None:
    found = resolve(DEFAULT.support, intent, given)

    assert (found.kind, found.entry, found.goodwill) == (kind, entry, goodwill)
    assert found.reason.startswith(f"{entry}: ")


def test_every_default_entry_is_reached_by_a_case() -> None:
    reached = {c[4] for c in CASES}

    assert [e.name for e in DEFAULT.support.playbook if e.name not in reached] == []


def _amounts(found: Resolution) -> tuple[int | None, int | None, int | None]:
    return found.refund_amount, found.credit_amount, found.fee_amount


@pytest.mark.parametrize(
    ("intent", "given", "amounts"),
    [
        ("cancel_order", facts(shipped=False, order_status="confirmed"), (6000, None, None)),
        ("cancel_order", facts(shipped=False, order_status="confirmed", payment_method="cod"),
         (None, None, None)),
        ("cancel_order", facts(), (5500, None, 500)),
        ("cancel_order", facts(payment_method="cod"), (None, None, 500)),
        ("cancel_order", delivered(1, payment_method="cod"), (5500, None, 500)),
        ("cancel_order", facts(order_total=300), (0, None, 500)),
        ("return_refund", delivered(4), (6000, None, None)),
        ("return_refund", delivered(4, affected_total=2500), (2500, None, None)),
        ("wrong_item", delivered(2, affected_total=990), (990, None, None)),
        ("discount_request", vip(delivered(40, order_total=12345)), (None, 1234, None)),
        ("subscription_issue", vip(delivered(3, order_total=1299)), (1299, None, None)),
        ("wrong_item", delivered(2), (None, None, None)),
    ],
    ids=["cancel card", "cancel cod", "cancel shipped card", "cancel shipped cod",
         "cancel delivered cod", "fee above total", "return whole order", "return some lines",
         "keep one line", "goodwill credit", "last charge back", "reship pays nothing"],
)  # fmt: skip
def test_amounts_come_from_the_order_and_the_policy(
    intent: str, given: TicketFacts, amounts: tuple[int | None, int | None, int | None]
) -> None:
    assert _amounts(resolve(DEFAULT.support, intent, given)) == amounts


def test_orders_in_another_currency_are_measured_and_charged_in_their_own() -> None:
    # the policy is in EUR; HUF 0.0025 EUR: the fee of EUR 5.00 is HUF 2,000.00
    huf = facts(currency="HUF", order_total=2_400_000)
    cheap = delivered(2, currency="HUF", order_total=500_000)  # EUR 12.50 < EUR 15.00

    cancelled = resolve(DEFAULT.support, "cancel_order", huf)
    kept = resolve(DEFAULT.support, "wrong_item", cheap)

    assert _amounts(cancelled) == (2_200_000, None, 200_000)
    assert (kept.kind, kept.refund_amount) == (K.KEEP_ITEM_REFUND, 500_000)


def test_an_order_in_a_currency_without_a_rate_is_never_cheap_on_a_guess() -> None:
    cheap_looking = delivered(2, currency="JPY", order_total=900)

    kept = resolve(DEFAULT.support, "wrong_item", cheap_looking)
    cancelled = resolve(DEFAULT.support, "cancel_order", facts(currency="JPY", order_total=900))

    assert (kept.kind, kept.entry) == (K.RESHIP, "wrong_reship")
    assert _amounts(cancelled) == (900, None, None)  # no fee without a rate to convert it


def test_a_paying_entry_without_anything_to_pay_goes_to_an_agent() -> None:
    found = resolve(DEFAULT.support, "discount_request", vip(NO_ORDER))

    assert (found.kind, found.entry, _amounts(found)) == (K.ESCALATE, "no_amount", (None,) * 3)
    assert "discount_vip" in found.reason
    assert "store_credit needs an amount" in found.reason


@pytest.mark.parametrize(
    "intent", ["not_received", "where_is_order", "return_refund", "damaged_item", "wrong_item"]
)
def test_an_open_dispute_turns_a_resend_or_refund_into_an_agents_decision(intent: str) -> None:
    given = vip(delivered(3, open_dispute=DISPUTE))

    found = resolve(DEFAULT.support, intent, given)

    flag = "open_dispute: order #0999, 49.90 EUR, reason product_not_received, opened 2026-02-20"
    assert dispute_flag(intent, given) == flag
    assert (found.kind, found.entry, found.goodwill) == (K.ESCALATE, "open_dispute", False)
    assert _amounts(found) == (None, None, None)
    assert found.reason.startswith(flag)


@pytest.mark.parametrize(
    ("intent", "kind"),
    [("cancel_order", K.CANCEL_TO_RETURN), ("discount_request", K.POLITE_DECLINE),
     ("general_question", K.ANSWER_QUESTION)],
)  # fmt: skip
def test_a_dispute_does_not_touch_other_intents(intent: str, kind: ResolutionKind) -> None:
    given = delivered(3, open_dispute=DISPUTE)

    assert dispute_flag(intent, given) is None
    assert resolve(DEFAULT.support, intent, given).kind is kind


def test_a_condition_failing_on_the_facts_does_not_hold_and_says_so() -> None:
    from goodbuyer.policy.loading import parse_policy

    entries = (
        "    - {name: per_day, intent: where_is_order, when: facts.order_total / facts.days_late"
        " > 100, resolution: reship, reason: dear per day}\n"
    )
    policy = parse_policy(policy_text(entries)).support

    found = resolve(policy, "where_is_order", facts(days_late=0))

    assert (found.kind, found.entry) == (K.ESCALATE, "any_where_is_order")
    assert found.reason.startswith("entry 'per_day' failed (")


def test_an_unknown_intent_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown intent 'refund_now'"):
        resolve(DEFAULT.support, "refund_now", facts())
