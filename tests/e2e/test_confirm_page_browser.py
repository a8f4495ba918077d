"""A customer answers the confirmation page in a real browser, with the keyboard alone, on
a phone-sized screen, in Hungarian (left to right) and Hebrew (right to left).

GOODBUYER_SCREENSHOTS=docs/images writes confirm-ltr.png and confirm-rtl.png there (the
committed screenshots); otherwise they go to a temporary directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Locator, Page

from goodbuyer.confirmations.page_texts import texts_for
from goodbuyer.web.deps import Services
from tests.confirmations.page_orders import confirmation_row, held_order, use_policy

# Relative luminance contrast of an element's text against its own or its parents' background.
_CONTRAST = """(el) => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = el, back = 'rgba(0, 0, 0, 0)';
  while (bg && (back = getComputedStyle(bg).backgroundColor) === 'rgba(0, 0, 0, 0)')
    bg = bg.parentElement;
  const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(back))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""

_PHONE_ORDER = """() => {
  const text = document.querySelector("address bdi[dir=ltr]").firstChild;
  const r = document.createRange();
  const x = (i) => { r.setStart(text, i); r.setEnd(text, i + 1);
    return r.getBoundingClientRect().x; };
  return x(0) < x(text.length - 1);
}"""


@pytest.mark.parametrize(("language", "direction"), [("hu", "ltr"), ("he", "rtl")])
def test_answer_the_page_with_the_keyboard_on_a_phone(
    live_url: str, browser: Browser, client: TestClient, services: Services, tmp_path: Path,
    language: str, direction: str,
) -> None:  # fmt: skip
    held = held_order(client, services, language=language)
    slots = 'delivery_slots: ["09:00-12:00", "12:00-17:00"]\n  delivery_days: [2, 4]'
    use_policy(client, services, held, "delivery_slots: []", slots)
    t = texts_for(language)
    page = browser.new_page(viewport={"width": 360, "height": 740})

    page.goto(live_url + held.url)

    assert page.locator("html").get_attribute("dir") == direction
    _check_landmarks_and_labels(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate(_PHONE_ORDER) is True  # "+358 ••• 67" reads left to right even in RTL
    confirm = page.get_by_role("button", name=t["confirm_button"])
    cancel = page.get_by_role("button", name=t["cancel_button"])
    _check_equal_and_readable(confirm, cancel, direction)
    _screenshot(page, direction, tmp_path)
    _tab_to(page, t["confirm_button"])
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")

    page.get_by_role("heading", level=1, name=t["confirmed_title"]).wait_for()
    assert confirmation_row(services, held).status == "confirmed"
    page.close()


def _check_landmarks_and_labels(page: Page) -> None:
    for role in ("banner", "main", "contentinfo"):
        assert page.get_by_role(role).count() == 1, role
    assert page.get_by_role("heading", level=1).count() == 1
    texts = texts_for(page.locator("html").get_attribute("lang") or "en")
    assert page.get_by_label(texts["cancel_reason_label"]).is_visible()
    assert page.get_by_label(texts["language_label"]).is_visible()
    assert page.get_by_role("radio", name=texts["slot_none"]).is_visible()
    assert page.get_by_role("radio").evaluate_all("rs => rs.filter(r => r.checked).length") == 0
    assert page.get_by_role("table").count() == 1


def _check_equal_and_readable(confirm: Locator, cancel: Locator, direction: str) -> None:
    one, other = confirm.bounding_box(), cancel.bounding_box()
    assert one is not None
    assert other is not None
    assert (one["width"], one["height"]) == (other["width"], other["height"])
    assert one["height"] >= 44
    assert one["y"] < other["y"]  # on a narrow phone, one above the other: Confirm first
    page = confirm.page
    page.set_viewport_size({"width": 480, "height": 740})
    one, other = confirm.bounding_box(), cancel.bounding_box()
    assert one is not None
    assert other is not None
    assert one["y"] == other["y"]  # side by side when there is room ...
    assert (one["x"] > other["x"]) == (direction == "rtl")  # ... mirrored for right to left
    assert (one["width"], one["height"]) == (other["width"], other["height"])
    page.set_viewport_size({"width": 360, "height": 740})
    for button in (confirm, cancel):
        assert button.evaluate("b => getComputedStyle(b).fontWeight") == "700"
        assert button.evaluate(_CONTRAST) >= 4.5
    for selector in ("p.c-hint", "span.c-variant", "p.c-lead", "footer p"):
        assert page.locator(selector).first.evaluate(_CONTRAST) >= 4.5, selector


def _tab_to(page: Page, name: str) -> None:
    """Press Tab until the button named `name` has the focus (the keyboard alone)."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"{name!r} cannot be reached with Tab")


def _screenshot(page: Page, direction: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("GOODBUYER_SCREENSHOTS", tmp_path))
    page.set_viewport_size({"width": 390, "height": 844})
    path = folder / f"confirm-{direction}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    page.set_viewport_size({"width": 360, "height": 740})
