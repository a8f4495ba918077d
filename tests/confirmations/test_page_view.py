"""What the page shows, computed without a database: money and dates per language, the
masked address and phone, the delivery estimate and the edit window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from goodbuyer.confirmations.page_texts import texts_for
from goodbuyer.confirmations.page_view import (
    can_edit,
    delivery_estimate,
    local_date,
    masked_name,
    masked_phone,
    masked_street,
    money,
    page_view,
)

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "minor", "currency", "shown"),
    [("en", 123456, "EUR", "€1,234.56"), ("fi", 123456, "EUR", "1\u00a0234,56\u00a0€"),
     ("de", 123456, "EUR", "1.234,56\u00a0€"), ("nl", 990, "EUR", "€\u00a09,90"),
     ("hu", 1250000, "HUF", "12\u00a0500,00\u00a0Ft"), ("he", 5000, "ILS", "50.00\u00a0₪"),
     ("en", 1500, "JPY", "¥1,500"), ("ar", 12345, "SAR", "123.45\u00a0SAR"),
     ("tr", -500, "TRY", "-₺5,00")],
    ids=["en", "fi", "de", "nl", "hu-huf", "he-ils", "yen-no-decimals", "ar-code", "negative"],
)  # fmt: skip
def test_money_in_the_customers_language(
    language: str, minor: int, currency: str, shown: str
) -> None:
    assert money(minor, currency, texts_for(language)) == shown


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "2 March 2026"), ("fi", "2. maaliskuuta 2026"), ("hu", "2026. március 2."),
     ("es", "2 de marzo de 2026"), ("he", "2 במרץ 2026"), ("pl", "2 marca 2026")],
)  # fmt: skip
def test_dates_in_the_customers_language(language: str, shown: str) -> None:
    assert local_date(NOW, "Europe/Helsinki", texts_for(language)) == shown


def test_a_date_is_the_customers_own_day() -> None:
    late = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)

    assert local_date(late, "Europe/Helsinki", texts_for("en")) == "3 March 2026"
    assert local_date(late, "Not/AZone", texts_for("en")) == "2 March 2026"


def test_the_address_and_phone_are_partly_masked() -> None:
    assert masked_street("Mannerheimintie 12 B 7") == "Mannerheimintie •• B •"
    assert masked_name("Aino Maria Virtanen") == "Aino V."
    assert masked_name("Madonna") == "Madonna"
    assert masked_phone("+358401234567") == "+358 ••••••• 67"
    assert masked_phone(None) == ""


def test_the_estimate_prefers_the_promised_date_then_the_shops_range_then_says_unknown() -> None:
    en = texts_for("en")
    promised = NOW + timedelta(days=3)

    assert delivery_estimate(promised, (2, 4), NOW, "UTC", en) == "Expected by 5 March 2026."
    assert (delivery_estimate(None, (2, 4), NOW, "UTC", en)
            == "Expected between 4 March 2026 and 6 March 2026.")  # fmt: skip
    assert delivery_estimate(None, (3, 3), NOW, "UTC", en) == "Expected by 5 March 2026."
    assert delivery_estimate(None, None, NOW, "UTC", en) == en["delivery_unknown"]


def test_the_edit_window_runs_from_the_order_placed() -> None:
    placed = NOW - timedelta(minutes=59)

    assert can_edit(placed, 60, NOW)
    assert not can_edit(placed, 59, NOW)
    assert not can_edit(placed, 0, NOW)


def _order(**changes: object) -> SimpleNamespace:
    line = SimpleNamespace(product="T-shirt", size="M", colour=None, quantity=2, unit_price=1990)
    order = {
        "number": "#7", "currency": "EUR", "placed_at": NOW - timedelta(minutes=10),
        "lines": [line], "subtotal": 3980, "shipping": 490, "tax": 800, "discount": 300,
        "total": 4970, "payment_method": "cod", "ship_name": "Aino Virtanen",
        "customer_name": None, "ship_line1": "Kauppakatu 3", "ship_line2": None,
        "ship_postcode": "00100", "ship_city": "Helsinki", "ship_region": None,
        "ship_country": "FI",
    }  # fmt: skip
    return SimpleNamespace(**(order | changes))


def test_the_view_has_every_price_line_and_the_final_total() -> None:
    view = page_view(_order(), "Kauppa", texts_for("en"), zone="Europe/Helsinki",
                     phone="+358401234567", promised_at=None, days=None, slots=["9-12"],
                     edit_window_minutes=60, now=NOW)  # fmt: skip

    assert [(v.product, v.variant, v.quantity, v.price) for v in view.lines] == [
        ("T-shirt", "Size: M", 2, "€39.80")]  # fmt: skip
    assert [(r.label, r.amount, r.final) for r in view.totals] == [
        ("Products", "€39.80", False), ("Shipping", "€4.90", False), ("Taxes", "€8.00", False),
        ("Discount", "-€3.00", False), ("Total to pay on delivery", "€49.70", True)]  # fmt: skip
    assert view.address == ["Aino V.", "Kauppakatu •", "00100 Helsinki", "FI"]
    assert view.edit_until == "2 March 2026, 12:20"
    assert view.cash_on_delivery


def test_a_prepaid_order_is_not_said_to_be_paid_at_the_door() -> None:
    view = page_view(_order(payment_method="card", discount=0), "Kauppa", texts_for("en"),
                     zone="UTC", phone=None, promised_at=None, days=None, slots=[],
                     edit_window_minutes=5, now=NOW)  # fmt: skip

    assert [r.label for r in view.totals] == ["Products", "Shipping", "Taxes", "Total"]
    assert view.edit_until is None
    assert not view.cash_on_delivery
