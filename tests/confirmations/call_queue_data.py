"""Confirmations in the call queue, made the way production makes them: a first
cash-on-delivery order through the API is held; the ladder's end puts it in the queue."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.confirmations.calls import enter_call_queue
from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.confirmations.statuses import DeliveryStatus, OutboundChannel
from goodbuyer.db import transaction
from goodbuyer.web.deps import Services
from tests.factories import auth, order_payload

_NAMES = ["Aino Virtanen", "Bence Kovács", "Chloé Martin", "Dario Rossi", "Emma de Vries",
          "Fatma Yılmaz", "Gréta Nagy", "Hugo Lefebvre"]  # fmt: skip


def held_order(
    client: TestClient, key: str, services: Services, n: int, **overrides: Any
) -> uuid.UUID:
    """Post the first cash-on-delivery order of customer `n`; returns its confirmation id."""
    name = _NAMES[n % len(_NAMES)] + ("" if n < len(_NAMES) else f" {n}")
    body = order_payload(
        f"{1000 + n}",
        customer={"name": name, "email": f"buyer{n}@example.fi", "phone": f"040 555 {n:04d}"},
        shipping_address={"name": name, "line1": f"Kauppakatu {n + 1}", "city": "Tampere",
                          "postcode": "33100", "country": "fi"},
        **overrides,
    )  # fmt: skip
    response = client.post("/api/v1/orders", json=body, headers=auth(key))
    assert response.status_code == 201, response.text
    order_id = uuid.UUID(response.json()["id"])
    with services.sessions() as session:
        found = session.scalar(select(Confirmation.id).where(Confirmation.order_id == order_id))
    assert found is not None, "a first cash-on-delivery order is held for confirmation"
    return found


def in_call_queue(
    services: Services, confirmation_id: uuid.UUID, at: datetime | None = None
) -> None:
    """The ladder's last step waited in vain: into the call queue (at `at`, default now)."""
    with transaction(services.sessions) as session:
        confirmation = session.get(Confirmation, confirmation_id)
        assert confirmation is not None
        assert enter_call_queue(session, confirmation, at or services.clock.now(), "worker")


def queued_call(client: TestClient, key: str, services: Services, n: int) -> uuid.UUID:
    confirmation_id = held_order(client, key, services, n)
    in_call_queue(services, confirmation_id)
    return confirmation_id


def sent_message(
    services: Services, confirmation_id: uuid.UUID, channel: OutboundChannel, cost: int,
    status: DeliveryStatus = DeliveryStatus.SENT, at: datetime | None = None,
) -> None:  # fmt: skip
    """An outbox row as the ladder's worker records it."""
    now = at or services.clock.now()
    with transaction(services.sessions) as session:
        c = session.get(Confirmation, confirmation_id)
        assert c is not None
        session.add(OutboxMessage(
            shop_id=c.shop_id, idempotency_key=f"{c.id}:{channel.value}", channel=channel,
            recipient=c.phone or "", template=f"confirm_{channel.value}", language=c.language,
            subject=None, body=f"Please confirm your order ({channel.value})",
            order_id=c.order_id, customer_id=c.customer_id, confirmation_id=c.id, status=status,
            attempts=1, cost=cost, due_at=now, created_at=now,
            sent_at=now if status in (DeliveryStatus.SENT, DeliveryStatus.DELIVERED) else None,
            updated_at=now,
        ))  # fmt: skip
