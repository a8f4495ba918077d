"""Guardrails on live decisions: an alert when friction crosses the policy's share, counted
at most once a minute per shop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.db import transaction
from goodbuyer.policy import service as policies
from goodbuyer.policy import versions
from goodbuyer.policy.loading import default_policy_text
from goodbuyer.risk.models import GuardrailAlert
from goodbuyer.risk.service import guardrails_due
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def test_guardrails_are_counted_at_most_once_a_minute_per_shop() -> None:
    shop = object()
    now = datetime(2026, 3, 1, tzinfo=UTC)
    assert guardrails_due(shop, now)  # type: ignore[arg-type]
    assert not guardrails_due(shop, now + timedelta(seconds=59))  # type: ignore[arg-type]
    assert guardrails_due(shop, now + timedelta(minutes=1))  # type: ignore[arg-type]


def test_friction_above_the_policy_share_raises_an_alert(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    text = default_policy_text()
    start = text.index("guardrails:")
    end = text.index("\n", start)
    strict = text[:start] + "guardrails: {friction_share: 0.1, min_orders: 1}" + text[end:]
    now = services.clock.now()
    with transaction(services.sessions) as session:
        draft = versions.create_draft(session, shop_id, actor="test", now=now, text=strict)
        policies.activate_version(session, shop_id, draft.version, "test", now)
    answer = client.post("/api/v1/orders", json=order_payload("1001"), headers=auth(key))
    assert answer.status_code == 201, answer.text
    decision = client.get(f"/api/v1/orders/{answer.json()['id']}/decision", headers=auth(key))
    assert decision.json()["outcome"] != "approve"  # the fixture's contacts look fake
    with services.sessions() as session:
        alerts = session.scalars(select(GuardrailAlert)).all()
    assert [a.kind for a in alerts] == ["friction_share"]
