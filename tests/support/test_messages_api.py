"""Support messages over REST: threads become tickets, senders are matched."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def _message(external_id: str, body: str, **extra: Any) -> dict[str, Any]:
    return {
        "ticket_external_id": "T-1",
        "external_id": external_id,
        "channel": "email",
        "body": body,
        "sent_at": "2026-03-05T09:00:00Z",
        **extra,
    }


def test_thread_is_one_ticket_and_the_sender_is_matched_by_email(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    order = client.post("/api/v1/orders", json=order_payload(), headers=auth(key)).json()
    order_detail = client.get(f"/api/v1/orders/{order['id']}", headers=auth(key)).json()
    first = _message(
        "M-1",
        "Missä tilaukseni on?",
        author_email="aino.virtanen@EXAMPLE.fi",
        language="fi",
        subject="Tilaus 1001",
    )
    second = _message("M-2", "Kiitos!", sent_at="2026-03-05T10:00:00Z")

    results = [
        client.post("/api/v1/messages", json=m, headers=auth(key)) for m in (first, second, first)
    ]

    assert [r.status_code for r in results] == [201, 201, 200]
    tickets = client.get("/api/v1/tickets", headers=auth(key)).json()
    assert len(tickets) == 1
    assert tickets[0]["customer_id"] == order_detail["customer_id"]
    assert (tickets[0]["subject"], tickets[0]["language"]) == ("Tilaus 1001", "fi")
    detail = client.get(f"/api/v1/tickets/{tickets[0]['id']}", headers=auth(key)).json()
    assert [m["body"] for m in detail["messages"]] == ["Missä tilaukseni on?", "Kiitos!"]


def test_message_naming_an_order_links_ticket_to_it(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    order = client.post("/api/v1/orders", json=order_payload(), headers=auth(key)).json()

    client.post(
        "/api/v1/messages",
        json=_message("M-1", "أين طلبي؟", order_external_id="1001", language="ar"),
        headers=auth(key),
    )

    ticket = client.get("/api/v1/tickets", headers=auth(key)).json()[0]
    assert ticket["order_id"] == order["id"]
    assert ticket["customer_id"] is not None


def test_empty_message_body_is_refused(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)

    response = client.post("/api/v1/messages", json=_message("M-1", ""), headers=auth(key))

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "body.body"
