"""Customers across orders over REST: linking, households, the history check, unlinking."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.audit import AuditEvent
from goodbuyer.metrics.service import shop_overview
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def _post(
    client: TestClient, key: str, external_id: str, day: int, **customer: Any
) -> dict[str, Any]:
    payload = order_payload(external_id, placed_at=f"2026-03-{day:02d}T12:00:00+00:00",
                            updated_at=f"2026-03-{day:02d}T12:01:00+00:00")  # fmt: skip
    payload["customer"] = {**payload["customer"], **customer}
    answer = client.post("/api/v1/orders", json=payload, headers=auth(key))
    assert answer.status_code == 201, answer.text
    return client.get(f"/api/v1/orders/{answer.json()['id']}", headers=auth(key)).json()


def _refuse(client: TestClient, key: str, external_id: str) -> None:
    shipment = {
        "external_id": f"S-{external_id}", "order_external_id": external_id, "carrier": "Posti",
        "events": [{"status": "refused", "occurred_at": "2026-03-03T08:00:00Z"}],
    }  # fmt: skip
    assert client.post("/api/v1/shipments", json=shipment, headers=auth(key)).status_code == 201


def test_a_new_e_mail_with_the_same_phone_is_the_same_customer(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    first = _post(client, key, "1001", 1)
    second = _post(client, key, "1002", 2, email="aino.new@example.com", phone="+358 40 1234567")
    assert first["customer_id"] != second["customer_id"]  # two customer records...
    view = client.get(f"/api/v1/customers/{second['customer_id']}", headers=auth(key)).json()
    assert sorted(view["customer_records"]) == sorted([first["customer_id"], second["customer_id"]])
    assert view["profile"]["orders"] == 2
    [link] = [link for link in view["links"] if link["kind"] == "person"]
    assert link["reasons"][0] == "same phone (+358401234567)"
    assert link["levels"]["name"] == "same name"


def test_the_history_check_flags_an_earlier_refusal_with_its_order(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _post(client, key, "1001", 1)
    _refuse(client, key, "1001")
    later = _post(client, key, "1002", 5, email="other@example.com")
    check = client.get(f"/api/v1/orders/{later['id']}/history", headers=auth(key)).json()
    assert check["history"]["orders"] == 1
    assert check["history"]["outcomes"] == {"refused": 1}
    [flag] = check["red_flags"]
    assert (flag["code"], flag["orders"]) == ("refused", ["#1001"])
    assert flag["reason"] == "1 earlier order(s) of this customer refused at the door: #1001"


def test_a_household_is_context_not_the_same_customer(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _post(client, key, "1001", 1)
    _refuse(client, key, "1001")
    spouse = _post(
        client, key, "1002", 5, name="Eero Virtanen", email="eero@example.com", phone="050 765 4321"
    )
    view = client.get(f"/api/v1/customers/{spouse['customer_id']}", headers=auth(key)).json()
    assert view["customer_records"] == [spouse["customer_id"]]
    assert len(view["households"]) == 1
    check = client.get(f"/api/v1/orders/{spouse['id']}/history", headers=auth(key)).json()
    assert check["history"]["household_orders"] == 1
    assert [f["code"] for f in check["red_flags"]] == ["refused_household"]


def test_unlink_splits_the_customer_and_the_matcher_respects_it(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    first = _post(client, key, "1001", 1)
    second = _post(client, key, "1002", 2, email="aino.new@example.com")
    answer = client.post(f"/api/v1/customers/{second['customer_id']}/unlink",
                         json={"note": "two people named Aino"}, headers=auth(key))  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert answer.json()["separated_from"] == [first["customer_id"]]
    third = _post(client, key, "1003", 3, email="aino.new@example.com")  # same record as second
    _post(
        client, key, "1004", 4, email="aino.new@example.com", phone="040 123 4567", name="Aino V."
    )
    view = client.get(f"/api/v1/customers/{third['customer_id']}", headers=auth(key)).json()
    assert first["customer_id"] not in view["customer_records"]
    kinds = sorted(link["kind"] for link in view["links"])
    assert "separated" in kinds
    with services.sessions() as session:
        splits = session.scalars(
            select(AuditEvent.action).where(AuditEvent.action == "person.split")
        )
        assert list(splits) == ["person.split"]


def test_unknown_customer_and_unchecked_order_are_404_problems(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    missing = client.get(
        "/api/v1/customers/00000000-0000-7000-8000-000000000000", headers=auth(key)
    )
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    bad = client.post("/api/v1/customers/00000000-0000-7000-8000-000000000000/unlink",
                      json={"not": "allowed"}, headers=auth(key))  # fmt: skip
    assert bad.status_code == 422


def test_the_profile_counts_money_returns_and_the_cost_of_goods_kept(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    order = _post(client, key, "1001", 1, **{})
    delivered = order_payload("1001", status="delivered", payment_status="paid",
                              updated_at="2026-03-05T12:00:00+00:00")  # fmt: skip
    assert client.post("/api/v1/orders", json=delivered, headers=auth(key)).status_code == 200
    back = {"external_id": "R-1", "order_external_id": "1001", "reason": "size",
            "requested_at": "2026-03-06T10:00:00Z",
            "lines": [{"sku": "TEE-M-BLK", "quantity": 1, "condition": "unused"}]}  # fmt: skip
    assert client.post("/api/v1/returns", json=back, headers=auth(key)).status_code == 201
    refund = {"external_id": "RF-1", "order_external_id": "1001", "amount": 1990,
              "currency": "EUR", "refunded_at": "2026-03-08T10:00:00Z"}  # fmt: skip
    assert client.post("/api/v1/refunds", json=refund, headers=auth(key)).status_code == 201
    profile = client.get(f"/api/v1/customers/{order['customer_id']}", headers=auth(key)).json()[
        "profile"
    ]
    # 2 x 19.90 + 15.00 + 4.90 shipping; one T-shirt (cost 7.00) sent back and refunded
    assert (profile["gross_spend"], profile["refunded"], profile["net_spend"]) == (5970, 1990, 3980)
    assert profile["net_margin"] == 3980 - 700
    assert (profile["returns"], profile["return_ratio_count"]) == (1, 0.3333)
    assert profile["outcomes"] == {"returned": 1}


def test_the_shop_counts_persons_not_customer_records(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    _post(client, key, "1001", 1)
    _post(client, key, "1002", 2, email="aino.new@example.com")  # a second record, one person
    _post(
        client, key, "1003", 3, name="Eero Virtanen", email="eero@example.com", phone="0507654321"
    )
    with services.sessions() as session:
        assert shop_overview(session, shop_id).customers == 2
