"""An agent works the call queue in a real browser: takes the next order three times,
nobody answers, and the order lands in the ghost box."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from goodbuyer.clock import FixedClock
from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.web.deps import Services
from tests.confirmations.call_queue_data import queued_call, sent_message
from tests.factories import make_shop


def test_three_unanswered_calls_land_the_order_in_the_ghost_box(
    live_url: str, browser: Browser, client: TestClient, services: Services, clock: FixedClock,
    tmp_path: Path,
) -> None:  # fmt: skip
    _, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    sent_message(services, confirmation_id, OutboundChannel.SMS, cost=8)
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{live_url}/login")
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", level=1).wait_for()

    for attempt in range(3):
        page.goto(f"{live_url}/calls")
        page.get_by_role("button", name="Take next").click()
        page.get_by_role("heading", name="Your call: order #1000").wait_for()
        assert page.get_by_role("link", name="+358405550000").is_visible()
        if attempt == 0:
            assert page.get_by_text("Please confirm your order (sms)").is_visible()
            page.screenshot(path=str(tmp_path / "call.png"), full_page=True)
        page.get_by_label("Note").fill(f"attempt {attempt + 1}: rang out")
        page.get_by_role("button", name="No answer").click()
        page.get_by_role("heading", name="Call queue", level=1).wait_for()
        assert page.get_by_text("Nobody is due for a call.").is_visible()
        clock.advance(timedelta(minutes=120))

    page.get_by_role("link", name="Ghost box").click()
    page.get_by_role("heading", name="Ghost box", level=1).wait_for()
    row = page.get_by_role("row").filter(has_text="#1000")
    assert row.get_by_role("cell").all_inner_texts() == [
        "Aino Virtanen", "+358•••••••00", "59.70 EUR", "3", "2026-03-02 13:30",
    ]  # fmt: skip
    page.screenshot(path=str(tmp_path / "ghost-box.png"), full_page=True)
    assert (tmp_path / "call.png").stat().st_size > 10_000
    page.close()
