"""An agent works the support inbox in a real browser: filters by a flag, opens the Arabic
ticket, finds its drafted reply right to left and copies it (under the pages' CSP).

GOODBUYER_SCREENSHOTS=docs/images writes inbox.png and ticket-rtl.png there (the committed
screenshots, 1280 px wide); otherwise they go to a temporary directory."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi.testclient import TestClient
from playwright.sync_api import Browser, ConsoleMessage, Page

from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.support.pages.inbox_data import ARABIC_REPLY, seed_inbox

WIDTH = 1280


def test_filter_by_flag_open_the_arabic_ticket_and_copy_its_rtl_draft(
    live_url: str, browser: Browser, client: TestClient, services: Services, tmp_path: Path
) -> None:
    shop_id, key = make_shop(services)
    seed_inbox(client, key, services, shop_id)
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_url)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: _keep(console, message))
    page.goto(f"{live_url}/login")
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", level=1).wait_for()

    page.get_by_role("link", name="Inbox").click()
    page.get_by_role("heading", name="Inbox", level=1).wait_for()
    assert page.get_by_role("table").get_by_role("row").count() == 1 + 7
    _screenshot(page, "inbox.png", tmp_path)
    page.get_by_label("Flag", exact=True).select_option("threat_legal")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/inbox?*flag=threat_legal*")
    rows = page.get_by_role("table").get_by_role("row")
    assert rows.count() == 1 + 1
    assert "Legal threat" in rows.nth(1).inner_text()

    rows.nth(1).get_by_role("link").click()
    page.get_by_role("heading", name="Conversation").wait_for()
    draft = page.get_by_label("Reply in Arabic")
    assert draft.get_attribute("dir") == "rtl"
    assert draft.evaluate("(el) => getComputedStyle(el).direction") == "rtl"
    assert draft.evaluate("(el) => el.readOnly") is True
    assert draft.input_value() == ARABIC_REPLY
    body = page.locator(".message-body").first
    assert body.evaluate("(el) => getComputedStyle(el).direction") == "rtl"
    page.get_by_role("button", name="Copy").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == ARABIC_REPLY
    _screenshot(page, "ticket-rtl.png", tmp_path)
    assert console == []  # no script or style refused by the Content-Security-Policy
    context.close()


def _keep(console: list[str], message: ConsoleMessage) -> None:
    favicon = message.location.get("url", "").endswith("/favicon.ico")  # the browser's own ask
    if message.type in ("error", "warning") and not favicon:
        console.append(message.text)


def _screenshot(page: Page, name: str, tmp_path: Path) -> None:
    path = Path(os.environ.get("GOODBUYER_SCREENSHOTS", tmp_path)) / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
