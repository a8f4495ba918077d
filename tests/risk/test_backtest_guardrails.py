"""Guardrail alerts on live decisions: raised past the threshold, once per kind per window,
each with an audit event; on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select

from goodbuyer.audit import AuditEvent
from goodbuyer.db import transaction
from goodbuyer.ids import new_id
from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.risk.compiled import CompiledPolicy, compile_policy
from goodbuyer.risk.guardrails import FRICTION, VIP_HIT, check_guardrails
from goodbuyer.risk.models import Decision
from goodbuyer.risk.statuses import Outcome
from goodbuyer.store.models import Order
from goodbuyer.web.deps import Services
from tests.conftest import START
from tests.factories import auth, make_shop, order_payload

RAILS = "guardrails: {friction_share: 0.15, vip_hit_share: 0.02, window_hours: 24, min_orders: 50}"


@pytest.fixture
def policy() -> CompiledPolicy:
    text = default_policy_text()
    assert RAILS in text
    return compile_policy(parse_policy(text), 4)


@pytest.fixture
def shop(services: Services, client: TestClient) -> tuple[uuid.UUID, uuid.UUID]:
    shop_id, key = make_shop(services)
    response = client.post("/api/v1/orders", json=order_payload("1"), headers=auth(key))
    assert response.status_code == 201, response.text
    with transaction(services.sessions) as session:
        order_id = session.scalars(select(Order.id)).one()
        session.execute(delete(Decision))  # the order's own decision: the tests make their own
    return shop_id, order_id


def _decide(services: Services, shop: tuple[uuid.UUID, uuid.UUID], at: datetime,
            outcomes: list[tuple[Outcome, list[str]]]) -> None:  # fmt: skip
    shop_id, order_id = shop
    with transaction(services.sessions) as session:
        for i, (outcome, segments) in enumerate(outcomes):
            session.add(Decision(id=new_id(), shop_id=shop_id, order_id=order_id, outcome=outcome,
                                 score=0.0, policy_version=4, segments=segments,
                                 decided_at=at - timedelta(minutes=i)))  # fmt: skip


def _check(
    services: Services, shop_id: uuid.UUID, policy: CompiledPolicy, now: datetime
) -> list[str]:
    with transaction(services.sessions) as session:
        return [a.kind for a in check_guardrails(session, shop_id, policy, now)]


def test_below_the_thresholds_nothing_is_raised(
    services: Services, shop: tuple[uuid.UUID, uuid.UUID], policy: CompiledPolicy
) -> None:
    _decide(services, shop, START, [(Outcome.CONFIRM, [])] * 7 + [(Outcome.APPROVE, ["vip"])] * 53)
    assert _check(services, shop[0], policy, START) == []


def test_too_few_orders_raise_nothing(
    services: Services, shop: tuple[uuid.UUID, uuid.UUID], policy: CompiledPolicy
) -> None:
    _decide(services, shop, START, [(Outcome.REVIEW, ["vip"])] * 49)
    assert _check(services, shop[0], policy, START) == []


def test_alerts_once_per_kind_per_window(
    services: Services, shop: tuple[uuid.UUID, uuid.UUID], policy: CompiledPolicy
) -> None:
    shop_id = shop[0]
    mix = [(Outcome.CONFIRM, ["vip", "loyal"])] * 10 + [(Outcome.APPROVE, ["loyal"])] * 50
    _decide(services, shop, START, mix)
    assert _check(services, shop_id, policy, START) == [FRICTION, VIP_HIT]
    _decide(services, shop, START + timedelta(hours=2), mix)
    assert _check(services, shop_id, policy, START + timedelta(hours=2)) == []
    later = START + timedelta(hours=25)
    _decide(services, shop, later, mix)
    assert _check(services, shop_id, policy, later) == [FRICTION, VIP_HIT]
    with services.sessions() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "guardrail.alerted")
        ).all()
    assert sorted(e.data["kind"] for e in events) == [FRICTION, FRICTION, VIP_HIT, VIP_HIT]
    friction = next(e for e in events if e.data["kind"] == FRICTION)
    assert friction.data["share"] == round(10 / 60, 4)
    assert friction.data["policy_version"] == 4
