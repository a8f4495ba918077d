"""The Gorgias webhook: a ticket's customer messages become a ticket of ours, each once;
internal notes (our own write-backs among them) are never taken in."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.support.models import TicketMessage
from goodbuyer.web.deps import Services
from tests.factories import auth, count_rows, make_shop
from tests.support.intake.factories import AINO, place_order

GORGIAS = "/api/v1/inbound/gorgias"


def gorgias_message(message_id: int, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": message_id,
        "ticket_id": 5501,
        "channel": "email",
        "via": "email",
        "public": True,
        "from_agent": False,
        "sender": {"id": 77, "email": AINO["email"], "name": "Aino Virtanen"},
        "subject": "Tilaus",
        "body_text": text,
        "body_html": f"<p>{text}</p>",
        "stripped_text": text,
        "created_datetime": f"2026-03-05T09:0{message_id % 10}:00.123456",
        "sent_datetime": None,
        **extra,
    }


def gorgias_ticket(*messages: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": 5501,
        "uri": "/api/tickets/5501/",
        "channel": "email",
        "via": "email",
        "status": "open",
        "subject": "Tilaus",
        "customer": {"id": 77, "email": AINO["email"], "name": "Aino Virtanen"},
        "tags": [],
        "messages": list(messages),
        "created_datetime": "2026-03-05T09:00:00.000000",
    }


def test_ticket_created_then_message_created_store_each_message_once(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    order = place_order(client, key, "1042", AINO)
    first = gorgias_message(1, "Hei, missä on tilaus #1042?")
    note = gorgias_message(2, "analysis", channel="internal-note", public=False, from_agent=True)
    agent = gorgias_message(3, "Katsomme asiaa.", from_agent=True, sender={"email": "a@k.fi"})
    second = gorgias_message(4, "Kiitos, odotan.")

    created = client.post(GORGIAS, json={"ticket": gorgias_ticket(first)}, headers=auth(key))
    replayed = client.post(
        GORGIAS, json={"ticket": gorgias_ticket(first, note, agent)}, headers=auth(key)
    )
    added = client.post(
        GORGIAS, json={"ticket": gorgias_ticket(), "message": second}, headers=auth(key)
    )

    assert [a.status_code for a in (created, replayed, added)] == [200, 200, 200]
    assert [r["action"] for r in replayed.json()["results"]] == ["unchanged", "created"]
    (ticket,) = client.get("/api/v1/tickets", headers=auth(key)).json()
    assert (ticket["external_id"], ticket["order_id"]) == ("5501", order["id"])
    detail = client.get(f"/api/v1/tickets/{ticket['id']}", headers=auth(key)).json()
    assert [(m["direction"], m["body"]) for m in detail["messages"]] == [
        ("inbound", "Hei, missä on tilaus #1042?"),
        ("outbound", "Katsomme asiaa."),
        ("inbound", "Kiitos, odotan."),
    ]


def test_instagram_comments_are_social_and_marked_public(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    comment = gorgias_message(9, "Worst shop ever, where is my parcel", channel="instagram-comment")

    client.post(GORGIAS, json={"ticket": gorgias_ticket(comment)}, headers=auth(key))

    (ticket,) = client.get("/api/v1/tickets", headers=auth(key)).json()
    assert ticket["channel"] == "social"


def test_unreadable_payloads_name_the_field_and_store_nothing(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    no_id = {"ticket": {"subject": "x"}}
    bad_date = {"ticket": gorgias_ticket(gorgias_message(1, "x", created_datetime="yesterday"))}
    empty = {"ticket": gorgias_ticket(gorgias_message(1, "", body_html="", stripped_text=""))}

    answers = [client.post(GORGIAS, json=p, headers=auth(key)) for p in (no_id, bad_date, empty)]

    assert [a.status_code for a in answers] == [422, 422, 422]
    assert [a.json()["errors"][0]["location"] for a in answers] == [
        "ticket.id", "ticket.messages.0.created_datetime", "ticket.messages.0.body_text",
    ]  # fmt: skip
    assert count_rows(services, TicketMessage) == 0


def test_an_agents_address_never_names_the_customer(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    place_order(client, key, "1042", AINO)  # the agent once ordered with this address
    outreach = gorgias_message(1, "Hei! Tilauksesi on lähdössä.", from_agent=True)

    client.post(GORGIAS, json={"ticket": gorgias_ticket(outreach)}, headers=auth(key))

    (ticket,) = client.get("/api/v1/tickets", headers=auth(key)).json()
    assert ticket["customer_id"] is None
