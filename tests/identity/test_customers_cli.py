"""`goodbuyer customers show|export|link` against the database the settings name."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from goodbuyer.cli import run
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def test_export_and_show_a_customer(
    client: TestClient,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    _, key = make_shop(services)
    answer = client.post("/api/v1/orders", json=order_payload("1001"), headers=auth(key))
    order = client.get(f"/api/v1/orders/{answer.json()['id']}", headers=auth(key)).json()
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", services.settings.database_url)
    capsysbinary.readouterr()
    assert run(["customers", "export", order["customer_id"]]) == 0
    exported = json.loads(capsysbinary.readouterr().out)
    assert exported["customer_records"] == [order["customer_id"]]
    assert exported["identities"][0]["phone"] == "040 123 4567"
    assert exported["profile"]["orders"] == 1
    assert run(["customers", "show", order["customer_id"]]) == 0
    assert b"profile" in capsysbinary.readouterr().out
    assert run(["orders", "history", order["id"], "--json"]) == 0
    check = json.loads(capsysbinary.readouterr().out)
    assert (check["order_id"], check["history"]["orders"]) == (order["id"], 0)
    assert run(["orders", "history", order["id"]]) == 0
    assert b"ghost score" in capsysbinary.readouterr().out


def test_an_unknown_customer_exits_2(
    services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", services.settings.database_url)
    assert run(["customers", "export", "00000000-0000-7000-8000-000000000000"]) == 2
    assert "no customer" in capsys.readouterr().err
    assert run(["orders", "history", "00000000-0000-7000-8000-000000000000"]) == 2
    assert "no order" in capsys.readouterr().err
