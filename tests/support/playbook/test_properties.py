"""`resolve` is a function of the intent and the facts only: deterministic, always a
resolution the intent allows, money only where the kind pays."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.support.playbook import DISPUTED_INTENTS, ResolutionKind, resolve
from goodbuyer.support.resolutions import ALLOWED
from goodbuyer.support.ticket_facts import FAULTS, DisputeFacts, TicketFacts
from goodbuyer.support.triage.labels import INTENTS
from tests.support.playbook.factories import DEFAULT

_STATUSES = ("placed", "awaiting_confirmation", "confirmed", "shipped", "delivered", "refused",
             "returned_to_origin", "cancelled")  # fmt: skip
_SEGMENTS = ("vip", "loyal", "wardrober", "serial_returner", "not_received_claimer", "ghost")
_money = st.integers(min_value=0, max_value=10_000_000)
_days = st.integers(min_value=0, max_value=400)
_disputes = st.builds(
    DisputeFacts, st.sampled_from(["#1", "#2002"]), _money, st.sampled_from(["EUR", "HUF"]),
    st.sampled_from(["fraudulent", "product_not_received"]),
    st.datetimes(timezones=st.just(UTC), min_value=datetime(2020, 1, 1))  # noqa: DTZ001 (naive bounds),
)  # fmt: skip
_facts = st.builds(
    TicketFacts,
    has_order=st.booleans(),
    order_number=st.none() | st.just("#1001"),
    order_status=st.none() | st.sampled_from(_STATUSES),
    payment_method=st.none() | st.sampled_from(["cod", "card", "wallet"]),
    shipped=st.booleans(),
    delivered_scan=st.booleans(),
    days_late=st.none() | _days,
    days_since_delivery=st.none() | _days,
    fault=st.sampled_from(FAULTS),
    first_name=st.none() | st.just("Aino"),
    carrier=st.none() | st.just("Posti"),
    tracking_number=st.none() | st.just("JJFI6401"),
    tracking_url=st.none() | st.just("https://posti.example/JJFI6401"),
    order_total=st.none() | _money,
    currency=st.none() | st.sampled_from(["EUR", "HUF", "ILS", "JPY"]),
    net_value=_money,
    vip=st.booleans(),
    segments=st.lists(st.sampled_from(_SEGMENTS), unique=True).map(tuple),
    open_dispute=st.none() | _disputes,
    blocked=st.booleans(),
    affected_total=st.none() | _money,
)
_PAYING = {ResolutionKind.REFUND, ResolutionKind.KEEP_ITEM_REFUND}
_AGAIN = parse_policy(default_policy_text()).support  # the same text, parsed apart


def test_resolve_reads_nothing_but_the_playbook_the_intent_and_the_facts() -> None:
    assert list(inspect.signature(resolve).parameters) == ["playbook", "intent", "facts"]


@settings(max_examples=400, deadline=None)
@given(intent=st.sampled_from(INTENTS), facts=_facts)
def test_resolve_is_a_deterministic_function_of_intent_and_facts(
    intent: str, facts: TicketFacts
) -> None:
    first = resolve(DEFAULT.support, intent, facts)

    assert resolve(_AGAIN, intent, facts) == first == resolve(DEFAULT.support, intent, facts)
    assert first.kind in ALLOWED[intent]
    assert not first.goodwill or facts.vip
    if first.kind in _PAYING:
        assert first.refund_amount
    if first.kind is ResolutionKind.STORE_CREDIT:
        assert first.credit_amount
    if first.kind is ResolutionKind.CANCEL_TO_RETURN:
        assert first.fee_amount is not None or facts.currency not in ("EUR", "HUF", "ILS")
    if facts.open_dispute is not None and intent in DISPUTED_INTENTS:
        assert (first.kind, first.entry) == (ResolutionKind.ESCALATE, "open_dispute")
