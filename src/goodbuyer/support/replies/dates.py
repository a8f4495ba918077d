"""Dates as a customer reads them in their language (pure): the order of day, month and
year, the separators, and month names where the numeric form is ambiguous or unusual.

    en "2 March 2026"   fi "2.3.2026"   hu "2026. 03. 02."   de "02.03.2026"
    fr "02/03/2026"     he "2.3.2026"   ar "2/3/2026"        tr "02.03.2026"
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip

# str.format patterns over d (day), m (month), y (year) and month (English name). English
# writes the month's name, day first: never read the wrong way round on either side of
# the Atlantic.
_FORMS: dict[str, str] = {
    "en": "{d} {month} {y}", "fi": "{d}.{m}.{y}", "hu": "{y}. {m:02d}. {d:02d}.",
    "cs": "{d}. {m}. {y}", "he": "{d}.{m}.{y}", "ar": "{d}/{m}/{y}",
    "de": "{d:02d}.{m:02d}.{y}", "es": "{d:02d}/{m:02d}/{y}", "fr": "{d:02d}/{m:02d}/{y}",
    "pt": "{d:02d}/{m:02d}/{y}", "pl": "{d:02d}.{m:02d}.{y}", "it": "{d:02d}/{m:02d}/{y}",
    "nl": "{d}-{m}-{y}", "tr": "{d:02d}.{m:02d}.{y}",
}  # fmt: skip


def local_day(at: datetime, time_zone: str | None) -> date:
    """The calendar day `at` falls on in `time_zone` (UTC when unknown or not a zone)."""
    try:
        tz = ZoneInfo(time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    return at.astimezone(tz).date()


def format_date(day: date, lang: str) -> str:
    """`day` written the way `lang` writes a date (English's form for other languages)."""
    form = _FORMS.get(lang, _FORMS["en"])
    return form.format(d=day.day, m=day.month, y=day.year, month=_EN_MONTHS[day.month - 1])


__all__ = ["format_date", "local_day"]
