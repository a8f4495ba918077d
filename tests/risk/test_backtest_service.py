"""The backtest over a small shop built by hand, on SQLite and PostgreSQL: every number
below can be worked out from the six orders."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.risk.backtest_report import render_report
from goodbuyer.risk.backtest_service import run_backtest
from goodbuyer.risk.compiled import CompiledPolicy, compile_policy
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload

T0 = datetime(2026, 1, 1, 10, tzinfo=UTC)
PEOPLE = {
    "alice": ("Aino Virtanen", "aino.virtanen@gmail.com", "040 521 7734", "Mannerheimintie 12",
              "Helsinki", "00100"),
    "bob": ("Jussi Korhonen", "jussi.korhonen@outlook.com", "050 318 6642", "Hämeenkatu 5",
            "Tampere", "33100"),
    "carol": ("Maria Nieminen", "maria.nieminen@yahoo.com", "044 672 9018", "Aleksanterinkatu 9",
              "Turku", "20100"),
}  # fmt: skip
# (order, person, day placed, payment, status, payment status, days until the outcome is known)
ORDERS = [
    ("A1", "alice", 0, "card", "delivered", "paid", 3),
    ("B1", "bob", 1, "cod", "refused", "pending", 3),
    ("C1", "carol", 2, "cod", "delivered", "paid", 3),
    ("A2", "alice", 9, "card", "delivered", "paid", 3),
    ("B2", "bob", 19, "cod", "refused", "pending", 3),
    ("A3", "alice", 31, "card", "delivered", "paid", 3),
]


def _order(
    number: str, person: str, day: int, payment: str, status: str, paid: str, known: int
) -> dict[str, Any]:
    name, email, phone, street, city, postcode = PEOPLE[person]
    placed = T0 + timedelta(days=day)
    return order_payload(
        number, placed_at=placed.isoformat(),
        updated_at=(placed + timedelta(days=known)).isoformat(), payment_method=payment,
        status=status, payment_status=paid, shipping=0,
        customer={"name": name, "email": email, "phone": phone},
        shipping_address={"name": name, "line1": street, "city": city, "postcode": postcode,
                          "country": "fi"},
        lines=[{"sku": f"SKU-{number}", "product": "Coat", "quantity": 1, "unit_price": 10000}],
    )  # fmt: skip


@pytest.fixture
def shop(services: Services, client: TestClient) -> uuid.UUID:
    shop_id, key = make_shop(services)
    for row in ORDERS:
        response = client.post("/api/v1/orders", json=_order(*row), headers=auth(key))
        assert response.status_code == 201, response.text
    return shop_id  # type: ignore[no-any-return]


def _policy(old: str = "", new: str = "") -> CompiledPolicy:
    return compile_policy(parse_policy(default_policy_text().replace(old, new)))


LENIENT = ("first_cod_value: 0 ", "first_cod_value: 100000000 ")  # no first-order confirmation


def _run(
    services: Services, shop_id: uuid.UUID, *policies: CompiledPolicy, **kw: Any
) -> dict[str, Any]:
    labels = ["first", "second"]
    with services.readers() as session:
        return run_backtest(session, shop_id, [(labels[i], p) for i, p in enumerate(policies)],
                            workers=kw.pop("workers", 1), **kw)  # fmt: skip


def test_the_default_policy_on_six_orders(services: Services, shop: uuid.UUID) -> None:
    report = _run(services, shop, _policy())
    p = report["policies"][0]
    assert p["orders"] == 6
    # A1, A2 prepaid; A3 known good; B1, C1 first cash-on-delivery orders; B2 a refuser's
    assert p["outcomes"] == {"approve": 3, "confirm": 2, "review": 0, "prepay": 1, "reject": 0}
    assert p["bad_cod"]["orders"] == 2
    assert p["bad_cod"]["caught"] == 2
    assert p["bad_cod"]["caught_by_outcome"] == {"confirm": 1, "prepay": 1}
    assert p["segments"]["refuser"] == {"orders": 1, "with_friction": 1, "share": 1.0}
    hurt = p["good_customers_hurt"]
    assert (hurt["good_customers"], hurt["customers"], hurt["orders"]) == (2, 1, 1)
    assert hurt["lifetime_value"] == 10000  # Carol: one delivered order of EUR 100
    money = p["money"]
    assert money["shipping_saved"] == 2 * (700 + 700)
    assert money["confirmations"] == 2 * 8
    assert money["friction_lost"] == 105  # 10000 x 0.35 margin x 0.03 lost
    assert money["net"] == 2800 - 16 - 105


def test_the_period_limits_the_orders_counted(services: Services, shop: uuid.UUID) -> None:
    report = _run(
        services, shop, _policy(), since=T0 + timedelta(days=5), until=T0 + timedelta(days=20)
    )
    p = report["policies"][0]
    assert p["orders"] == 2  # A2, B2: the history before still counts (B2 is a refuser's)
    assert p["outcomes"]["prepay"] == 1


def test_two_identical_policies_give_identical_reports(services: Services, shop: uuid.UUID) -> None:
    report = _run(services, shop, _policy(), _policy())
    first, second = report["policies"]
    assert {**first, "label": ""} == {**second, "label": ""}
    assert report["difference"] == {"orders": 0, "changes": {}, "examples": []}


def test_a_stricter_policy_catches_more_and_hurts_more(services: Services, shop: uuid.UUID) -> None:
    report = _run(services, shop, _policy(*LENIENT), _policy())
    lenient, strict = report["policies"]
    assert lenient["bad_cod"]["caught"] == 1 < strict["bad_cod"]["caught"] == 2
    assert (
        lenient["good_customers_hurt"]["customers"]
        == 0
        < strict["good_customers_hurt"]["customers"]
        == 1
    )
    assert report["difference"]["changes"] == {"approve->confirm": 2}
    numbers = sorted(e["order"] for e in report["difference"]["examples"])
    assert numbers == ["#B1", "#C1"]
    example = next(e for e in report["difference"]["examples"] if e["order"] == "#B1")
    assert example["ended"] == "refused"
    assert any("first order" in r for r in example["decisions"][1]["reasons"])


def test_workers_split_the_persons_and_agree(services: Services, shop: uuid.UUID) -> None:
    one = _run(services, shop, _policy(*LENIENT), _policy(), workers=1)
    two = _run(services, shop, _policy(*LENIENT), _policy(), workers=2)
    assert one["policies"] == two["policies"]
    assert one["difference"]["changes"] == two["difference"]["changes"]


def test_the_html_report_shows_both_policies(services: Services, shop: uuid.UUID) -> None:
    html = render_report(_run(services, shop, _policy(*LENIENT), _policy()))
    assert html.count("<svg") == 3
    assert "<th>first</th><th>second</th>" in html
    assert "#B1" in html
    assert "approve-&gt;confirm" in html
    assert "costs.friction_loss" in html


def test_the_api_runs_a_backtest_of_policy_text(
    client: TestClient, services: Services, shop: uuid.UUID
) -> None:
    from goodbuyer.shops.scopes import Scope
    from tests.factories import make_key

    key = make_key(services, shop, [Scope.READ])
    body = {"policy": {"text": default_policy_text()}, "against": {"version": "default"},
            "from": T0.isoformat(), "to": (T0 + timedelta(days=40)).isoformat()}  # fmt: skip
    response = client.post("/api/v1/backtests", json=body, headers=auth(key))
    assert response.status_code == 200, response.text
    assert [p["orders"] for p in response.json()["policies"]] == [6, 6]
    page = client.post("/api/v1/backtests/html", json=body, headers=auth(key))
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    wrong = client.post(
        "/api/v1/backtests", json={"policy": {"text": "rules: 3"}}, headers=auth(key)
    )
    assert wrong.status_code == 422
    assert wrong.headers["content-type"] == "application/problem+json"
