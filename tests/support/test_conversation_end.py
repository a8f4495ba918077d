"""The end of a conversation (R4.9) end to end over REST, on SQLite and PostgreSQL: a
third message with threats ends the ticket's conversation with the end notice, later
messages get no draft; a lawyer marked on a ticket hands it to the legal team."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.audit import AuditEvent
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload

_THREATS = (
    "Where is my order #1001? If it is not here tomorrow my lawyer will take you to court.",
    "Still nothing. I am filing a complaint with the consumer authority and my lawyer will "
    "sue you.",
    "Last chance before my lawyer takes you to court over order #1001.",
    "Where is my parcel? My lawyer is waiting for your answer.",
)


def _post(client: TestClient, key: str, path: str, body: dict[str, Any]) -> Any:
    response = client.post(f"/api/v1/{path}", json=body, headers=auth(key))
    assert response.status_code in (200, 201), response.text
    return response.json()


def _message(n: int, body: str, ticket: str = "T-1") -> dict[str, Any]:
    return {
        "ticket_external_id": ticket, "external_id": f"{ticket}-M{n}", "channel": "email",
        "author_email": "aino.virtanen@example.fi", "body": body,
        "sent_at": f"2026-03-0{n}T09:00:00Z",
    }  # fmt: skip


def _ticket(client: TestClient, key: str, external_id: str = "T-1") -> dict[str, Any]:
    tickets = client.get("/api/v1/tickets?limit=500", headers=auth(key)).json()
    found = next(t for t in tickets if t["external_id"] == external_id)
    detail: dict[str, Any] = client.get(f"/api/v1/tickets/{found['id']}", headers=auth(key)).json()
    return detail


def _ended_events(services: Services) -> list[dict[str, Any]]:
    with services.sessions() as session:
        query = select(AuditEvent.data).where(AuditEvent.action == "ticket.conversation_ended")
        return list(session.scalars(query))


def test_repeated_threats_end_the_conversation_with_the_notice_once(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _post(client, key, "orders", order_payload("1001"))

    for n, text in enumerate(_THREATS, start=1):
        _post(client, key, "messages", _message(n, text))
    ticket = _ticket(client, key)
    first, second, third, fourth = ticket["analyses"]

    assert all(any(f.startswith("threat_") for f in a["flags"]) for a in ticket["analyses"])
    assert first["draft"]["template_key"] != "abuse/ended"
    assert second["draft"]["template_key"] != "abuse/ended"
    assert third["draft"]["template_key"] == "abuse/ended"
    assert "official channel" in third["draft"]["body"]
    assert third["route"] == "human"
    assert fourth["draft"] is None
    assert "the conversation has ended (repeated_threats)" in fourth["draft_problem"]
    assert {"conversation_ended", "ended:repeated_threats"} <= set(ticket["tags"])
    assert [e["reason"] for e in _ended_events(services)] == ["repeated_threats"]


def test_a_lawyer_marked_on_a_ticket_hands_it_to_the_legal_team(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services, languages=["fi", "en"])
    _post(client, key, "orders", order_payload("1001"))
    _post(client, key, "messages", _message(1, "Hei, missä tilaukseni #1001 on?"))
    ticket_id = _ticket(client, key)["id"]

    marked = _post(client, key, f"tickets/{ticket_id}/legal-counsel",
                   {"note": "Asianajotoimisto Laine acts for the customer"})  # fmt: skip
    again = _post(client, key, f"tickets/{ticket_id}/legal-counsel", {"note": "again"})
    _post(client, key, "messages", _message(2, "Hei, missä tilaukseni #1001 on nyt?"))
    ticket = _ticket(client, key)
    before, after = ticket["analyses"]

    assert "legal_counsel" in marked["tags"]
    assert again["tags"] == marked["tags"]
    assert before["draft"]["template_key"] != "abuse/ended"
    assert after["draft"]["template_key"] == "abuse/ended"
    assert after["draft"]["lang"] == "fi"
    assert "legal" in after["routes"]
    assert {"legal_counsel", "conversation_ended", "ended:legal_counsel"} <= set(ticket["tags"])


def test_marking_a_lawyer_needs_a_note_and_a_ticket_of_the_shop(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _post(client, key, "messages", _message(1, "Where is my order?"))
    ticket_id = _ticket(client, key)["id"]
    _, other_key = make_shop(services, slug="other")

    no_note = client.post(f"/api/v1/tickets/{ticket_id}/legal-counsel", json={"note": ""},
                          headers=auth(key))  # fmt: skip
    elsewhere = client.post(f"/api/v1/tickets/{ticket_id}/legal-counsel", json={"note": "x"},
                            headers=auth(other_key))  # fmt: skip

    assert no_note.status_code == 422
    assert no_note.headers["content-type"].startswith("application/problem+json")
    assert elsewhere.status_code == 404
