"""`goodbuyer triage` lines that name a shop get the playbook's resolution and the drafted
reply, from the shop's own orders (found by the number in the text), on both databases."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from goodbuyer.support.triage.commands import triage_app
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def test_a_line_naming_a_shop_gets_its_resolution_and_reply(
    client: TestClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, key = make_shop(services)
    client.post("/api/v1/orders", json=order_payload("1001", payment_method="card"),
                headers=auth(key))  # fmt: skip
    shipment = {
        "external_id": "S-1", "order_external_id": "1001", "carrier": "Posti",
        "tracking_number": "JJFI1001", "tracking_url": "https://posti.example/JJFI1001",
        "promised_at": "2030-03-06T18:00:00+02:00",  # not late, whenever the test runs
        "events": [{"status": "in_transit", "occurred_at": "2026-03-02T08:00:00Z"}],
    }  # fmt: skip
    assert client.post("/api/v1/shipments", json=shipment, headers=auth(key)).is_success
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", services.settings.database_url)
    lines = [
        {"id": "a", "text": "Where is my order #1001? I have been waiting all week.",
         "shop": "kauppa"},
        {"id": "b", "text": "Where is my order?", "shop": "nope"},
        {"id": "c", "text": "Where is my order #1001?"},
    ]  # fmt: skip

    result = CliRunner().invoke(triage_app, [], input="\n".join(map(json.dumps, lines)) + "\n")

    rows = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert result.exit_code == 2
    assert "line 2: no shop 'nope' in this database" in result.stderr
    assert sorted(rows) == ["a", "c"]
    assert rows["a"]["resolution"]["kind"] == "send_tracking"
    assert rows["a"]["resolution"]["order_number"] == "#1001"
    assert "https://posti.example/JJFI1001" in rows["a"]["reply"]
    assert "resolution" not in rows["c"]
