"""`/metrics`: the confirmation flow in Prometheus text, counted from the database."""

from __future__ import annotations

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from goodbuyer.confirmations import calls
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.statuses import CallOutcome, DeliveryStatus, OutboundChannel
from goodbuyer.db import transaction
from goodbuyer.web.deps import Services
from tests.confirmations.call_queue_data import held_order, queued_call, sent_message
from tests.factories import make_shop


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_metrics_count_confirmations_messages_cost_and_calls(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    held = held_order(client, key, services, 0)
    ghost = queued_call(client, key, services, 1)
    sent_message(services, held, OutboundChannel.SMS, cost=8)
    sent_message(services, ghost, OutboundChannel.SMS, cost=8)
    sent_message(services, ghost, OutboundChannel.EMAIL, cost=0, status=DeliveryStatus.FAILED)
    now = services.clock.now()
    with transaction(services.sessions) as session:
        row = session.get_one(Confirmation, ghost)
        calls.claim(session, row.shop_id, row.id, "agent", now)
        calls.record_call(session, row.shop_id, row.id, "agent", CallOutcome.WRONG_NUMBER, "",
                          None, now)  # fmt: skip

    response = client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    shop = ("shop", "kauppa")
    assert _samples(response.text) == {
        ("goodbuyer_confirmations", (shop, ("status", "ghost"))): 1.0,
        ("goodbuyer_confirmations", (shop, ("status", "queued"))): 1.0,
        ("goodbuyer_outbox_messages", (("channel", "email"), shop, ("status", "failed"))): 1.0,
        ("goodbuyer_outbox_messages", (("channel", "sms"), shop, ("status", "sent"))): 2.0,
        ("goodbuyer_messages_sent_total", (("channel", "email"), shop)): 0.0,
        ("goodbuyer_messages_sent_total", (("channel", "sms"), shop)): 2.0,
        ("goodbuyer_message_cost_total", (("channel", "email"), shop)): 0.0,
        ("goodbuyer_message_cost_total", (("channel", "sms"), shop)): 16.0,
        ("goodbuyer_call_attempts_total", (("outcome", "wrong_number"), shop)): 1.0,
    }


def test_metrics_of_an_empty_database_name_every_family(client: TestClient) -> None:
    response = client.get("/metrics")

    assert [f.name for f in text_string_to_metric_families(response.text)] == [
        "goodbuyer_confirmations", "goodbuyer_outbox_messages", "goodbuyer_messages_sent",
        "goodbuyer_message_cost", "goodbuyer_call_attempts",
    ]  # fmt: skip
