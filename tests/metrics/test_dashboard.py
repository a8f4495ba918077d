"""The first page: sign-in, the shop's figures, the chart."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.metrics.service import shop_overview
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def _history(client: TestClient, key: str) -> None:
    """Four orders in March (3 COD: delivered, refused, pending; 1 card delivered and
    returned) and one COD order in April, returned to origin."""
    orders: list[tuple[str, str, str, dict[str, Any]]] = [
        ("1", "2026-03-02T10:00:00Z", "cod", {"status": "delivered"}),
        ("2", "2026-03-03T10:00:00Z", "cod", {"status": "refused"}),
        ("3", "2026-03-04T10:00:00Z", "cod", {}),
        ("4", "2026-03-05T10:00:00Z", "card", {"status": "delivered"}),
        ("5", "2026-04-01T10:00:00Z", "cod", {"status": "returned_to_origin"}),
    ]
    for ext, placed, method, extra in orders:
        body = order_payload(
            ext,
            placed_at=placed,
            updated_at=placed,
            payment_method=method,
            customer={"name": f"C{ext}", "email": f"c{ext}@example.fi"},
            **extra,
        )
        assert client.post("/api/v1/orders", json=body, headers=auth(key)).status_code == 201
    ret = {
        "external_id": "R-4",
        "order_external_id": "4",
        "reason": "size",
        "requested_at": "2026-03-09T10:00:00Z",
        "lines": [{"sku": "CAP-01", "quantity": 1}],
    }
    assert client.post("/api/v1/returns", json=ret, headers=auth(key)).status_code == 201


def test_overview_counts_orders_outcomes_and_months(client: TestClient, services: Services) -> None:
    shop_id, key = make_shop(services)
    _history(client, key)

    with services.sessions() as session:
        overview = shop_overview(session, shop_id)

    assert (overview.orders, overview.customers, overview.cod_orders) == (5, 5, 4)
    assert [m.month for m in overview.months] == ["2026-03", "2026-04"]
    march, april = overview.months
    assert (march.orders, march.cod_orders, march.cod_finished, march.refused) == (4, 3, 2, 1)
    assert (march.delivered, march.returned) == (2, 1)
    assert (april.cod_finished, april.refused) == (1, 1)
    assert overview.refusal_rate == 2 / 3
    assert overview.return_rate == 1 / 2


def test_pages_need_sign_in(client: TestClient, services: Services) -> None:
    make_shop(services)

    response = client.get("/", follow_redirects=False)

    assert (response.status_code, response.headers["location"]) == (303, "/login")


def test_wrong_key_shows_the_reason(client: TestClient, services: Services) -> None:
    make_shop(services)

    response = client.post("/login", data={"api_key": "gb_nope_nope"})

    assert response.status_code == 401
    assert "unknown API key" in response.text


def test_signed_in_staff_sees_figures_and_chart(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    _history(client, key)

    signed_in = client.post("/login", data={"api_key": key}, follow_redirects=False)
    page = client.get("/")

    assert signed_in.status_code == 303
    assert "httponly" in signed_in.headers["set-cookie"].lower()
    assert page.status_code == 200
    assert "<svg" in page.text
    assert "Kauppa: orders and outcomes by month" in page.text
    assert "66.7%" in page.text  # refused or returned to origin
    assert '<tr><th scope="row">2026-04</th><td>1</td>' in page.text


def test_a_tampered_cookie_is_not_a_session(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    client.post("/login", data={"api_key": key}, follow_redirects=False)
    token = client.cookies.get("gb_staff")
    assert token is not None
    client.cookies.clear()
    client.cookies.set("gb_staff", token[:-3] + "AAA")

    response = client.get("/", follow_redirects=False)

    assert response.status_code == 303


def test_revenue_is_kept_per_currency_and_skips_cancelled(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    for ext, currency, status in (
        ("1", "EUR", "placed"),
        ("2", "HUF", "delivered"),
        ("3", "EUR", "cancelled"),
    ):
        body = order_payload(ext, currency=currency, status=status)
        client.post("/api/v1/orders", json=body, headers=auth(key))

    with services.sessions() as session:
        overview = shop_overview(session, shop_id)

    assert overview.revenue == {"EUR": 5970, "HUF": 5970}
