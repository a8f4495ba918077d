"""Returns use cases: take return requests (RMAs) in, read them back."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.audit import record_on_order
from goodbuyer.errors import FieldError, InvalidInput, NotFound
from goodbuyer.records import shop_key, store_keyed
from goodbuyer.returns.models import Return, ReturnLine
from goodbuyer.returns.schemas import ReturnIn
from goodbuyer.risk import service as risk
from goodbuyer.store import service as store
from goodbuyer.store.schemas import IngestResult
from goodbuyer.store.service import Order


def ingest_return(
    session: Session, shop_id: uuid.UUID, source: str, data: ReturnIn, now: datetime, actor: str,
    *, segments: bool = True,
) -> IngestResult:  # fmt: skip
    """Store a return once; a newer version replaces its status, reason and lines.
    `segments`: bring the customer's segments up to date (bulk imports do it at the end)."""
    order = store.require_order(session, shop_id, data.order_source, data.order_external_id)
    lines = _lines(order, data)
    version = data.updated_at or data.requested_at

    def create() -> Return:
        return Return(
            shop_id=shop_id,
            order_id=order.id,
            customer_id=order.customer_id,
            source=source,
            external_id=data.external_id,
            created_at=now,
            updated_at=now,
            source_updated_at=version,
            lines=lines,
            **_fields(data),
        )

    def update(existing: Return) -> None:
        for name, value in _fields(data).items():
            setattr(existing, name, value)
        existing.lines = lines
        existing.updated_at = now

    found, action = store_keyed(
        session,
        Return,
        shop_key(shop_id, source, data.external_id),
        version=version,
        create=create,
        update=update,
    )
    if action in ("created", "updated"):
        session.flush()
        record_on_order(
            session,
            order,
            f"return.{action}",
            found.id,
            at=now,
            actor=actor,
            data={"status": data.status.value, "reason": data.reason.value},
        )
    if segments and action in ("created", "updated"):
        risk.refresh_segments(session, shop_id, found.customer_id, now, actor)
    return IngestResult(id=found.id, external_id=data.external_id, action=action)


def _fields(data: ReturnIn) -> dict[str, object]:
    return {
        "status": data.status,
        "reason": data.reason,
        "reason_text": data.reason_text,
        "photos": data.photos,
        "requested_at": data.requested_at,
        "raw": data.raw or {},
    }


def _lines(order: Order, data: ReturnIn) -> list[ReturnLine]:
    """Return lines priced from the order's lines; a SKU the order lacks is refused."""
    prices = {line.sku: line.unit_price for line in order.lines}
    errors = [
        FieldError(f"lines.{i}.sku", f"order {order.number} has no line with SKU {ln.sku!r}")
        for i, ln in enumerate(data.lines)
        if ln.sku not in prices
    ]
    if errors:
        raise InvalidInput("the return names products the order does not have", errors=errors)
    return [
        ReturnLine(
            shop_id=order.shop_id,
            sku=ln.sku,
            quantity=ln.quantity,
            unit_price=ln.unit_price if ln.unit_price is not None else prices[ln.sku],
            condition=ln.condition,
        )
        for ln in data.lines
    ]


def find_return(session: Session, shop_id: uuid.UUID, source: str, external_id: str) -> Return:
    found = session.scalar(
        select(Return).where(
            Return.shop_id == shop_id, Return.source == source, Return.external_id == external_id
        )
    )
    if found is None:
        raise NotFound(f"no return with external id {external_id!r} from source '{source}'")
    return found


def list_returns(session: Session, shop_id: uuid.UUID, order_id: uuid.UUID) -> list[Return]:
    store.get_order(session, shop_id, order_id)
    query = select(Return).where(Return.shop_id == shop_id, Return.order_id == order_id)
    return list(session.scalars(query.order_by(Return.requested_at)))


__all__ = ["find_return", "ingest_return", "list_returns"]
