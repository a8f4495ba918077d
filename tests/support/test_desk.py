"""The support desk end to end over REST, on SQLite and PostgreSQL: a customer's message is
read, resolved by the playbook, answered with a draft in its language, its threats routed
and its abuse met with a warning, then a block; a history import is read afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from goodbuyer.store.service import import_file
from goodbuyer.support.backlog import read_backlog
from goodbuyer.support.models import MessageAnalysis
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def _post(client: TestClient, key: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"/api/v1/{path}", json=body, headers=auth(key))
    assert response.status_code in (200, 201), response.text
    found: dict[str, Any] = response.json()
    return found


def _message(ticket: str, n: int, body: str, **extra: Any) -> dict[str, Any]:
    return {
        "ticket_external_id": ticket, "external_id": f"{ticket}-M{n}", "channel": "email",
        "author_email": "aino.virtanen@example.fi", "body": body,
        "sent_at": f"2026-03-0{n}T09:00:00Z", **extra,
    }  # fmt: skip


def _ticket(client: TestClient, key: str, external_id: str) -> dict[str, Any]:
    tickets = client.get("/api/v1/tickets?limit=500", headers=auth(key)).json()
    found = next(t for t in tickets if t["external_id"] == external_id)
    detail: dict[str, Any] = client.get(f"/api/v1/tickets/{found['id']}", headers=auth(key)).json()
    return detail


def _shipped(client: TestClient, key: str) -> None:
    _post(client, key, "orders", order_payload("1001", payment_method="card"))
    _post(client, key, "shipments", {
        "external_id": "S-1", "order_external_id": "1001", "carrier": "Posti",
        "tracking_number": "JJFI1001", "tracking_url": "https://posti.example/JJFI1001",
        "promised_at": "2026-03-06T18:00:00+02:00",
        "events": [{"status": "in_transit", "occurred_at": "2026-03-02T08:00:00Z"}],
    })  # fmt: skip


def test_a_tracking_question_is_answered_with_the_tracking_link(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _shipped(client, key)

    _post(
        client,
        key,
        "messages",
        _message(
            "T-1",
            3,
            "Hei, tilasin viikko sitten eikä paketti ole vieläkään tullut. "
            "Missä tilaukseni #1001 on?",
        ),
    )
    ticket = _ticket(client, key, "T-1")

    analysis = ticket["analyses"][0]
    assert (analysis["lang"], analysis["intent"]) == ("fi", "where_is_order")
    assert analysis["facts"]["order_number"] == "#1001"
    assert analysis["resolution"]["kind"] == "send_tracking"
    assert "https://posti.example/JJFI1001" in analysis["draft"]["body"]
    assert analysis["draft"]["lang"] == "fi"
    assert analysis["model_version"].startswith("triage-")
    assert (ticket["intent"], ticket["route"]) == ("where_is_order", analysis["route"])
    assert {"where_is_order", "lang:fi", "resolution:send_tracking"} <= set(ticket["tags"])


def test_a_retried_message_is_read_once(client: TestClient, services: Services) -> None:
    _shop_id, key = make_shop(services)
    message = _message("T-1", 3, "Where is my parcel? I ordered a week ago.")

    first = client.post("/api/v1/messages", json=message, headers=auth(key))
    again = client.post("/api/v1/messages", json=message, headers=auth(key))

    assert (first.status_code, again.status_code) == (201, 200)
    with services.sessions() as session:
        count = session.scalar(select(func.count()).select_from(MessageAnalysis))
    assert count == 1
    assert len(_ticket(client, key, "T-1")["analyses"]) == 1


def test_a_threat_is_routed_and_answered_calmly_with_the_same_resolution(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _shipped(client, key)
    plain = "Where is my order #1001? It should have arrived by now."
    threat = plain + " If it is not here tomorrow my lawyer will take you to court."

    _post(client, key, "messages", _message("T-1", 3, plain))
    _post(client, key, "messages", _message("T-2", 3, threat))
    calm, threatened = (_ticket(client, key, t)["analyses"][0] for t in ("T-1", "T-2"))

    assert "threat_legal" in threatened["flags"]
    assert threatened["routes"] == ["legal"]
    assert threatened["resolution"] == calm["resolution"]
    assert len(threatened["draft"]["body"]) > len(calm["draft"]["body"])  # the calm paragraph


def test_abuse_gets_a_warning_then_a_block_and_no_more_drafts(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _post(client, key, "orders", order_payload("1001"))
    insults = (
        "Where is my order, you useless idiots? Answer me!",
        "You are a bunch of lying morons, refund me now.",
        "Still nothing from you idiots.",
    )
    for n, text in enumerate(insults, start=1):
        _post(client, key, "messages", _message("T-1", n, text))

    steps = [a["abuse_step"] for a in _ticket(client, key, "T-1")["analyses"]]
    analyses = _ticket(client, key, "T-1")["analyses"]

    assert steps == ["warned", "blocked", "already_blocked"]
    assert analyses[0]["draft"] is not None  # the warning first, the request still handled
    assert analyses[1]["draft"]["template_key"] == "abuse/block"
    assert analyses[2]["draft"] is None
    assert "blocked" in analyses[2]["draft_problem"]
    assert analyses[2]["route"] == "human"
    assert "blocked" in _ticket(client, key, "T-1")["tags"]


def test_a_social_mention_gets_a_short_public_reply(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    message = _message("T-1", 3, "Ordered two weeks ago and still nothing. Where is my order??")
    message |= {"channel": "social", "author_email": None}

    _post(client, key, "messages", message)
    draft = _ticket(client, key, "T-1")["analyses"][0]["draft"]

    assert draft["public_reply"]
    assert len(draft["public_reply"]) <= 280
    assert draft["subject"] is None


def test_a_history_import_is_read_afterwards_once(
    client: TestClient, services: Services, tmp_path: Path
) -> None:
    shop_id, key = make_shop(services, languages=["fi", "en", "ar"])
    _post(client, key, "orders", order_payload("1001"))
    csv = tmp_path / "tickets.csv"
    csv.write_text(
        "ticket_id,message_id,channel,direction,author_kind,author_email,body,language,sent_at\n"
        "T-1,T-1-1,email,inbound,customer,aino.virtanen@example.fi,Haluan perua tilaukseni.,fi,"
        "2026-03-01T10:00:00Z\n"
        "T-1,T-1-2,email,outbound,agent,,Tilaus on peruttu.,fi,2026-03-01T11:00:00Z\n"
        "T-2,T-2-1,chat,inbound,customer,aino.virtanen@example.fi,أين طلبي؟,ar,"
        "2026-03-02T10:00:00Z\n",
        encoding="utf-8",
    )
    report = import_file(services, shop_id, "tickets", csv)
    assert report.rejected == 0, report
    assert _ticket(client, key, "T-1")["analyses"] == []

    first = read_backlog(services.sessions, services.clock, shop_id, "test", batch=1)
    again = read_backlog(services.sessions, services.clock, shop_id, "test")

    assert (first, again) == (2, 0)
    assert [a["intent"] for a in _ticket(client, key, "T-1")["analyses"]] == ["cancel_order"]
    assert _ticket(client, key, "T-2")["analyses"][0]["lang"] == "ar"
