"""The threat-blind playbook (pure): intent x facts x segment -> one resolution (R4.4,
R4.5, R4.8, R5.3, R5.6).

`resolve` reads the intent and the ticket's facts, nothing else: no flags, no anger, no
text, so a threat cannot change what the customer is offered. A customer with an open
dispute who asks for a resend or refund is handed to an agent (`dispute_flag`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from goodbuyer.money import from_minor
from goodbuyer.policy.expressions import ExpressionError
from goodbuyer.policy.support import PlaybookEntry, SupportPolicy, compile_condition
from goodbuyer.support.resolutions import ALLOWED, PAYING, ResolutionKind
from goodbuyer.support.ticket_facts import TicketFacts

log = logging.getLogger(__name__)

Playbook = SupportPolicy  # the policy section the playbook lives in

# Intents that ask for a resend or money: on top of an open dispute they go to an agent.
DISPUTED_INTENTS = frozenset({"not_received", "where_is_order", "return_refund",
                              "damaged_item", "wrong_item"})  # fmt: skip
DISPUTE_ENTRY = "open_dispute"  # the `entry` of a resolution the dispute rule gave
NO_AMOUNT_ENTRY = "no_amount"  # ... of a paying entry without an amount to pay
UNPRICED = 10**15  # the value of an amount in a currency the policy has no rate for


@dataclass(frozen=True)
class Resolution:
    kind: ResolutionKind
    entry: str  # the playbook entry that matched
    goodwill: bool  # a VIP goodwill resolution (R4.4)
    refund_amount: int | None  # minor units, when kind refunds
    credit_amount: int | None  # minor units, store credit
    fee_amount: int | None  # the published cancel-after-shipping fee (R5.6)
    reason: str  # why, with the facts that decided it


def resolve(playbook: SupportPolicy, intent: str, facts: TicketFacts) -> Resolution:
    """The resolution the playbook gives `intent` on these facts: the first entry of the
    intent whose conditions hold. Raises ValueError for an intent the playbook does not know."""
    if intent not in ALLOWED:
        raise ValueError(f"unknown intent {intent!r}; known: {', '.join(ALLOWED)}")
    flag = dispute_flag(intent, facts)
    if flag is not None:
        return Resolution(ResolutionKind.ESCALATE, DISPUTE_ENTRY, False, None, None, None,
                          f"{flag}; no resend or refund on top of an open dispute")  # fmt: skip
    features = fact_features(playbook, facts)
    skipped: list[str] = []
    for entry in playbook.entries_for(intent):
        if _matches(entry, facts, features, skipped):
            return _resolution(playbook, entry, facts, skipped)
    # Unreachable for a validated playbook (a catch-all ends every intent).
    raise ValueError(f"the playbook has no entry for {intent} that matches")


def dispute_flag(intent: str, facts: TicketFacts) -> str | None:
    """The ticket flag of a customer with an open dispute who asks for a resend or a refund
    (R4.8), with the dispute's facts; None otherwise."""
    dispute = facts.open_dispute
    if dispute is None or intent not in DISPUTED_INTENTS:
        return None
    amount = _money(dispute.amount, dispute.currency)
    opened = dispute.opened_at.date().isoformat()
    return (
        f"open_dispute: order {dispute.order_number}, {amount}, reason {dispute.reason}, "
        f"opened {opened}"
    )


def fact_features(playbook: SupportPolicy, facts: TicketFacts) -> dict[str, Any]:
    """The facts.* and support.* values playbook conditions read (policy.support's
    FACT_VOCABULARY): a missing number reads 0, a missing text ""."""
    total, currency = facts.order_total, facts.currency or ""
    claim = facts.affected_total if facts.affected_total is not None else total
    return {
        "facts.has_order": facts.has_order,
        "facts.order_status": facts.order_status or "",
        "facts.payment_method": facts.payment_method or "",
        "facts.shipped": facts.shipped,
        "facts.delivered_scan": facts.delivered_scan,
        "facts.has_promise": facts.days_late is not None,
        "facts.days_late": facts.days_late or 0,
        "facts.days_since_delivery": facts.days_since_delivery or 0,
        "facts.fault": facts.fault,
        "facts.order_total": total or 0,
        "facts.order_value": _in_policy(playbook, total, currency),
        "facts.claim_value": _in_policy(playbook, claim, currency),
        "facts.currency": currency,
        "facts.carrier": facts.carrier or "",
        "facts.net_value": facts.net_value,
        "facts.vip": facts.vip,
        "facts.segments": facts.segments,
        "facts.open_dispute": facts.open_dispute is not None,
        "facts.blocked": facts.blocked,
        **playbook.numbers(),
    }


def _in_policy(playbook: SupportPolicy, amount: int | None, currency: str) -> int:
    """`amount` in the policy's currency; 0 when there is none. Without a rate for its
    currency it reads UNPRICED: never "cheaper than returning it" on a guess."""
    if amount is None:
        return 0
    converted = playbook.to_policy_currency(amount, currency)
    return converted if converted is not None else UNPRICED


def _matches(
    entry: PlaybookEntry, facts: TicketFacts, features: dict[str, Any], skipped: list[str]
) -> bool:
    if entry.vip is not None and entry.vip != facts.vip:
        return False
    if entry.segment is not None and entry.segment not in facts.segments:
        return False
    if entry.when is None:
        return True
    try:
        return compile_condition(entry.when)(features)
    except ExpressionError as e:
        # A condition that fails on these facts does not hold; the resolution says so.
        log.warning("playbook entry %s failed: %s", entry.name, e)
        skipped.append(f"entry {entry.name!r} failed ({e})")
        return False


def _resolution(
    playbook: SupportPolicy, entry: PlaybookEntry, facts: TicketFacts, skipped: list[str]
) -> Resolution:
    kind = entry.resolution
    refund, credit, fee = _amounts(playbook, kind, facts)
    goodwill = entry.vip is True and facts.vip and facts.fault != "store"
    why = "; ".join([*skipped, f"{entry.name}: {entry.reason}", _evidence(facts)])
    if kind in PAYING and not refund and not credit:
        return Resolution(ResolutionKind.ESCALATE, NO_AMOUNT_ENTRY, False, None, None, None,
                          f"{why}; {kind.value} needs an amount and there is none "
                          "to pay: an agent decides")  # fmt: skip
    return Resolution(kind, entry.name, goodwill, refund, credit, fee, why)


def _amounts(
    playbook: SupportPolicy, kind: ResolutionKind, facts: TicketFacts
) -> tuple[int | None, int | None, int | None]:
    """(refund, credit, fee) in minor units of the order's currency."""
    total, currency = facts.order_total, facts.currency or ""
    paid = total if facts.payment_method != "cod" or facts.delivered_scan else None
    affected = facts.affected_total if facts.affected_total is not None else total
    K = ResolutionKind
    if kind in (K.REFUND, K.KEEP_ITEM_REFUND, K.RETURN_LABEL):
        return affected, None, None
    if kind is K.STORE_CREDIT:
        percent = playbook.goodwill_credit_percent
        return None, (total * percent // 100 if total is not None else None), None
    if kind is K.CANCEL:
        return paid, None, None
    if kind is K.CANCEL_TO_RETURN:
        fee = playbook.from_policy_currency(playbook.cancel_after_shipping_fee, currency)
        refund = max(0, paid - (fee or 0)) if paid is not None else None
        return refund, None, fee
    return None, None, None


def _evidence(facts: TicketFacts) -> str:
    """The facts an agent checks the resolution against."""
    if not facts.has_order:
        return "no order linked"
    scan = "delivered scan" if facts.delivered_scan else "no delivery scan"
    order = f"order {facts.order_number or '(no number)'} {facts.order_status or ''}".strip()
    parts = [order, scan, f"fault {facts.fault}"]
    if facts.days_late:
        parts.append(f"{facts.days_late} days late")
    if facts.days_since_delivery is not None:
        parts.append(f"delivered {facts.days_since_delivery} days ago")
    if facts.vip:
        parts.append(f"VIP (net value {facts.net_value})")
    if facts.segments:
        parts.append(f"segments {', '.join(facts.segments)}")
    return ", ".join(parts)


def _money(amount: int, currency: str) -> str:
    return f"{from_minor(amount, currency)} {currency}"


__all__ = [
    "DISPUTED_INTENTS", "DISPUTE_ENTRY", "NO_AMOUNT_ENTRY", "UNPRICED", "Playbook", "Resolution",
    "ResolutionKind", "dispute_flag", "fact_features", "resolve",
]  # fmt: skip
