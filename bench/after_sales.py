"""Returns, refunds, chargebacks and tickets written straight into a bench shop's tables
(bench/decide.py): the CSV import stores these one record at a time, too slowly for a
1,000,000-order shop. Shares as in the demo shop, on random orders; deterministic."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from goodbuyer.ids import new_id
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.payments.statuses import ChargebackReason, ChargebackStatus
from goodbuyer.returns.models import Return, ReturnLine
from goodbuyer.returns.statuses import ReturnReason, ReturnStatus
from goodbuyer.store.models import Order
from goodbuyer.support.models import Ticket
from goodbuyer.support.statuses import Channel, TicketStatus

SHARES = {"returns": 0.06, "refunds": 0.04, "chargebacks": 0.005, "tickets": 0.05}
TAGS = ("not_received", "change_address", "discount_request", "threat_review", "abusive")
CHUNK = 5000


def _chunks(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def add_after_sales(session: Session, shop_id: uuid.UUID) -> dict[str, int]:
    """Write the rows; returns how many of each."""
    rng = random.Random(9)
    orders = session.execute(
        select(Order.id, Order.customer_id, Order.placed_at, Order.total, Order.currency)
        .where(Order.shop_id == shop_id)
    ).all()  # fmt: skip
    rows: dict[Any, list[dict[str, Any]]] = {Return: [], ReturnLine: [], Refund: [],
                                             Chargeback: [], Ticket: []}  # fmt: skip
    reasons, cb_reasons = list(ReturnReason), list(ChargebackReason)
    for o in orders:
        if rng.random() < SHARES["returns"]:
            at = o.placed_at + timedelta(days=rng.randrange(3, 30))
            return_id = new_id()
            rows[Return].append({
                "id": return_id, "shop_id": shop_id, "order_id": o.id, "customer_id": o.customer_id,
                "source": "bench", "external_id": f"R-{return_id}", "status": ReturnStatus.RECEIVED,
                "reason": rng.choice(reasons), "photos": [], "requested_at": at,
                "source_updated_at": at, "created_at": at, "updated_at": at, "raw": {},
            })  # fmt: skip
            rows[ReturnLine].append({
                "id": new_id(), "shop_id": shop_id, "return_id": return_id, "sku": "SKU-1",
                "quantity": 1 + rng.randrange(2), "unit_price": 2990,
                "condition": "worn" if rng.random() < 0.2 else "new",
            })  # fmt: skip
        if rng.random() < SHARES["refunds"]:
            at = o.placed_at + timedelta(days=rng.randrange(5, 40))
            rows[Refund].append({
                "id": new_id(), "shop_id": shop_id, "order_id": o.id, "return_id": None,
                "source": "bench", "external_id": f"F-{o.id}", "amount": o.total // 2,
                "currency": o.currency, "created_at": at, "refunded_at": at, "raw": {},
                "reason": "never arrived" if rng.random() < 0.3 else "returned",
            })  # fmt: skip
        if rng.random() < SHARES["chargebacks"]:
            at = o.placed_at + timedelta(days=rng.randrange(10, 60))
            rows[Chargeback].append({
                "id": new_id(), "shop_id": shop_id, "order_id": o.id, "source": "bench",
                "external_id": f"C-{o.id}", "amount": o.total, "currency": o.currency,
                "reason": rng.choice(cb_reasons), "status": ChargebackStatus.OPEN,
                "opened_at": at, "resolved_at": None, "source_updated_at": at,
                "created_at": at, "updated_at": at, "raw": {},
            })  # fmt: skip
        if rng.random() < SHARES["tickets"]:
            at = o.placed_at + timedelta(days=rng.randrange(1, 20))
            rows[Ticket].append({
                "id": new_id(), "shop_id": shop_id, "source": "bench", "external_id": f"T-{o.id}",
                "customer_id": o.customer_id, "order_id": o.id, "channel": Channel.EMAIL,
                "subject": "About my order", "status": TicketStatus.OPEN, "language": "en",
                "tags": [rng.choice(TAGS)], "created_at": at, "updated_at": at,
            })  # fmt: skip
    for model, found in rows.items():
        for chunk in _chunks(found):
            session.execute(insert(model), chunk)
    return {model.__tablename__: len(found) for model, found in rows.items()}
