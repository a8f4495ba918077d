"""Dates as a customer reads them in their language (pure): the order of day, month and
year, the separators, and month names where the numeric form is ambiguous or unusual.

    en "2 March 2026"   fi "2.3.2026"   hu "2026. 03. 02."   de "02.03.2026"
    fr "02/03/2026"     he "2.3.2026"   ar "2/3/2026"        tr "02.03.2026"
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip


def _english(d: date) -> str:
    # Day-first with the month's name: never read the wrong way round on either side of
    # the Atlantic.
    return f"{d.day} {_EN_MONTHS[d.month - 1]} {d.year}"


def _dotted_padded(d: date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def _dotted(d: date) -> str:
    return f"{d.day}.{d.month}.{d.year}"


def _spaced_dotted(d: date) -> str:
    return f"{d.day}. {d.month}. {d.year}"


def _slashed_padded(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _slashed(d: date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


def _hungarian(d: date) -> str:
    return f"{d.year}. {d.month:02d}. {d.day:02d}."


def _dutch(d: date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


_FORMS: dict[str, Callable[[date], str]] = {
    "en": _english,
    "fi": _dotted,
    "hu": _hungarian,
    "cs": _spaced_dotted,
    "he": _dotted,
    "ar": _slashed,
    "de": _dotted_padded,
    "es": _slashed_padded,
    "fr": _slashed_padded,
    "pt": _slashed_padded,
    "pl": _dotted_padded,
    "it": _slashed_padded,
    "nl": _dutch,
    "tr": _dotted_padded,
}


def local_day(at: datetime, time_zone: str | None) -> date:
    """The calendar day `at` falls on in `time_zone` (UTC when unknown or not a zone)."""
    try:
        tz = ZoneInfo(time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    return at.astimezone(tz).date()


def format_date(day: date, lang: str) -> str:
    """`day` written the way `lang` writes a date (English's form for other languages)."""
    return _FORMS.get(lang, _english)(day)


__all__ = ["format_date", "local_day"]
