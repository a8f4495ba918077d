"""Decisions over REST: every stored order gets one; a payload can be decided without
storing it; segments open and close with events; the CLI decides from standard input."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from goodbuyer.policy.models import SegmentMembership
from goodbuyer.risk.models import Decision
from goodbuyer.settings import Settings
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload

REAL = {"name": "Aino Virtanen", "email": "aino.virtanen@kolumbus.fi", "phone": "040 718 2934"}


def _order(day: int, external_id: str, **change: Any) -> dict[str, Any]:
    at = f"2026-03-{day:02d}T12:0"
    payload = order_payload(external_id, placed_at=f"{at}0:00+00:00",
                            updated_at=f"{at}1:00+00:00", customer=REAL)  # fmt: skip
    payload.update(change)
    return payload


def _post(client: TestClient, key: str, payload: dict[str, Any]) -> str:
    answer = client.post("/api/v1/orders", json=payload, headers=auth(key))
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def _ship(client: TestClient, key: str, external_id: str, status: str, day: int) -> None:
    shipment = {
        "external_id": f"S-{external_id}-{status}", "order_external_id": external_id,
        "carrier": "Posti",
        "events": [{"status": status, "occurred_at": f"2026-03-{day:02d}T08:00:00Z"}],
    }  # fmt: skip
    answer = client.post("/api/v1/shipments", json=shipment, headers=auth(key))
    assert answer.status_code == 201, answer.text


def _decision(client: TestClient, key: str, order_id: str) -> dict[str, Any]:
    answer = client.get(f"/api/v1/orders/{order_id}/decision", headers=auth(key))
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_every_stored_order_gets_a_decision_with_reasons(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    first = _decision(client, key, _post(client, key, _order(1, "1001")))
    assert first["outcome"] == "confirm"  # a first order paid in cash on delivery
    assert [e["rule"] for e in first["executions"] if e["matched"]] == ["first_cod"]
    assert {e["rule"] for e in first["executions"]} >= {"block_list", "refused_before", "model_rto"}
    assert first["features"]["customer.orders"] == 0
    assert first["policy_version"] is not None


def test_a_refusal_makes_the_next_cod_order_prepaid_and_the_customer_a_refuser(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _post(client, key, _order(1, "1001"))
    _ship(client, key, "1001", "refused", 3)
    second = _decision(client, key, _post(client, key, _order(5, "1002")))
    assert second["outcome"] == "prepay"
    assert "refuser" in second["segments"]
    assert second["reasons"] == ["cash on delivery after 1 unsuccessful deliveries"]
    assert second["counterfactuals"] == ["would be approve if the order were paid up front"]
    assert second["limits"] == [{"kind": "no_cod", "value": None, "note": ""}]
    assert second["features"]["history.flags"] == ["refused"]
    customer = client.get(f"/api/v1/orders/{_post(client, key, _order(6, '1003'))}",
                          headers=auth(key)).json()["customer_id"]  # fmt: skip
    treatment = client.get(f"/api/v1/customers/{customer}/treatment", headers=auth(key)).json()
    assert [s["segment"] for s in treatment["segments"]] == ["refuser"]
    assert treatment["segments"][0]["reason"].startswith("1 parcel(s) refused at the door")
    assert treatment["limits"] == [{"kind": "no_cod", "value": None, "note": ""}]


def test_prepaid_deliveries_reinstate_cash_on_delivery(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _post(client, key, _order(1, "1001"))
    _ship(client, key, "1001", "refused", 2)
    for day, external_id in ((3, "1002"), (6, "1003")):
        _post(client, key, _order(day, external_id, payment_method="card",
                                  payment_status="paid"))  # fmt: skip
        _ship(client, key, external_id, "delivered", day + 1)
    with services.sessions() as session:
        ended = session.scalars(
            select(SegmentMembership).where(SegmentMembership.segment == "refuser")
        ).all()
    assert len(ended) == 1
    assert ended[0].until is not None
    later = _decision(client, key, _post(client, key, _order(9, "1004")))
    assert "refuser" not in later["segments"]
    assert later["outcome"] == "approve"


def test_decide_without_storing_writes_nothing(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    _post(client, key, _order(1, "1001"))
    _ship(client, key, "1001", "refused", 3)
    with services.sessions() as session:
        before = session.scalar(select(func.count()).select_from(Decision))
    payload = _order(5, "9999", customer={**REAL, "email": "aino.v@elisanet.fi",
                                          "phone": "+358 40 718 2934"})  # fmt: skip
    answer = client.post("/api/v1/decide", json=payload, headers=auth(key))
    assert answer.status_code == 200, answer.text
    assert answer.json()["outcome"] == "prepay"
    assert answer.json()["order_id"] is None
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == before
    assert (
        client.get("/api/v1/orders?limit=10", headers=auth(key)).json()["items"][0]["external_id"]
        == "1001"
    )


def test_decide_refuses_a_bad_payload_naming_the_field(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    payload = _order(1, "1")
    payload["currency"] = "EURO"
    answer = client.post("/api/v1/decide", json=payload, headers=auth(key))
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert "currency" in answer.text


def test_the_decision_of_an_unknown_order_is_not_found(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    answer = client.get(
        "/api/v1/orders/00000000-0000-7000-8000-000000000000/decision", headers=auth(key)
    )
    assert answer.status_code == 404


def test_the_cli_decides_from_standard_input(settings: Settings, services: Services) -> None:
    make_shop(services)
    env = {"GOODBUYER_DATABASE_URL": settings.database_url, "PATH": ""}
    run = subprocess.run(
        [sys.executable, "-m", "goodbuyer.cli", "decide", "--shop", "kauppa", "--json"],
        input=json.dumps(_order(1, "1001", shipping_address={"line1": "Mannerheimintie",
                                                             "city": "Helsinki",
                                                             "country": "FI"})),
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    decided = json.loads(run.stdout)
    assert decided["outcome"] == "confirm"
    assert decided["counterfactuals"] == [
        "would be approve if the address had a house number; and the customer had ordered "
        "before or paid up front"
    ]
    bad = subprocess.run(
        [sys.executable, "-m", "goodbuyer.cli", "decide", "--shop", "kauppa"],
        input='{"external_id": "x"}',
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 2
    assert "placed_at" in bad.stderr


def test_a_blocked_postcode_is_hit_however_the_order_writes_it(
    client: TestClient, services: Services
) -> None:
    from goodbuyer.db import transaction
    from goodbuyer.policy.lists import add_entry
    from goodbuyer.policy.statuses import ListKind, ListSubject

    shop_id, key = make_shop(services)
    with transaction(services.sessions) as session:
        add_entry(
            session, shop_id, ListKind.BLOCK, ListSubject.POSTCODE, "US:94105",
            reason="parcels never collected", actor="test", now=services.clock.now(),
        )  # fmt: skip
    address = {"name": "Ann Lee", "line1": "350 Mission St", "city": "San Francisco",
               "postcode": "94105-1234", "country": "US"}  # fmt: skip
    stored = _post(client, key, _order(1, "1001", shipping_address=address))
    decided = _decision(client, key, stored)
    assert decided["outcome"] == "reject"
    assert decided["features"]["lists.block"] == ["postcode"]
    answer = client.post("/api/v1/decide", json=_order(2, "9", shipping_address=address),
                         headers=auth(key))  # fmt: skip
    assert answer.json()["outcome"] == "reject"
