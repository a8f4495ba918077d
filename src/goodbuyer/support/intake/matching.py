"""Find the order a message is about from an order number or tracking code in its text.

Only numbers that exist in this shop count. When the sender is already known (by e-mail
or phone), only that customer's own orders are linked: a stranger's order number never
ties their order to someone else's ticket. When the sender is unknown, the order found
is linked if it is unambiguous (every match belongs to one customer).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.deliveries.models import Shipment
from goodbuyer.store import service as store
from goodbuyer.support.intake.references import Reference, find_references

MatchedBy = Literal["tracking_code", "order_number"]


@dataclass(frozen=True)
class OrderMatch:
    """The order a message names, and what in the text named it."""

    order_id: uuid.UUID
    customer_id: uuid.UUID
    by: MatchedBy
    value: str

    def evidence(self) -> dict[str, str]:
        return {"by": self.by, "value": self.value, "order_id": str(self.order_id)}


@dataclass(frozen=True)
class _Candidate:
    match: OrderMatch
    anchored: bool
    placed_at: datetime

    def rank(self) -> tuple[bool, bool, datetime]:
        return (self.match.by == "tracking_code", self.anchored, self.placed_at)


def match_order_reference(
    session: Session,
    shop_id: uuid.UUID,
    texts: Sequence[str | None],
    customer_id: uuid.UUID | None,
) -> OrderMatch | None:
    """The order named in `texts` (subject, body), preferring the known sender's own."""
    references = find_references(*texts)
    if not references:
        return None
    candidates = _by_tracking(session, shop_id, references) + _by_number(
        session, shop_id, references
    )
    if customer_id is not None:
        candidates = [c for c in candidates if c.match.customer_id == customer_id]
    elif len({c.match.customer_id for c in candidates}) > 1:
        return None
    if not candidates:
        return None
    return max(candidates, key=_Candidate.rank).match


def _variants(references: Sequence[Reference]) -> dict[str, Reference]:
    return {form: ref for ref in references for form in ref.variants()}


def _by_number(
    session: Session, shop_id: uuid.UUID, references: Sequence[Reference]
) -> list[_Candidate]:
    forms = _variants(references)
    orders = store.find_orders_by_number(session, shop_id, sorted(forms))
    return [_candidate(order, "order_number", forms[order.number]) for order in orders]


def _by_tracking(
    session: Session, shop_id: uuid.UUID, references: Sequence[Reference]
) -> list[_Candidate]:
    forms = _variants([r for r in references if len(r.value) >= 8])
    if not forms:
        return []
    query = select(Shipment.order_id, Shipment.tracking_number).where(
        Shipment.shop_id == shop_id, Shipment.tracking_number.in_(sorted(forms))
    )
    found = []
    for order_id, tracking in session.execute(query):
        if tracking is None:
            continue
        order = store.get_order(session, shop_id, order_id)
        found.append(_candidate(order, "tracking_code", forms[tracking]))
    return found


def _candidate(order: store.Order, by: MatchedBy, reference: Reference) -> _Candidate:
    match = OrderMatch(order.id, order.customer_id, by, reference.value)
    return _Candidate(match, reference.anchored, order.placed_at)


__all__ = ["OrderMatch", "match_order_reference"]
