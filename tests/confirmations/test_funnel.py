"""The confirmation funnel: where confirmations ended, how fast, and what messages cost."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from goodbuyer.clock import FixedClock
from goodbuyer.confirmations import calls, service
from goodbuyer.confirmations.funnel import quantile
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.statuses import (
    CallOutcome,
    DeliveryStatus,
    OutboundChannel,
    ResolvedVia,
)
from goodbuyer.db import transaction
from goodbuyer.web.deps import Services
from tests.confirmations.call_queue_data import held_order, queued_call, sent_message
from tests.factories import auth, make_shop

AGENT = "api-key:anna"


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        pytest.param([], 0.5, None, id="no-data"),
        pytest.param([7.0], 0.9, 7.0, id="one"),
        pytest.param([600.0, 15000.0, 32400.0], 0.5, 15000.0, id="median-odd"),
        pytest.param([32400.0, 600.0, 15000.0], 0.9, 28920.0, id="p90-interpolated"),
        pytest.param([1.0, 2.0, 3.0, 4.0], 0.5, 2.5, id="median-even"),
    ],
)
def test_quantile(values: list[float], q: float, expected: float | None) -> None:
    assert quantile(values, q) == expected


def _on_step(services: Services, confirmation_id: uuid.UUID, channel: str) -> None:
    """The ladder's worker moved the confirmation to this step."""
    with transaction(services.sessions) as session:
        session.get_one(Confirmation, confirmation_id).channel = channel


def _resolve(services: Services, confirmation_id: uuid.UUID, how: str) -> None:
    now = services.clock.now()
    with transaction(services.sessions) as session:
        row = session.get_one(Confirmation, confirmation_id)
        if how == "page":
            service.confirm(session, row, ResolvedVia.PAGE, now, "customer")
        elif how == "reply":
            service.confirm(session, row, ResolvedVia.REPLY, now, "customer")
        else:
            service.cancel(session, row, ResolvedVia.PAGE, now, "customer")


def _call(services: Services, confirmation_id: uuid.UUID, outcome: CallOutcome) -> None:
    now = services.clock.now()
    with transaction(services.sessions) as session:
        row = session.get_one(Confirmation, confirmation_id)
        calls.claim(session, row.shop_id, row.id, AGENT, now)
        calls.record_call(session, row.shop_id, row.id, AGENT, outcome, "", None, now)


def test_the_funnel_counts_each_end_its_speed_and_the_cost_per_channel(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    _, key = make_shop(services)
    start = clock.now()
    by_sms, by_whatsapp, cancelled, open_ = (held_order(client, key, services, n) for n in range(4))
    by_call, ghost = (queued_call(client, key, services, n) for n in (4, 5))
    for confirmation_id in (by_sms, by_whatsapp, cancelled, open_, by_call, ghost):
        sent_message(services, confirmation_id, OutboundChannel.SMS, cost=8)
        _on_step(services, confirmation_id, "sms")
    for confirmation_id in (by_call, ghost):
        _on_step(services, confirmation_id, "call")
    sent_message(services, by_whatsapp, OutboundChannel.WHATSAPP, cost=5)
    sent_message(services, open_, OutboundChannel.EMAIL, cost=0, status=DeliveryStatus.FAILED)
    _on_step(services, by_whatsapp, "whatsapp")

    clock.advance(timedelta(minutes=10))
    _resolve(services, by_sms, "page")
    _resolve(services, cancelled, "cancel")
    clock.advance(timedelta(minutes=240))
    _resolve(services, by_whatsapp, "reply")
    clock.advance(timedelta(minutes=290))
    _call(services, by_call, CallOutcome.CONFIRMED)
    _call(services, ghost, CallOutcome.WRONG_NUMBER)

    response = client.get("/api/v1/confirmations/funnel", headers=auth(key),
                          params={"since": start.isoformat(),
                                  "until": (start + timedelta(days=1)).isoformat()})  # fmt: skip

    assert response.status_code == 200, response.text
    assert response.json() == {
        "since": "2026-03-02T09:30:00Z", "until": "2026-03-03T09:30:00Z", "currency": "EUR",
        "confirmations": 6,
        "confirmed_at": {"sms": 1, "whatsapp": 1, "email": 0, "call": 1},
        "confirmed": 3, "cancelled": 1, "ghost": 1, "closed": 0, "open": 1,
        "confirm_seconds_median": 15000.0, "confirm_seconds_p90": 28920.0,
        "sends": [
            {"channel": "sms", "messages": 6, "sent": 6, "failed": 0, "cost": 48},
            {"channel": "whatsapp", "messages": 1, "sent": 1, "failed": 0, "cost": 5},
            {"channel": "email", "messages": 1, "sent": 0, "failed": 1, "cost": 0},
            {"channel": "webhook", "messages": 0, "sent": 0, "failed": 0, "cost": 0},
            {"channel": "outbox", "messages": 0, "sent": 0, "failed": 0, "cost": 0},
        ],
        "cost": 53,
    }  # fmt: skip


def test_a_period_without_confirmations_is_all_zeros(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)

    body = client.get("/api/v1/confirmations/funnel", headers=auth(key)).json()

    assert (body["since"], body["until"]) == ("2026-02-01T00:00:00Z", "2026-03-03T00:00:00Z")
    assert (body["confirmations"], body["cost"], body["currency"]) == (0, 0, "EUR")
    assert body["confirmed_at"] == {"sms": 0, "whatsapp": 0, "email": 0, "call": 0}
    assert body["confirm_seconds_median"] is None
