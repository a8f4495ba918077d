"""Which orders are held for confirmation, and how a confirmation ends (R3.1, R3.5)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from goodbuyer.audit import AuditEvent
from goodbuyer.confirmations import service
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.statuses import ConfirmationStatus, ResolvedVia
from goodbuyer.db import transaction
from goodbuyer.errors import Conflict
from goodbuyer.policy.confirmation import ConfirmationPolicy
from goodbuyer.risk.statuses import Outcome
from goodbuyer.store.models import Order
from goodbuyer.store.statuses import OrderStatus, PaymentMethod
from goodbuyer.web.deps import Services
from tests.confirmations.ladder_support import confirmation, hold_order
from tests.factories import auth, make_shop, order_json, order_payload


def _count(services: Services) -> int:
    with services.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Confirmation)) or 0)


def test_a_first_cash_on_delivery_order_is_held_with_the_customers_number_and_zone(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)

    held = confirmation(services, hold_order(client, key, services, "3001"))

    assert held.status is ConfirmationStatus.QUEUED
    assert (held.phone, held.time_zone, held.language) == ("+358401234567", "Europe/Helsinki", "fi")
    assert held.rung == -1


def test_a_card_order_is_never_held(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)

    response = client.post(
        "/api/v1/orders", json=order_payload("3002", payment_method="card"), headers=auth(key)
    )

    assert response.status_code == 201, response.text
    assert order_json(client, key, response.json()["id"])["status"] == "placed"
    assert _count(services) == 0


def test_the_shop_cancelling_the_order_closes_its_confirmation(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    held = hold_order(client, key, services, "3003")
    update = order_payload("3003", status="cancelled")
    update["updated_at"] = (services.clock.now() + timedelta(days=1)).isoformat()

    response = client.post("/api/v1/orders", json=update, headers=auth(key))

    assert response.status_code in (200, 201), response.text
    closed = confirmation(services, held)
    assert (closed.status, closed.resolved_via) == (ConfirmationStatus.CLOSED, ResolvedVia.SHOP)


def test_confirming_twice_is_one_confirmation_and_cancelling_after_it_is_refused(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    held = hold_order(client, key, services, "3004")
    now = services.clock.now()

    with transaction(services.sessions) as session:
        found = session.get_one(Confirmation, held)
        first = service.confirm(session, found, ResolvedVia.PAGE, now, "customer", "09:00-12:00")
        again = service.confirm(session, found, ResolvedVia.REPLY, now, "customer")
    with transaction(services.sessions) as session, pytest.raises(Conflict):
        service.cancel(session, session.get_one(Confirmation, held), ResolvedVia.PAGE, now, "c")

    assert (first.changed, again.changed) == (True, False)
    done = confirmation(services, held)
    assert (done.status, done.resolved_via, done.delivery_slot) == (
        ConfirmationStatus.CONFIRMED, ResolvedVia.PAGE, "09:00-12:00")  # fmt: skip
    assert order_json(client, key, str(_order_of(services, held)))["status"] == "confirmed"
    with services.sessions() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.subject_id == held).order_by(AuditEvent.at)
        ).all()
    assert list(actions) == ["confirmation.queued", "confirmation.confirmed"]


def _order_of(services: Services, confirmation_id: uuid.UUID) -> uuid.UUID:
    return confirmation(services, confirmation_id).order_id


@pytest.mark.parametrize(
    ("outcome", "method", "status", "cod_only", "held"),
    [
        (Outcome.CONFIRM, PaymentMethod.CASH_ON_DELIVERY, OrderStatus.PLACED, True, True),
        (Outcome.APPROVE, PaymentMethod.CASH_ON_DELIVERY, OrderStatus.PLACED, True, False),
        (Outcome.REVIEW, PaymentMethod.CASH_ON_DELIVERY, OrderStatus.PLACED, True, False),
        (Outcome.CONFIRM, PaymentMethod.CARD, OrderStatus.PLACED, True, False),
        (Outcome.CONFIRM, PaymentMethod.CARD, OrderStatus.PLACED, False, True),
        (Outcome.CONFIRM, PaymentMethod.CASH_ON_DELIVERY, OrderStatus.SHIPPED, True, False),
    ],
    ids=["cod-confirm", "approved", "review", "card", "card-when-all-held", "already-shipped"],
)
def test_which_orders_are_held(
    outcome: Outcome, method: PaymentMethod, status: OrderStatus, cod_only: bool, held: bool
) -> None:
    order = Order(payment_method=method, status=status)
    policy = ConfirmationPolicy(cash_on_delivery_only=cod_only)

    assert service.needs_confirmation(order, outcome, policy) is held
