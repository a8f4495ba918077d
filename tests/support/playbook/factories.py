"""Plain functions that build a ticket's facts and small policies for the playbook tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from goodbuyer.policy.document import Policy
from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.support.ticket_facts import DisputeFacts, TicketFacts
from goodbuyer.support.triage.labels import INTENTS

DEFAULT: Policy = parse_policy(default_policy_text())

SHIPPED = TicketFacts(
    has_order=True,
    order_number="#1001",
    order_status="shipped",
    payment_method="card",
    shipped=True,
    delivered_scan=False,
    days_late=0,
    days_since_delivery=None,
    fault="none",
    first_name="Aino",
    carrier="Posti",
    tracking_number="JJFI6401",
    tracking_url="https://posti.example/JJFI6401",
    order_total=6000,
    currency="EUR",
    net_value=5000,
    vip=False,
    segments=(),
    open_dispute=None,
    blocked=False,
)
NO_ORDER = replace(
    SHIPPED, has_order=False, order_number=None, order_status=None, payment_method=None,
    shipped=False, days_late=None, fault="unknown", carrier=None, tracking_number=None,
    tracking_url=None, order_total=None, currency=None,
)  # fmt: skip
DISPUTE = DisputeFacts("#0999", 4990, "EUR", "product_not_received",
                       datetime(2026, 2, 20, 8, 0, tzinfo=UTC))  # fmt: skip


def facts(**changes: Any) -> TicketFacts:
    """A shipped card order of EUR 60.00, on time, of a customer who is no VIP; changed."""
    return replace(SHIPPED, **changes)


def delivered(days_ago: int, **changes: Any) -> TicketFacts:
    given = {"fault": "customer", **changes}
    return facts(order_status="delivered", delivered_scan=True, days_since_delivery=days_ago,
                 **given)  # fmt: skip


def vip(base: TicketFacts) -> TicketFacts:
    return replace(base, vip=True, net_value=250_000)


def policy_text(entries: str, *, support: str = "", covered: tuple[str, ...] = ()) -> str:
    """A small policy whose playbook is `entries` (YAML list items, 4 spaces in) plus a
    catch-all for every intent not in `covered`."""
    rest = "".join(
        f"    - {{name: any_{intent}, intent: {intent}, resolution: escalate, reason: agent}}\n"
        for intent in INTENTS
        if intent not in covered
    )
    return (
        "format: 1\ncurrency: EUR\nknown_good: customer.orders > 3\n"
        "segments:\n  loyal: {when: customer.delivered >= 4, reason: loyal}\n"
        f"support:\n{support}  playbook:\n{entries}{rest}"
    )
