"""A message read long after it was sent (a history import read later) is read as things
stood when it was sent: the parcel's scans, the order's status, disputes and zero
tolerance's window. A message read as it arrives gets today's facts. SQLite and
PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.store.service import import_file
from goodbuyer.support.backlog import read_backlog
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload

_HEADER = "ticket_id,message_id,channel,direction,author_kind,author_email,body,language,sent_at\n"
_AUTHOR = "aino.virtanen@example.fi"


def _post(client: TestClient, key: str, path: str, body: dict[str, Any]) -> None:
    response = client.post(f"/api/v1/{path}", json=body, headers=auth(key))
    assert response.status_code in (200, 201), response.text


def _analyses(client: TestClient, key: str, external_id: str) -> list[dict[str, Any]]:
    tickets = client.get("/api/v1/tickets?limit=500", headers=auth(key)).json()
    found = next(t for t in tickets if t["external_id"] == external_id)
    detail = client.get(f"/api/v1/tickets/{found['id']}", headers=auth(key)).json()
    analyses: list[dict[str, Any]] = detail["analyses"]
    return analyses


def _import(services: Services, shop_id: Any, tmp_path: Path, rows: list[str]) -> None:
    csv = tmp_path / "tickets.csv"
    csv.write_text(_HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    report = import_file(services, shop_id, "tickets", csv)
    assert report.rejected == 0, report


def _delivered_order(client: TestClient, key: str) -> None:
    """Order #1001, placed 10 February, handed to Posti on the 12th, delivered on the 20th."""
    placed = {"placed_at": "2026-02-10T12:00:00Z", "updated_at": "2026-02-10T12:01:00Z"}
    _post(client, key, "orders", order_payload("1001", payment_method="card", **placed))
    _post(client, key, "shipments", {
        "external_id": "S-1", "order_external_id": "1001", "carrier": "Posti",
        "tracking_number": "JJFI1001", "tracking_url": "https://posti.example/JJFI1001",
        "promised_at": "2026-02-17T18:00:00Z",
        "events": [{"status": "in_transit", "occurred_at": "2026-02-12T08:00:00Z"},
                   {"status": "delivered", "occurred_at": "2026-02-20T14:00:00Z"}],
    })  # fmt: skip


def test_an_old_tracking_question_is_read_as_the_parcel_stood_then(
    client: TestClient, services: Services, tmp_path: Path
) -> None:
    shop_id, key = make_shop(services, languages=["en"])
    _delivered_order(client, key)
    _import(services, shop_id, tmp_path, [
        f"T-1,T-1-1,email,inbound,customer,{_AUTHOR},Where is my order #1001? It has been "
        "days and nothing has arrived.,en,2026-02-15T10:00:00Z",
    ])  # fmt: skip

    assert read_backlog(services.sessions, services.clock, shop_id, "test") == 1
    then = _analyses(client, key, "T-1")[0]

    assert then["intent"] == "where_is_order"
    assert then["facts"]["order_status"] == "shipped"
    assert then["facts"]["delivered_scan"] is False
    assert then["resolution"]["kind"] == "send_tracking"
    assert "on its way" in then["draft"]["body"]


def test_the_same_question_today_gets_the_day_it_was_delivered(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services, languages=["en"])
    _delivered_order(client, key)
    _post(client, key, "messages", {
        "ticket_external_id": "T-2", "external_id": "T-2-1", "channel": "email",
        "author_email": _AUTHOR, "sent_at": "2026-03-02T09:00:00Z",
        "body": "Where is my order #1001? It has been weeks and nothing has arrived.",
    })  # fmt: skip

    now = _analyses(client, key, "T-2")[0]

    assert now["facts"]["order_status"] == "delivered"
    assert now["facts"]["delivered_scan"] is True
    assert now["resolution"]["kind"] == "send_tracking"
    assert "delivered on 20 February 2026" in now["draft"]["body"]
    assert "on its way" not in now["draft"]["body"]


def test_old_abuse_counts_in_the_window_of_when_it_was_written(
    client: TestClient, services: Services, tmp_path: Path
) -> None:
    shop_id, key = make_shop(services, languages=["en"])
    _post(client, key, "orders", order_payload("1001", placed_at="2025-12-20T12:00:00Z",
                                               updated_at="2025-12-20T12:01:00Z"))  # fmt: skip
    insult = '"Where is my order, you useless idiots? Answer me!"'
    _import(services, shop_id, tmp_path, [
        # 50 days apart: the default window is 30 days, so each is a first warning.
        f"T-1,T-1-1,email,inbound,customer,{_AUTHOR},{insult},en,2026-01-01T10:00:00Z",
        f"T-2,T-2-1,email,inbound,customer,{_AUTHOR},{insult},en,2026-02-20T10:00:00Z",
        # 5 days after the second: within its window, so a block.
        f"T-3,T-3-1,email,inbound,customer,{_AUTHOR},{insult},en,2026-02-25T10:00:00Z",
    ])  # fmt: skip

    assert read_backlog(services.sessions, services.clock, shop_id, "test") == 3

    steps = [_analyses(client, key, t)[0]["abuse_step"] for t in ("T-1", "T-2", "T-3")]
    assert steps == ["warned", "warned", "blocked"]
