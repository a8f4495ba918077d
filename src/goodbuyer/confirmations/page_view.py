"""What the confirmation page shows of an order, in the customer's language: lines, the
final price with shipping and taxes, the partly masked address and the delivery estimate.
Pure: plain values in, strings out (no database, no web framework)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from goodbuyer.confirmations.page_texts import PageTexts
from goodbuyer.money import exponent

_SYMBOLS = {
    "EUR": "€", "USD": "$", "GBP": "£", "HUF": "Ft", "CZK": "Kč", "PLN": "zł", "ILS": "₪",
    "TRY": "₺", "INR": "₹", "JPY": "¥", "SEK": "kr", "NOK": "kr", "DKK": "kr",
}  # fmt: skip
_DIGIT = re.compile(r"\d")
_MASK = "•"


@dataclass(frozen=True)
class LineView:
    product: str
    variant: str  # "Size: M · Colour: black", or ""
    quantity: int
    price: str  # the line's price (unit price x quantity), formatted


@dataclass(frozen=True)
class TotalRow:
    label: str
    amount: str
    final: bool = False  # the amount to pay on delivery


@dataclass(frozen=True)
class PageView:
    shop: str
    number: str
    lines: list[LineView]
    totals: list[TotalRow]
    address: list[str]  # the delivery address, house numbers masked
    phone: str  # the number the messages go to, mostly masked
    estimate: str
    slots: list[str]  # preferred delivery times offered (R3.7); empty: not asked
    edit_until: str | None  # None: the phone and address can no longer be changed here
    cash_on_delivery: bool  # the total is paid at the door (else it was paid up front)


def money(minor: int, currency: str, texts: PageTexts) -> str:
    """12345 EUR -> "123,45 €" in fi, "€123.45" in en (by hand: no babel here)."""
    places = exponent(currency)
    sign = "-" if minor < 0 else ""
    whole, fraction = divmod(abs(minor), 10**places)
    amount = f"{whole:,}".replace(",", texts["group"])
    if places:
        amount += texts["decimal"] + f"{fraction:0{places}d}"
    symbol = _SYMBOLS.get(currency, currency)
    return sign + texts["money"].format(amount=amount, symbol=symbol)


def local_date(at: datetime, zone: str, texts: PageTexts) -> str:
    day = at.astimezone(_zone(zone))
    return texts["date"].format(day=day.day, month=texts.months[day.month - 1], year=day.year)


def local_time(at: datetime, zone: str, texts: PageTexts) -> str:
    return f"{local_date(at, zone, texts)}, {at.astimezone(_zone(zone)):%H:%M}"


def edit_deadline(placed_at: datetime, window_minutes: int) -> datetime | None:
    """Until when the customer may change the phone or address (None: never)."""
    return placed_at + timedelta(minutes=window_minutes) if window_minutes > 0 else None


def can_edit(placed_at: datetime, window_minutes: int, now: datetime) -> bool:
    deadline = edit_deadline(placed_at, window_minutes)
    return deadline is not None and now < deadline


def delivery_estimate(
    promised_at: datetime | None, days: tuple[int, int] | None, now: datetime, zone: str,
    texts: PageTexts,
) -> str:  # fmt: skip
    """The carrier's promised date, else the shop's usual range from today, else plainly
    unknown."""
    if promised_at is not None:
        return texts.fill("delivery_promised", date=local_date(promised_at, zone, texts))
    if days is not None:
        start, end = (local_date(now + timedelta(days=d), zone, texts) for d in days)
        if start == end:
            return texts.fill("delivery_promised", date=end)
        return texts.fill("delivery_range", start=start, end=end)
    return texts["delivery_unknown"]


def masked_street(text: str | None) -> str:
    """ "Mannerheimintie 12 B 7" -> "Mannerheimintie •• B •": the customer knows the
    street; someone the link was forwarded to does not learn the door."""
    return _DIGIT.sub(_MASK, text or "")


def masked_name(name: str | None) -> str:
    parts = (name or "").split()
    if len(parts) < 2:
        return parts[0] if parts else ""
    return f"{parts[0]} {parts[-1][0]}."


def masked_phone(phone: str | None) -> str:
    """ "+358401234567" -> "+358 ••••••• 67"."""
    if not phone:
        return ""
    digits = phone.lstrip("+")
    return f"+{digits[:3]} {_MASK * max(len(digits) - 5, 0)} {digits[-2:]}"


def page_view(
    order: Any, shop: str, texts: PageTexts, *, zone: str, phone: str | None,
    promised_at: datetime | None, days: tuple[int, int] | None, slots: list[str],
    edit_window_minutes: int, now: datetime,
) -> PageView:  # fmt: skip
    """The page's content for an order (an `Order` or any object with its attributes)."""
    currency = order.currency
    deadline = edit_deadline(order.placed_at, edit_window_minutes)
    return PageView(
        shop=shop, number=order.number,
        lines=[_line(line, currency, texts) for line in order.lines],
        totals=_totals(order, texts), address=_address(order), phone=masked_phone(phone),
        estimate=delivery_estimate(promised_at, days, now, zone, texts), slots=list(slots),
        edit_until=local_time(deadline, zone, texts) if deadline and now < deadline else None,
        cash_on_delivery=_cash_on_delivery(order),
    )  # fmt: skip


def _line(line: Any, currency: str, texts: PageTexts) -> LineView:
    variant = " · ".join(
        f"{texts[label]}: {value}"
        for label, value in (("size", line.size), ("colour", line.colour))
        if value
    )
    price = money(line.unit_price * line.quantity, currency, texts)
    return LineView(line.product, variant, line.quantity, price)


def _totals(order: Any, texts: PageTexts) -> list[TotalRow]:
    c = order.currency
    rows = [TotalRow(texts["subtotal"], money(order.subtotal, c, texts)),
            TotalRow(texts["shipping"], money(order.shipping, c, texts)),
            TotalRow(texts["tax"], money(order.tax, c, texts))]  # fmt: skip
    if order.discount:
        rows.append(TotalRow(texts["discount"], money(-abs(order.discount), c, texts)))
    label = texts["total_cod"] if _cash_on_delivery(order) else texts["total"]
    rows.append(TotalRow(label, money(order.total, c, texts), final=True))
    return rows


def _address(order: Any) -> list[str]:
    place = " ".join(p for p in (order.ship_postcode, order.ship_city) if p)
    lines = [masked_name(order.ship_name or order.customer_name),
             masked_street(order.ship_line1), masked_street(order.ship_line2), place,
             order.ship_region or "", order.ship_country or ""]  # fmt: skip
    return [line for line in lines if line]


def _cash_on_delivery(order: Any) -> bool:
    return str(order.payment_method) == "cod"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


__all__ = [
    "LineView", "PageView", "TotalRow", "can_edit", "delivery_estimate", "edit_deadline",
    "local_date", "local_time", "masked_name", "masked_phone", "masked_street", "money",
    "page_view",
]  # fmt: skip
