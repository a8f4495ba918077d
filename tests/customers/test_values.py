"""Lifetime value per person, fitted per shop and stored: history computed by hand, the
RFM-tier fallback with its reason, one row per person, refits, the customer view, the
command, and the fitted models on a synthetic shop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from goodbuyer.audit import AuditEvent
from goodbuyer.cli import run
from goodbuyer.customers.models import CustomerValue
from goodbuyer.customers.values import NO_PURCHASE, FitReport, fit_shop_values, top_values
from goodbuyer.db import transaction
from goodbuyer.ids import new_id
from goodbuyer.store.models import Customer, Order
from goodbuyer.store.statuses import OrderStatus, PaymentMethod, PaymentStatus
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_json, order_payload

NOW = datetime(2026, 4, 1, tzinfo=UTC)
TOTAL = 5970  # order_payload: 2 x 19.90 + 15.00 + 4.90 shipping
COST = 1400  # 2 T-shirts at 7.00; the cap's cost is not known
MARGIN = TOTAL - COST

PEOPLE = {
    "aino": ("Aino Virtanen", "aino@example.fi", "040 123 4567", "Mannerheimintie 12", "00100"),
    "eero": ("Eero Korhonen", "eero@example.fi", "050 765 4321", "Hämeenkatu 5", "33100"),
    "liisa": ("Liisa Mäkinen", "liisa@example.fi", "044 222 3333", "Aurakatu 8", "20100"),
    "mikko": ("Mikko Nieminen", "mikko@example.fi", "045 111 2222", "Kauppakatu 3", "90100"),
    "pekka": ("Pekka Laine", "pekka@example.fi", "046 999 8888", "Rautatienkatu 1", "15110"),
}


def _order(
    client: TestClient,
    key: str,
    who: str,
    external_id: str,
    placed: str,
    *,
    currency: str = "EUR",
    **customer: str,
) -> dict[str, Any]:
    name, email, phone, street, postcode = PEOPLE[who]
    at = datetime.fromisoformat(placed)
    payload = order_payload(
        external_id, placed_at=at.isoformat(), updated_at=(at + timedelta(minutes=1)).isoformat(),
        currency=currency,
    )  # fmt: skip
    payload["customer"] = {"name": name, "email": email, "phone": phone, **customer}
    payload["shipping_address"] = {
        "name": name, "line1": street, "city": "Helsinki", "postcode": postcode, "country": "fi",
    }  # fmt: skip
    answer = client.post("/api/v1/orders", json=payload, headers=auth(key))
    assert answer.status_code == 201, answer.text
    return order_json(client, key, answer.json()["id"])


def _ship(client: TestClient, key: str, external_id: str, status: str, at: str) -> None:
    shipment = {
        "external_id": f"S-{external_id}", "order_external_id": external_id, "carrier": "Posti",
        "events": [{"status": status, "occurred_at": at}],
    }  # fmt: skip
    answer = client.post("/api/v1/shipments", json=shipment, headers=auth(key))
    assert answer.status_code == 201, answer.text


def _post(client: TestClient, key: str, path: str, body: dict[str, Any]) -> None:
    answer = client.post(f"/api/v1/{path}", json=body, headers=auth(key))
    assert answer.status_code == 201, answer.text


def _refund(client: TestClient, key: str, external_id: str, amount: int) -> None:
    _post(client, key, "refunds", {
        "external_id": f"RF-{external_id}", "order_external_id": external_id, "amount": amount,
        "currency": "EUR", "refunded_at": "2026-03-20T10:00:00Z",
    })  # fmt: skip


def _bought(client: TestClient, key: str, who: str, external_id: str, placed: str, **c: str) -> str:
    """A cash-on-delivery order, delivered (so paid) two days later; its customer id."""
    order = _order(client, key, who, external_id, placed, **c)
    delivered = datetime.fromisoformat(placed) + timedelta(days=2)
    _ship(client, key, external_id, "delivered", delivered.isoformat())
    return str(order["customer_id"])


def _small_shop(client: TestClient, key: str) -> dict[str, str]:
    """Five persons; the customer id of each (Aino has two customer records)."""
    ids = {"aino": _bought(client, key, "aino", "A1", "2026-01-05T09:00:00+00:00")}
    _bought(client, key, "aino", "A2", "2026-01-05T18:00:00+00:00")  # same day: one purchase
    ids["aino-2"] = _bought(
        client, key, "aino", "A3", "2026-02-04T12:00:00+00:00", email="aino.new@example.com"
    )
    _bought(client, key, "aino", "A4", "2026-03-06T12:00:00+00:00")
    ids["eero"] = _bought(client, key, "eero", "E1", "2026-02-10T12:00:00+00:00")
    _order(client, key, "eero", "E2", "2026-03-25T12:00:00+00:00")  # on its way: not yet
    _bought(client, key, "eero", "E9", "2026-03-10T12:00:00+00:00", currency="USD")  # not EUR
    ids["liisa"] = _bought(client, key, "liisa", "L1", "2026-01-20T12:00:00+00:00")
    _bought(client, key, "liisa", "L2", "2026-02-20T12:00:00+00:00")
    _refund(client, key, "L1", TOTAL)  # refunded in full, the goods kept: she costs money
    _refund(client, key, "L2", TOTAL)
    ids["mikko"] = _bought(client, key, "mikko", "M1", "2026-01-25T12:00:00+00:00")
    _post(client, key, "returns", {
        "external_id": "R-M1", "order_external_id": "M1", "status": "received", "reason": "size",
        "requested_at": "2026-02-01T10:00:00Z", "lines": [{"sku": "TEE-M-BLK", "quantity": 2}],
    })  # fmt: skip
    _refund(client, key, "M1", 3980)  # the T-shirts came back to the shelf: no cost for them
    ids["pekka"] = str(
        _order(client, key, "pekka", "P1", "2026-03-01T12:00:00+00:00")["customer_id"]
    )
    _ship(client, key, "P1", "refused", "2026-03-03T08:00:00+00:00")
    return ids


def _fit(services: Services, shop_id: Any, now: datetime = NOW, months: int = 12) -> FitReport:
    with transaction(services.sessions) as session:
        return fit_shop_values(session, shop_id, now, months)


def _rows(services: Services, shop_id: Any) -> dict[str, CustomerValue]:
    with services.sessions() as session:
        found = session.scalars(select(CustomerValue).where(CustomerValue.shop_id == shop_id))
        return {str(row.person_id): row for row in found}


def _person(client: TestClient, key: str, customer_id: str) -> dict[str, Any]:
    answer = client.get(f"/api/v1/customers/{customer_id}", headers=auth(key))
    assert answer.status_code == 200, answer.text
    view: dict[str, Any] = answer.json()
    return view


def test_history_per_person_is_computed_from_purchases_and_their_net_margin(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    ids = _small_shop(client, key)
    with services.sessions() as session:
        totals = select(func.min(Order.total), func.max(Order.total))
        assert session.execute(totals).one() == (TOTAL, TOTAL)

    report = _fit(services, shop_id)

    rows = _rows(services, shop_id)
    person = {who: _person(client, key, ids[who])["person_id"] for who in ids}
    assert person["aino"] == person["aino-2"]  # two customer records, one person, one row
    assert len(rows) == 5 == report.persons
    got = {
        who: (r.orders, r.frequency, r.recency_days, r.age_days, r.historical_value)
        for who, r in ((who, rows[person[who]]) for who in PEOPLE)
    }
    assert got == {
        "aino": (4, 2, 60, 86, 4 * MARGIN),  # 5 Jan (twice), 4 Feb, 6 Mar
        "eero": (1, 0, 0, 50, MARGIN),  # not the order on its way, nor the one in dollars
        "liisa": (2, 1, 31, 71, 2 * -COST),  # net-negative: refunded in full, goods kept
        "mikko": (1, 0, 0, 66, TOTAL - 3980),  # returned goods cost nothing
        "pekka": (0, 0, 0, 0, 0),  # refused at the door: no purchase
    }
    assert rows[person["liisa"]].expected_spend_per_purchase == -COST
    assert (report.orders, report.purchases, report.customers, report.repeat) == (11, 8, 4, 2)
    pekka = rows[person["pekka"]]
    assert (pekka.expected_purchases, pekka.predicted_value) == (0.0, 0)  # not a customer yet


def test_too_few_repeat_customers_fall_back_to_rfm_tiers_and_say_why(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    _small_shop(client, key)

    report = _fit(services, shop_id)

    reason = "fallback to RFM tiers: too few repeat customers with positive spend: 1 < 10"
    assert (report.method.value, report.reason, report.parameters) == ("rfm-tier", reason, {})
    rows = _rows(services, shop_id).values()
    assert sorted({(r.method.value, r.reason, r.probability_alive) for r in rows}) == [
        ("rfm-tier", reason, None),
        ("rfm-tier", NO_PURCHASE.format(currency="EUR"), None),  # Pekka: parcel refused
    ]
    assert {(r.currency, r.horizon_months, r.fitted_at) for r in rows} == {("EUR", 12, NOW)}


def test_a_refit_replaces_the_shops_rows_and_leaves_other_shops_alone(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    ids = _small_shop(client, key)
    other_id, other_key = make_shop(services, "toinen")
    _bought(client, other_key, "aino", "X1", "2026-02-01T12:00:00+00:00")
    _fit(services, shop_id)
    _fit(services, other_id)
    _bought(client, key, "eero", "E3", "2026-03-28T12:00:00+00:00")

    later = NOW + timedelta(days=1)
    _fit(services, shop_id, later, months=6)

    rows = _rows(services, shop_id)
    eero = rows[_person(client, key, ids["eero"])["person_id"]]
    assert len(rows) == 5
    assert (eero.orders, eero.frequency, eero.recency_days, eero.age_days) == (2, 1, 46, 51)
    assert {(r.horizon_months, r.fitted_at) for r in rows.values()} == {(6, later)}
    assert [r.fitted_at for r in _rows(services, other_id).values()] == [NOW]
    with services.sessions() as session:
        fits = select(func.count()).where(AuditEvent.action == "customer_values.fitted")
        assert session.scalar(fits) == 3


def test_purchase_days_are_the_shops_days(client: TestClient, services: Services) -> None:
    shop_id, key = make_shop(services, timezone="Europe/Helsinki")  # UTC+3 on 1 April
    _bought(client, key, "aino", "A1", "2026-01-05T23:30:00+00:00")  # 02:30 on 6 Jan there
    _bought(client, key, "aino", "A2", "2026-01-06T00:30:00+00:00")  # 03:30: the same day

    _fit(services, shop_id)

    [row] = _rows(services, shop_id).values()
    assert (row.orders, row.frequency, row.age_days) == (2, 0, 85)  # 6 Jan to 1 Apr


def test_the_customer_view_shows_the_stored_value_once_fitted(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    ids = _small_shop(client, key)
    assert _person(client, key, ids["aino-2"])["value"] is None

    _fit(services, shop_id)

    value = _person(client, key, ids["aino-2"])["value"]
    assert (value["orders"], value["historical_value"], value["method"]) == (
        4, 4 * MARGIN, "rfm-tier"
    )  # fmt: skip
    assert value["fitted_at"] == "2026-04-01T00:00:00Z"


def test_the_command_fits_and_lists_the_top_customers(
    client: TestClient,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, key = make_shop(services)
    _small_shop(client, key)
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", services.settings.database_url)
    capsys.readouterr()

    assert run(["customers", "value", "--shop", "kauppa", "--months", "6"]) == 0

    out = capsys.readouterr().out
    assert "rfm-tier" in out
    assert "5 persons, 4 who bought (2 repeat); 8 purchases in 11 orders; 6 months ahead" in out
    assert "top 10" in out
    assert run(["customers", "value", "--shop", "missing"]) == 2


def _synthetic_shop(services: Services, people: int, seed: int) -> Any:
    """Persons buying as a BG/NBD process would (delivered, paid), inserted directly."""
    shop_id, _ = make_shop(services)
    rng = np.random.default_rng(seed)
    rows: list[Any] = []
    for n in range(people):
        customer = Customer(
            id=new_id(), shop_id=shop_id, key=f"c{n}", name=None, created_at=NOW, updated_at=NOW
        )
        rows.append(customer)
        age, rate, drop = rng.uniform(1, 360), rng.gamma(0.8, 1 / 20), rng.beta(2, 5)
        since_first = [0.0]
        while rng.random() > drop and since_first[-1] < age:
            since_first.append(since_first[-1] + rng.exponential(1 / rate))
        for i, day in enumerate(d for d in since_first if d < age):
            at, total = NOW - timedelta(days=age - day), int(rng.gamma(4, 1500))
            rows.append(_paid_order(shop_id, customer.id, f"{n}-{i}", at, total))
    with transaction(services.sessions) as session:
        session.add_all(rows)
    return shop_id


def _paid_order(shop_id: Any, customer_id: Any, number: str, at: datetime, total: int) -> Order:
    return Order(
        shop_id=shop_id, source="api", external_id=number, number=number,
        customer_id=customer_id, status=OrderStatus.DELIVERED,
        payment_method=PaymentMethod.CARD, payment_status=PaymentStatus.PAID, currency="EUR",
        subtotal=total, shipping=0, tax=0, discount=0, total=total, placed_at=at,
        source_updated_at=at, created_at=at, updated_at=at, raw={},
    )  # fmt: skip


def test_a_shop_with_enough_repeat_customers_gets_both_models_fitted(
    services: Services,
) -> None:
    shop_id = _synthetic_shop(services, people=300, seed=11)

    report = _fit(services, shop_id)

    assert (report.method.value, report.persons) == ("bgnbd+gamma-gamma", 300), report.reason
    assert sorted(report.parameters) == ["a", "alpha", "b", "p", "q", "r", "v"]
    rows = list(_rows(services, shop_id).values())
    assert {(r.method.value, r.reason) for r in rows} == {("bgnbd+gamma-gamma", "")}
    alive = [(r.frequency, r.probability_alive) for r in rows]
    assert min(r.expected_purchases for r in rows) > 0
    assert min(r.predicted_value for r in rows) >= 0
    # BG/NBD: nobody drops out before a repeat purchase; repeat buyers who went quiet may have
    assert {p for x, p in alive if x == 0} == {1.0}
    assert 0.0 < min(p for x, p in alive if x > 0 and p is not None) < 0.5
    assert all(p is not None and p <= 1.0 for _, p in alive)
    assert max(rows, key=lambda r: r.expected_purchases).frequency > 0
    with services.sessions() as session:
        assert session.scalar(select(func.sum(Order.total))) == sum(
            r.historical_value for r in rows
        )
        top = top_values(session, shop_id, 10)
    assert [r.predicted_value for r in top] == sorted(
        (r.predicted_value for r in rows), reverse=True
    )[:10]
