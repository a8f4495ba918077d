"""Outcomes of past orders, and what the history check makes of them (pure)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from goodbuyer.store.statuses import OrderStatus, PaymentStatus

HISTORY_LIMIT = 200  # earlier orders counted per check, newest first
LISTED = 20  # of which the document lists the newest


class OrderOutcome(StrEnum):
    DELIVERED_PAID = "delivered_paid"  # delivered, and paid
    REFUSED = "refused"  # refused at the door
    RETURNED_TO_ORIGIN = "returned_to_origin"  # never collected; the carrier brought it back
    UNPAID = "unpaid"  # cash on delivery never collected
    RETURNED = "returned"  # delivered, then (partly) sent back
    CHARGED_BACK = "charged_back"  # the payment was disputed
    CANCELLED = "cancelled"  # cancelled before shipping
    OPEN = "open"  # not finished yet


UNSUCCESSFUL = frozenset(
    {OrderOutcome.REFUSED, OrderOutcome.RETURNED_TO_ORIGIN, OrderOutcome.UNPAID}
)

_BY_STATUS = {
    OrderStatus.REFUSED: OrderOutcome.REFUSED,
    OrderStatus.RETURNED_TO_ORIGIN: OrderOutcome.RETURNED_TO_ORIGIN,
    OrderStatus.CANCELLED: OrderOutcome.CANCELLED,
}


def outcome_of(
    status: OrderStatus, payment: PaymentStatus, returned: bool, charged_back: bool
) -> OrderOutcome:
    if charged_back:
        return OrderOutcome.CHARGED_BACK
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if payment is PaymentStatus.UNPAID:
        return OrderOutcome.UNPAID
    if returned:
        return OrderOutcome.RETURNED
    if status is OrderStatus.DELIVERED:
        return OrderOutcome.DELIVERED_PAID
    return OrderOutcome.OPEN


@dataclass(frozen=True, slots=True)
class PastOrder:
    """An earlier order as the history check shows it."""

    order_id: uuid.UUID
    number: str
    placed_at: datetime
    total: int
    currency: str
    payment_method: str
    outcome: OrderOutcome
    relation: str  # "same person" or "household"

    def in_household(self) -> PastOrder:
        """The same order seen from a household member's side."""
        return replace(self, relation="household")

    def as_json(self) -> dict[str, Any]:
        return {
            "order_id": str(self.order_id), "number": self.number,
            "placed_at": self.placed_at.isoformat(), "total": self.total,
            "currency": self.currency, "payment_method": self.payment_method,
            "outcome": self.outcome.value, "relation": self.relation,
        }  # fmt: skip


_FLAGGED = (*sorted(UNSUCCESSFUL), OrderOutcome.CHARGED_BACK)
_WHO = (("same person", "high", "this customer", ""),
        ("household", "medium", "the same household", "_household"))  # fmt: skip


def red_flags(history: list[PastOrder]) -> list[dict[str, Any]]:
    """One flag per kind of unsuccessful outcome, naming the orders it comes from."""
    found: dict[tuple[str, OrderOutcome], list[str]] = {}
    for p in history:
        if p.outcome in _VERB:
            found.setdefault((p.relation, p.outcome), []).append(p.number)
    flags: list[dict[str, Any]] = []
    for relation, severity, who, suffix in _WHO:
        for outcome in _FLAGGED:
            numbers = found.get((relation, outcome))
            if numbers:
                flags.append({
                    "code": f"{outcome.value}{suffix}", "severity": severity, "orders": numbers,
                    "reason": f"{len(numbers)} earlier order(s) of {who} {_VERB[outcome]}: "
                    + ", ".join(n if n.startswith("#") else f"#{n}" for n in numbers[:10]),
                })  # fmt: skip
    return flags


_VERB = {
    OrderOutcome.REFUSED: "refused at the door",
    OrderOutcome.RETURNED_TO_ORIGIN: "returned to origin (never collected)",
    OrderOutcome.UNPAID: "left unpaid (cash on delivery)",
    OrderOutcome.CHARGED_BACK: "charged back",
}


def _listed(order: PastOrder) -> dict[str, Any]:
    return order.as_json()


def summarise(
    person: uuid.UUID,
    members: list[uuid.UUID],
    household: list[uuid.UUID],
    past: list[PastOrder],
    listed: Callable[[PastOrder], dict[str, Any]] = _listed,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(history document, red flags) from the past orders, newest first. `listed` gives a
    past order's JSON (a backfill hands in one that remembers them: the same order is
    listed by up to LISTED later checks)."""
    mine = 0
    outcomes: dict[str, int] = {}
    for p in past:
        if p.relation == "same person":
            mine += 1
            outcomes[p.outcome.value] = outcomes.get(p.outcome.value, 0) + 1
    document = {
        "person_id": str(person),
        "customer_records": [str(m) for m in members],
        "household_records": [str(h) for h in household],
        "orders": mine,
        "household_orders": len(past) - mine,
        "outcomes": dict(sorted(outcomes.items())),
        "past_orders": [listed(p) for p in past[:LISTED]],
    }
    return document, red_flags(past)


__all__ = [
    "HISTORY_LIMIT", "LISTED", "UNSUCCESSFUL", "OrderOutcome", "PastOrder", "outcome_of",
    "red_flags", "summarise",
]  # fmt: skip
