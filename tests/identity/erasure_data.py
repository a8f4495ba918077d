"""A customer with a footprint in every table that can hold personal data, for the
erasure tests: orders over REST and a Shopify webhook, a refund by webhook and one over
REST, a return, a shipment, a ticket with a reply, a survey comment, list entries, a
segment, an outbox message and a decision. And a second customer who must stay intact."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.confirmations.models import OutboxMessage
from goodbuyer.confirmations.statuses import DeliveryStatus, OutboundChannel
from goodbuyer.db import transaction
from goodbuyer.policy.models import ListEntry, SegmentMembership
from goodbuyer.policy.statuses import ListKind, ListSubject
from goodbuyer.risk.models import Decision, RuleExecution
from goodbuyer.risk.statuses import Outcome
from goodbuyer.shops.scopes import Scope
from goodbuyer.store.models import Order
from goodbuyer.support.intake.models import HelpdeskWriteback
from goodbuyer.support.intake.statuses import Provider, WritebackStatus
from goodbuyer.support.models import TicketMessage
from goodbuyer.web.deps import Services
from tests.factories import auth, make_key, make_shop, order_payload
from tests.store.platform_payloads import fixture, send_shopify, webhook_secrets

# What must not be found anywhere once Aino is erased (compared in lower case).
AINO_VALUES = (
    "aino",
    "virtanen",
    "040 123 4567",
    "0401234567",
    "+358401234567",
    "mannerheimintie",
    "helsinki",
    "84.236.12.77",
    "7402183749120",  # her customer id at Shopify
    "hívjanak",  # her note on the Shopify order
    "liian pieni",  # her return reason
    "sleeve",  # the refund's note
    "palvelu",  # her survey comment
)
# The other customer, who must keep every detail.
EERO_VALUES = ("Eero Nieminen", "eero@example.com", "Hämeenkatu 5")


@dataclass(frozen=True)
class Shop:
    shop_id: uuid.UUID
    key: str  # write scope
    admin: str  # admin scope
    aino: str  # a customer record of Aino's (the REST orders')
    eero: str
    orders: dict[str, str]  # external id -> order id


def _post(client: TestClient, key: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    answer = client.post(path, json=body, headers=auth(key))
    assert answer.status_code in (200, 201), answer.text
    found: dict[str, Any] = answer.json()
    return found


def _shopify_order() -> dict[str, Any]:
    payload = fixture("shopify/orders_create_cod_hu.json")
    address = {
        "first_name": "Aino", "last_name": "Virtanen", "name": "Aino Virtanen",
        "address1": "Mannerheimintie 12 B 7", "address2": None, "city": "Helsinki",
        "zip": "00100", "country": "Finland", "country_code": "FI", "phone": "+358 40 123 4567",
    }  # fmt: skip
    payload["shipping_address"] = payload["billing_address"] = address
    aino = {"first_name": "Aino", "last_name": "Virtanen", "phone": "+358401234567"}
    payload["customer"] |= aino | {"email": "aino.virtanen@example.fi"}
    payload["email"] = payload["contact_email"] = "aino.virtanen@example.fi"
    payload["browser_ip"] = payload["client_details"]["browser_ip"] = "84.236.12.77"
    return payload


def _shopify_refund(order_id: int) -> dict[str, Any]:
    payload = fixture("shopify/refunds_create.json")
    payload["order_id"] = order_id
    payload["note"] = "Aino Virtanen: the sleeve was torn"
    for transaction_ in payload["transactions"]:
        transaction_ |= {"order_id": order_id, "currency": "HUF", "amount": "1990.00"}
    return payload


def _rest_data(client: TestClient, key: str) -> None:
    post = _post
    post(client, key, "/api/v1/returns", {
        "external_id": "R-1", "order_external_id": "1001", "reason": "size",
        "reason_text": "Liian pieni, Aino tarvitsee L-koon",
        "photos": ["https://cdn.example.fi/aino-virtanen/r1.jpg"],
        "requested_at": "2026-03-06T10:00:00Z", "raw": {"contact": "aino.virtanen@example.fi"},
        "lines": [{"sku": "TEE-M-BLK", "quantity": 1}],
    })  # fmt: skip
    post(client, key, "/api/v1/refunds", {
        "external_id": "RF-1", "order_external_id": "1002", "amount": 1990, "currency": "EUR",
        "reason": "the sleeve was torn", "refunded_at": "2026-03-08T10:00:00Z",
    })  # fmt: skip
    post(client, key, "/api/v1/shipments", {
        "external_id": "S-1", "order_external_id": "1001", "carrier": "Posti",
        "tracking_number": "JJFI6401", "raw": {"recipient": "Aino Virtanen"},
        "events": [{"status": "delivered", "occurred_at": "2026-03-03T12:00:00Z",
                    "description": "Delivered to AINO VIRTANEN at Mannerheimintie 12 B 7"}],
    })  # fmt: skip
    message = {"ticket_external_id": "T-1", "channel": "email", "sent_at": "2026-03-05T09:00:00Z"}
    post(client, key, "/api/v1/messages", {
        **message, "external_id": "M-1", "author_name": "Aino Virtanen",
        "author_email": "Aino.Virtanen@EXAMPLE.fi", "subject": "Tilaus 1001 / Aino Virtanen",
        "body": "Hei, olen Aino Virtanen, puhelin 040 123 4567. Missä tilaukseni on?",
    })  # fmt: skip
    post(client, key, "/api/v1/messages", {
        **message, "external_id": "M-2", "direction": "outbound", "author_kind": "agent",
        "author_name": "Sari from support", "body": "Hei Aino! Paketti on matkalla.",
        "sent_at": "2026-03-05T10:00:00Z",
    })  # fmt: skip
    post(client, key, "/api/v1/survey-answers", {
        "external_id": "N-1", "kind": "nps", "score": 9, "order_external_id": "1001",
        "comment": "Hyvä palvelu, kiitos! -Aino", "answered_at": "2026-03-09T10:00:00Z",
    })  # fmt: skip


def _flags(services: Services, shop_id: uuid.UUID, customer_id: str, order_id: str) -> None:
    """Rows with no API yet, written as their features will write them."""
    now, customer, order = services.clock.now(), uuid.UUID(customer_id), uuid.UUID(order_id)
    with transaction(services.sessions) as session:
        message = session.scalars(
            select(TicketMessage).where(TicketMessage.external_id == "M-1")
        ).one()
        note = "Analysis of Aino Virtanen (aino.virtanen@example.fi, +358401234567): ..."
        session.add_all([
            HelpdeskWriteback(
                shop_id=shop_id, idempotency_key=f"gorgias:{message.id}:{n}",
                provider=Provider.GORGIAS, ticket_id=message.ticket_id, message_id=message.id,
                external_ticket_id=f"G-{n}", tags=["where_is_order"], note=note,
                status=status, steps_done=[], attempts=0, next_attempt_at=now,
                created_at=now, updated_at=now,
            )
            for n, status in enumerate((WritebackStatus.PENDING, WritebackStatus.PUSHED))
        ])  # fmt: skip
        session.add_all([
            ListEntry(shop_id=shop_id, kind=ListKind.BLOCK, subject=ListSubject.PHONE,
                      value="+358401234567", reason="refused #1001 at the door", added_by="t",
                      created_at=now),
            ListEntry(shop_id=shop_id, kind=ListKind.ALLOW, subject=ListSubject.EMAIL,
                      value="aino.virtanen@example.fi", reason="regular", added_by="t",
                      created_at=now),
            SegmentMembership(shop_id=shop_id, customer_id=customer, segment="refuser",
                              reason="Aino Virtanen refused 1 order",
                              evidence={"orders": ["#1001"], "phone": "+358401234567"},
                              since=now),
            OutboxMessage(shop_id=shop_id, idempotency_key="wf-1:confirm",
                          channel=OutboundChannel.SMS, recipient="+358401234567",
                          template="confirm", language="fi", body="Hei Aino Virtanen, #1001?",
                          order_id=order, customer_id=customer, status=DeliveryStatus.PENDING,
                          created_at=now, updated_at=now),
            Decision(shop_id=shop_id, order_id=order, outcome=Outcome.CONFIRM, score=0.4,
                     counterfactuals=["without phone +358401234567 on the block list: approve"],
                     decided_at=now, executions=[RuleExecution(
                         shop_id=shop_id, rule="block_list", matched=True, score_modifier=0.4,
                         reason="phone +358401234567 is on the block list",
                         evidence={"phone": "+358401234567", "orders": ["#1001"]})]),
        ])  # fmt: skip


def make_footprint(client: TestClient, services: Services) -> Shop:
    """Aino's orders, returns, refunds, tickets, flags ...; Eero's one order."""
    shop_id, key = make_shop(services, **webhook_secrets())
    admin = make_key(services, shop_id, [Scope.ADMIN])
    _post(client, key, "/api/v1/orders", order_payload("1001", note="Ring twice, ask for Aino"))
    _post(client, key, "/api/v1/orders", order_payload(
        "1002", payment_method="card", payment_status="paid",
        customer={"name": "Aino Virtanen", "email": "aino.virtanen@gmial.com",
                  "phone": "040 123 4567"},
    ))  # fmt: skip
    shopify = _shopify_order()
    assert send_shopify(client, shopify, "orders/create", "wh-1").json()["outcome"] == "stored"
    refund = send_shopify(client, _shopify_refund(shopify["id"]), "refunds/create", "wh-2")
    assert refund.json()["outcome"] == "stored", refund.text
    eero = order_payload("2001", customer={"name": "Eero Nieminen", "email": "eero@example.com",
                                           "phone": "050 765 4321"},
                         shipping_address={"name": "Eero Nieminen", "line1": "Hämeenkatu 5",
                                           "city": "Tampere", "postcode": "33100",
                                           "country": "fi"})  # fmt: skip
    _post(client, key, "/api/v1/orders", eero)
    _rest_data(client, key)
    with services.sessions() as session:
        rows = session.execute(select(Order.external_id, Order.id, Order.customer_id)).all()
    orders = {ext: str(oid) for ext, oid, _ in rows}
    customers = {ext: str(cid) for ext, _, cid in rows}
    _flags(services, shop_id, customers["1001"], orders["1001"])
    return Shop(shop_id, key, admin, customers["1001"], customers["2001"], orders)
