"""A person signs in and sees the shop's numbers and chart, in a real browser."""

from __future__ import annotations

from pathlib import Path

import httpx
from playwright.sync_api import Browser

from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload


def test_sign_in_and_see_the_chart(
    live_url: str, browser: Browser, services: Services, tmp_path: Path
) -> None:
    _, key = make_shop(services)
    for i in range(3):
        placed = f"2026-0{i + 1}-10T10:00:00Z"
        body = order_payload(str(i), placed_at=placed, updated_at=placed, status="delivered")
        assert (
            httpx.post(f"{live_url}/api/v1/orders", json=body, headers=auth(key)).status_code == 201
        )
    page = browser.new_page(viewport={"width": 1200, "height": 900})

    page.goto(live_url)
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("heading", name="Kauppa", level=1).wait_for()
    assert page.get_by_role("img", name="Kauppa: orders and outcomes by month").is_visible()
    assert page.locator("dl.figures dd").first.inner_text() == "3"
    assert page.locator("svg.chart rect.bar").count() == 4
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000
    page.close()


def test_api_documentation_renders_without_a_network(live_url: str, browser: Browser) -> None:
    page = browser.new_page()

    page.goto(f"{live_url}/docs")

    page.get_by_role("heading", name="goodbuyer").first.wait_for(timeout=15_000)
    assert page.get_by_text("/api/v1/orders").first.is_visible()
    page.close()
