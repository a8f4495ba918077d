"""Delivery use cases: take shipments, carrier scans and survey answers in; read them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.audit import record, record_on_order
from goodbuyer.clock import ensure_utc
from goodbuyer.deliveries.effects import order_status_for, payment_status_for
from goodbuyer.deliveries.models import Shipment, ShipmentEvent, SurveyAnswer
from goodbuyer.deliveries.schemas import ShipmentIn, SurveyAnswerIn
from goodbuyer.deliveries.statuses import ShipmentStatus
from goodbuyer.errors import NotFound
from goodbuyer.records import shop_key, store_keyed
from goodbuyer.risk import service as risk
from goodbuyer.store import service as store
from goodbuyer.store.schemas import IngestResult
from goodbuyer.store.service import Order
from goodbuyer.support import service as support


def ingest_shipment(
    session: Session, shop_id: uuid.UUID, source: str, data: ShipmentIn, now: datetime, actor: str,
    *, segments: bool = True,
) -> IngestResult:  # fmt: skip
    """Store a shipment and its scans once; new scans add to it, never replace it.
    `segments`: bring the customer's segments up to date (bulk imports do it at the end)."""
    order = store.require_order(session, shop_id, data.order_source, data.order_external_id)
    assert data.updated_at is not None
    assert data.status is not None

    def create() -> Shipment:
        return Shipment(
            shop_id=shop_id,
            order_id=order.id,
            source=source,
            external_id=data.external_id,
            created_at=now,
            updated_at=now,
            source_updated_at=data.updated_at,
            **_fields(data),
        )

    def update(shipment: Shipment) -> None:
        for name, value in _fields(data).items():
            setattr(shipment, name, value)
        shipment.updated_at = now

    shipment, action = store_keyed(
        session,
        Shipment,
        shop_key(shop_id, source, data.external_id),
        version=data.updated_at,
        create=create,
        update=update,
    )
    added = _add_events(session, shipment, data)
    if action == "unchanged" and added:
        action = "updated"
    if action in ("created", "updated"):
        _apply_to_order(session, order, shipment, now, actor)
        record_on_order(
            session,
            order,
            f"shipment.{action}",
            shipment.id,
            at=now,
            actor=actor,
            data={"status": shipment.status.value, "tracking_number": shipment.tracking_number},
        )
    if segments and action in ("created", "updated"):
        risk.refresh_segments(session, shop_id, order.customer_id, now, actor)
    return IngestResult(id=shipment.id, external_id=data.external_id, action=action)


def _fields(data: ShipmentIn) -> dict[str, object]:
    return {
        "carrier": data.carrier,
        "tracking_number": data.tracking_number,
        "tracking_url": data.tracking_url,
        "status": data.status,
        "promised_at": data.promised_at,
        "shipped_at": data.shipped_at,
        "delivered_at": data.delivered_at,
        "raw": data.raw or {},
    }


def _add_events(session: Session, shipment: Shipment, data: ShipmentIn) -> int:
    """Insert the scans not stored yet; the latest scan of all sets the status."""
    known = {
        (e.status, ensure_utc(e.occurred_at))
        for e in session.scalars(
            select(ShipmentEvent).where(ShipmentEvent.shipment_id == shipment.id)
        )
    }
    added = 0
    for event in data.events:
        if (event.status, ensure_utc(event.occurred_at)) in known:
            continue
        known.add((event.status, ensure_utc(event.occurred_at)))
        session.add(
            ShipmentEvent(
                shop_id=shipment.shop_id,
                shipment_id=shipment.id,
                status=event.status,
                occurred_at=event.occurred_at,
                location=event.location,
                description=event.description,
            )
        )
        added += 1
    if known:
        latest_status = max(known, key=lambda k: k[1])[0]
        shipment.status = latest_status
        if latest_status == ShipmentStatus.DELIVERED and shipment.delivered_at is None:
            shipment.delivered_at = max(k[1] for k in known if k[0] == latest_status)
    session.flush()
    return added


def _apply_to_order(
    session: Session, order: Order, shipment: Shipment, now: datetime, actor: str
) -> None:
    payment = payment_status_for(shipment.status, order.payment_method, order.payment_status)
    store.advance_order(
        session,
        order,
        order_status_for(shipment.status),
        payment,
        now,
        actor,
        because=f"shipment {shipment.external_id}: {shipment.status.value}",
    )


def list_shipments(session: Session, shop_id: uuid.UUID, order_id: uuid.UUID) -> list[Shipment]:
    store.get_order(session, shop_id, order_id)
    query = select(Shipment).where(Shipment.shop_id == shop_id, Shipment.order_id == order_id)
    return list(session.scalars(query.order_by(Shipment.created_at)))


def list_events(
    session: Session, shop_id: uuid.UUID, shipment_id: uuid.UUID
) -> list[ShipmentEvent]:
    shipment = session.get(Shipment, shipment_id)
    if shipment is None or shipment.shop_id != shop_id:
        raise NotFound(f"no shipment {shipment_id} in this shop")
    query = select(ShipmentEvent).where(ShipmentEvent.shipment_id == shipment_id)
    return list(session.scalars(query.order_by(ShipmentEvent.occurred_at)))


def ingest_survey_answer(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    data: SurveyAnswerIn,
    now: datetime,
    actor: str,
) -> IngestResult:
    """Store an NPS or CSAT answer once; answers are facts and never change."""
    order = (
        store.require_order(session, shop_id, data.order_source, data.order_external_id)
        if data.order_external_id
        else None
    )
    ticket_id = (
        support.require_ticket(session, shop_id, data.ticket_source, data.ticket_external_id).id
        if data.ticket_external_id
        else None
    )

    def create() -> SurveyAnswer:
        return SurveyAnswer(
            shop_id=shop_id,
            source=source,
            external_id=data.external_id,
            kind=data.kind,
            score=data.score,
            comment=data.comment,
            customer_id=order.customer_id if order else None,
            order_id=order.id if order else None,
            ticket_id=ticket_id,
            answered_at=data.answered_at,
            created_at=now,
        )

    answer, action = store_keyed(
        session,
        SurveyAnswer,
        shop_key(shop_id, source, data.external_id),
        create=create,
    )
    if action == "created":
        record(
            session,
            shop_id=shop_id,
            at=now,
            actor=actor,
            action="survey.answered",
            subject_type="survey_answer",
            subject_id=answer.id,
            customer_id=answer.customer_id,
            order_id=answer.order_id,
            data={"kind": data.kind.value, "score": data.score},
        )
    return IngestResult(id=answer.id, external_id=data.external_id, action=action)


__all__ = [
    "ingest_shipment",
    "ingest_survey_answer",
    "list_events",
    "list_shipments",
]
