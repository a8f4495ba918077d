"""Webhook deliveries in: authenticate, claim the delivery id, map, store, record the outcome.

Everything a delivery does happens in the caller's one transaction: the SourceEvent row
and the data it brought commit together or not at all. The SourceEvent is written first
(insert, or nothing on a known delivery id), so a concurrent copy of the same delivery
waits on that unique key, then counts as a duplicate without touching any data. A record
that points at an order not seen yet raises NotFound and stores nothing, so the
platform's retry can succeed later.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import Table, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from goodbuyer.deliveries import service as deliveries
from goodbuyer.errors import FieldError, InvalidInput, Unauthorized
from goodbuyer.ids import new_id
from goodbuyer.payments import service as payments
from goodbuyer.shops.service import find_shop_by_shopify_domain, get_shop_by_slug
from goodbuyer.store import service as store
from goodbuyer.store.models import SourceEvent
from goodbuyer.store.schemas import IngestResult
from goodbuyer.store.sources import shopify, woocommerce
from goodbuyer.store.sources.signatures import verify_shopify, verify_woocommerce
from goodbuyer.store.statuses import Source

Outcome = Literal["stored", "duplicate", "ignored", "rejected"]
_EVENTS: Table = SourceEvent.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class Delivery:
    """One authenticated webhook delivery of one shop."""

    shop_id: uuid.UUID
    source: Source
    topic: str
    delivery_id: str
    payload: dict[str, Any]


class DeliveryOutcome(BaseModel):
    """What became of a delivery; `result` names the stored record when there is one."""

    outcome: Outcome
    topic: str
    delivery_id: str
    result: IngestResult | None = None
    detail: str | None = None
    errors: list[FieldError] = []

    def summary(self) -> str:
        """One line for SourceEvent.outcome: "stored: created 1042", "ignored: ..."."""
        if self.result is not None:
            return f"{self.outcome}: {self.result.action} {self.result.external_id}"
        return f"{self.outcome}: {self.detail}" if self.detail else self.outcome


@dataclass(frozen=True)
class Envelope:
    """What a platform sends around the body: the signature header, topic and delivery id."""

    signature: str | None
    topic: str | None
    delivery_id: str | None


def shopify_delivery(
    session: Session, domain: str | None, envelope: Envelope, raw_body: bytes
) -> Delivery:
    """A Shopify delivery whose X-Shopify-Hmac-Sha256 signs these exact bytes."""
    shop = find_shop_by_shopify_domain(session, domain) if domain else None
    secret = shop.shopify_webhook_secret if shop else None
    if shop is None or not verify_shopify(secret, raw_body, envelope.signature):
        raise Unauthorized("unknown shop domain, or a missing or bad X-Shopify-Hmac-Sha256")
    return _delivery(shop.id, Source.SHOPIFY, envelope, raw_body, "X-Shopify-Topic")


def woocommerce_delivery(
    session: Session, shop_slug: str, envelope: Envelope, raw_body: bytes
) -> Delivery:
    """A WooCommerce delivery whose X-WC-Webhook-Signature signs these exact bytes."""
    shop = get_shop_by_slug(session, shop_slug)
    if not verify_woocommerce(shop.woocommerce_webhook_secret, raw_body, envelope.signature):
        raise Unauthorized("a missing or bad X-WC-Webhook-Signature")
    return _delivery(shop.id, Source.WOOCOMMERCE, envelope, raw_body, "X-WC-Webhook-Topic")


def acknowledge_woocommerce_ping(session: Session, shop_slug: str) -> DeliveryOutcome:
    """WooCommerce's unsigned test request when a webhook is saved: nothing to store, but
    an unknown shop is refused so a wrong URL shows at once in WooCommerce."""
    get_shop_by_slug(session, shop_slug)
    return DeliveryOutcome(outcome="ignored", topic="ping", delivery_id="", detail="ping")


def _delivery(
    shop_id: uuid.UUID, source: Source, envelope: Envelope, raw_body: bytes, topic_header: str
) -> Delivery:
    topic = (envelope.topic or "").strip()
    if not topic:
        raise InvalidInput(f"{topic_header} is missing", [FieldError(topic_header, "required")])
    try:
        payload = json.loads(raw_body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"the body is not JSON: {exc}", [FieldError("body", str(exc))]) from None
    if not isinstance(payload, dict):
        raise InvalidInput("the body is not a JSON object", [FieldError("body", "not an object")])
    # Without the platform's id, identical bodies are the same delivery.
    delivery_id = (envelope.delivery_id or "").strip()[:128]
    delivery_id = delivery_id or "sha256:" + hashlib.sha256(raw_body).hexdigest()
    return Delivery(shop_id, source, topic[:64], delivery_id, payload)


def receive_delivery(session: Session, delivery: Delivery, now: datetime) -> DeliveryOutcome:
    """Store a delivery once: the first copy is handled, every later copy is a duplicate."""
    event_id = _claim(session, delivery, now)
    if event_id is None:
        return DeliveryOutcome(
            outcome="duplicate",
            topic=delivery.topic,
            delivery_id=delivery.delivery_id,
            detail="this delivery was received before; nothing was stored again",
        )
    outcome = _handle(session, delivery, now)
    session.execute(
        update(_EVENTS).where(_EVENTS.c.id == event_id).values(outcome=outcome.summary()[:200])
    )
    return outcome


def _claim(session: Session, delivery: Delivery, now: datetime) -> uuid.UUID | None:
    """Insert the SourceEvent, or nothing when its delivery id is known. A concurrent
    claim of the same id makes this wait for that transaction, then insert nothing."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(_EVENTS)
        .values(
            id=new_id(),
            shop_id=delivery.shop_id,
            source=delivery.source.value,
            topic=delivery.topic,
            delivery_id=delivery.delivery_id,
            payload=delivery.payload,
            outcome="received",
            received_at=now,
        )
        .on_conflict_do_nothing(index_elements=["shop_id", "source", "delivery_id"])
        .returning(_EVENTS.c.id)
    )
    claimed: uuid.UUID | None = session.execute(statement).scalar_one_or_none()
    return claimed


def _handle(session: Session, delivery: Delivery, now: datetime) -> DeliveryOutcome:
    """Map and store in a savepoint: a payload we cannot read rolls back its own writes
    only, and the delivery stays recorded as rejected with the reasons."""
    handler = _HANDLERS.get((delivery.source, delivery.topic))
    base = {"topic": delivery.topic, "delivery_id": delivery.delivery_id}
    if handler is None:
        return DeliveryOutcome(outcome="ignored", detail="topic not handled", **base)
    try:
        with session.begin_nested():
            result, why_ignored = handler(session, delivery, now)
    except InvalidInput as exc:
        return DeliveryOutcome(outcome="rejected", detail=exc.detail, errors=exc.errors, **base)
    if result is None:
        return DeliveryOutcome(outcome="ignored", detail=why_ignored, **base)
    return DeliveryOutcome(outcome="stored", result=result, **base)


Handled = tuple[IngestResult | None, str | None]


def _actor(delivery: Delivery) -> str:
    return f"webhook:{delivery.source.value}"


def _shopify_order(session: Session, delivery: Delivery, now: datetime) -> Handled:
    order = shopify.order_from_shopify(delivery.payload)
    return store.ingest_order(
        session, delivery.shop_id, Source.SHOPIFY, order, now, _actor(delivery)
    ), None


def _shopify_fulfillment(session: Session, delivery: Delivery, now: datetime) -> Handled:
    shipment = shopify.shipment_from_shopify(delivery.payload)
    if shipment is None:
        return None, "a cancelled or failed fulfillment"
    return deliveries.ingest_shipment(
        session, delivery.shop_id, Source.SHOPIFY, shipment, now, _actor(delivery)
    ), None


def _shopify_refund(session: Session, delivery: Delivery, now: datetime) -> Handled:
    refund = shopify.refund_from_shopify(delivery.payload)
    if refund is None:
        return None, "no money was refunded"
    return payments.ingest_refund(
        session, delivery.shop_id, Source.SHOPIFY, refund, now, _actor(delivery)
    ), None


def _woocommerce_order(session: Session, delivery: Delivery, now: datetime) -> Handled:
    order = woocommerce.order_from_woocommerce(delivery.payload)
    return store.ingest_order(
        session, delivery.shop_id, Source.WOOCOMMERCE, order, now, _actor(delivery)
    ), None


_HANDLERS: dict[tuple[Source, str], Callable[[Session, Delivery, datetime], Handled]] = {
    **{(Source.SHOPIFY, t): _shopify_order for t in shopify.ORDER_TOPICS},
    **{(Source.SHOPIFY, t): _shopify_fulfillment for t in shopify.FULFILLMENT_TOPICS},
    **{(Source.SHOPIFY, t): _shopify_refund for t in shopify.REFUND_TOPICS},
    **{(Source.WOOCOMMERCE, t): _woocommerce_order for t in woocommerce.ORDER_TOPICS},
}

__all__ = [
    "Delivery",
    "DeliveryOutcome",
    "Envelope",
    "acknowledge_woocommerce_ping",
    "receive_delivery",
    "shopify_delivery",
    "woocommerce_delivery",
]
