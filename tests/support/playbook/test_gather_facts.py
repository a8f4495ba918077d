"""A ticket's facts read from orders, shipments, returns and chargebacks stored through the
REST API, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.policy import service as policies
from goodbuyer.policy.support import SupportPolicy
from goodbuyer.support import service as support
from goodbuyer.support.facts import gather_facts
from goodbuyer.support.playbook import ResolutionKind, resolve
from goodbuyer.support.ticket_facts import DisputeFacts, TicketFacts
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload

NOW = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
TOTAL = 2 * 1990 + 1500 + 490


def _post(client: TestClient, key: str, path: str, body: dict[str, Any]) -> None:
    response = client.post(f"/api/v1/{path}", json=body, headers=auth(key))
    assert response.status_code in (200, 201), response.text


def _shipment(order: str, *scans: tuple[str, str], **extra: Any) -> dict[str, Any]:
    return {
        "external_id": f"S-{order}", "order_external_id": order, "carrier": "Posti",
        "tracking_number": f"JJFI{order}", "tracking_url": f"https://posti.example/JJFI{order}",
        "promised_at": "2026-03-04T18:00:00+02:00",
        "events": [{"status": s, "occurred_at": at} for s, at in scans], **extra,
    }  # fmt: skip


def _message(ticket: str, **extra: Any) -> dict[str, Any]:
    return {
        "ticket_external_id": ticket, "external_id": f"{ticket}-M1", "channel": "email",
        "body": "Hei, missä pakettini on?", "sent_at": "2026-03-11T09:00:00Z", **extra,
    }  # fmt: skip


def _facts(services: Services, shop_id: Any, ticket: str, now: datetime = NOW) -> TicketFacts:
    with services.sessions() as session:
        found = support.require_ticket(session, shop_id, "api", ticket)
        policy = policies.active_policy(session, shop_id, now).policy
        return gather_facts(session, found, policy, now)


def _playbook(services: Services, shop_id: Any) -> SupportPolicy:
    with services.sessions() as session:
        return policies.active_policy(session, shop_id, NOW).policy.support


def test_an_order_in_transit_past_its_promise_is_the_carriers_fault(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    _post(client, key, "orders", order_payload("1001", payment_method="card"))
    _post(client, key, "shipments", _shipment("1001", ("in_transit", "2026-03-02T08:00:00Z")))
    _post(client, key, "messages", _message("T-1", order_external_id="1001"))

    facts = _facts(services, shop_id, "T-1")

    assert facts == TicketFacts(
        has_order=True, order_number="#1001", order_status="shipped", payment_method="card",
        shipped=True, delivered_scan=False, days_late=7, days_since_delivery=None,
        fault="carrier", first_name="Aino", carrier="Posti", tracking_number="JJFI1001",
        tracking_url="https://posti.example/JJFI1001", order_total=TOTAL, currency="EUR",
        net_value=0, vip=False, segments=(), open_dispute=None, blocked=False,
    )  # fmt: skip
    assert _facts(services, shop_id, "T-1", datetime(2026, 3, 8, tzinfo=UTC)).fault == "none"


def test_a_vip_with_an_open_dispute_on_another_order(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    dear = [{"sku": "COAT-1", "product": "Coat", "quantity": 2, "unit_price": 60000}]
    _post(client, key, "orders", order_payload("900", payment_method="card", lines=dear,
                                               placed_at="2026-02-01T10:00:00Z"))  # fmt: skip
    _post(client, key, "shipments", _shipment("900", ("delivered", "2026-02-04T10:00:00Z"),
                                              promised_at="2026-02-05T18:00:00Z"))  # fmt: skip
    _post(client, key, "orders", order_payload("950", payment_method="card",
                                               placed_at="2026-02-10T10:00:00Z"))  # fmt: skip
    dispute = {
        "external_id": "CB-1", "order_external_id": "950", "amount": TOTAL, "currency": "EUR",
        "reason": "product_not_received", "opened_at": "2026-03-01T10:00:00Z",
    }  # fmt: skip
    won = {**dispute, "external_id": "CB-0", "reason": "fraudulent", "status": "won",
           "opened_at": "2026-03-02T10:00:00Z", "resolved_at": "2026-03-05T10:00:00Z"}  # fmt: skip
    _post(client, key, "chargebacks", dispute)
    _post(client, key, "chargebacks", won)
    _post(client, key, "orders", order_payload("1001", payment_method="card"))
    _post(client, key, "shipments", _shipment("1001", ("delivered", "2026-03-06T12:00:00Z")))
    _post(client, key, "messages", _message("T-1", order_external_id="1001"))

    facts = _facts(services, shop_id, "T-1")

    net = 2 * 60000 + 490 + TOTAL  # both delivered; the disputed order does not count
    assert (facts.net_value, facts.vip, "vip" in facts.segments) == (net, True, True)
    assert (facts.delivered_scan, facts.days_since_delivery, facts.fault) == (True, 5, "customer")
    assert facts.days_late == 1
    assert facts.open_dispute == DisputeFacts(
        "#950", TOTAL, "EUR", "product_not_received", datetime(2026, 3, 1, 10, tzinfo=UTC)
    )
    found = resolve(_playbook(services, shop_id), "not_received", facts)
    assert (found.kind, found.entry) == (ResolutionKind.ESCALATE, "open_dispute")
    assert found.reason.startswith("open_dispute: order #950, 59.70 EUR, reason product_not_")


def test_a_return_of_the_wrong_item_is_the_stores_fault_and_names_the_lines(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    _post(client, key, "orders", order_payload("1001"))
    _post(client, key, "shipments", _shipment("1001", ("delivered", "2026-03-05T12:00:00Z")))
    _post(client, key, "returns", {
        "external_id": "R-1", "order_external_id": "1001", "reason": "wrong_item",
        "requested_at": "2026-03-06T09:00:00Z",
        "lines": [{"sku": "CAP-01", "quantity": 1, "unit_price": 990}],
    })  # fmt: skip
    _post(client, key, "messages", _message("T-1", order_external_id="1001"))

    facts = _facts(services, shop_id, "T-1")

    assert (facts.fault, facts.affected_total, facts.payment_method) == ("store", 990, "cod")
    found = resolve(_playbook(services, shop_id), "wrong_item", facts)
    assert (found.kind, found.refund_amount) == (ResolutionKind.KEEP_ITEM_REFUND, 990)


def test_a_ticket_without_an_order_is_about_the_senders_latest_recent_order(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    _post(client, key, "orders", order_payload("1001", placed_at="2025-10-01T10:00:00Z",
                                               updated_at="2025-10-01T10:00:00Z"))  # fmt: skip
    _post(client, key, "orders", order_payload("1002", placed_at="2026-03-01T10:00:00Z"))
    _post(client, key, "orders", order_payload("1003", placed_at="2026-03-20T10:00:00Z",
                                               updated_at="2026-03-20T10:00:00Z"))  # fmt: skip
    _post(client, key, "messages", _message("T-1", author_email="aino.virtanen@example.fi"))
    _post(client, key, "messages", _message("T-2", author_email="stranger@example.com"))

    known = _facts(services, shop_id, "T-1")
    stranger = _facts(services, shop_id, "T-2")
    long_after = _facts(services, shop_id, "T-1", datetime(2026, 9, 1, tzinfo=UTC))

    assert (known.has_order, known.order_number, known.shipped) == (True, "#1002", False)
    assert (known.days_late, known.fault) == (None, "none")
    assert (stranger.has_order, stranger.fault, stranger.net_value) == (False, "unknown", 0)
    assert long_after.has_order is False
