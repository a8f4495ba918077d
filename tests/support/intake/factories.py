"""Orders, shipments and messages for the intake tests, made through the real API."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import auth, order_payload

AINO = {"name": "Aino Virtanen", "email": "aino@example.fi", "phone": "040 123 4567"}
BORIS = {"name": "Boris Novák", "email": "boris@example.cz", "phone": "+420 601 123 456"}


def place_order(
    client: TestClient, key: str, external_id: str, customer: dict[str, str], **extra: Any
) -> dict[str, Any]:
    """An order numbered '#<external_id>' for `customer`; its JSON as stored."""
    payload = order_payload(external_id, customer=customer, **extra)
    response = client.post("/api/v1/orders", json=payload, headers=auth(key))
    assert response.status_code == 201, response.text
    stored: dict[str, Any] = client.get(
        f"/api/v1/orders/{response.json()['id']}", headers=auth(key)
    ).json()
    return stored


def ship(client: TestClient, key: str, order_external_id: str, tracking: str) -> None:
    shipment = {
        "order_external_id": order_external_id,
        "external_id": f"S-{order_external_id}",
        "carrier": "UPS",
        "tracking_number": tracking,
        "status": "in_transit",
        "shipped_at": "2026-03-02T08:00:00Z",
    }
    response = client.post("/api/v1/shipments", json=shipment, headers=auth(key))
    assert response.status_code == 201, response.text


def send_message(
    client: TestClient, key: str, body: str, external_id: str = "M-1", **extra: Any
) -> dict[str, Any]:
    """POST a message in its own ticket; the ticket as the API shows it."""
    message = {
        "ticket_external_id": f"T-{external_id}",
        "external_id": external_id,
        "channel": "email",
        "body": body,
        "sent_at": "2026-03-05T09:00:00Z",
        **extra,
    }
    response = client.post("/api/v1/messages", json=message, headers=auth(key))
    assert response.status_code in (200, 201), response.text
    return only_ticket(client, key, f"T-{external_id}")


def only_ticket(client: TestClient, key: str, external_id: str) -> dict[str, Any]:
    tickets = client.get("/api/v1/tickets", headers=auth(key)).json()
    found = [t for t in tickets if t["external_id"] == external_id]
    assert len(found) == 1, tickets
    ticket: dict[str, Any] = found[0]
    return ticket
