"""Time as integer Unix seconds, written as ISO 8601 with the customer's local offset;
offsets are looked up once per zone and day (per hour on the days clocks change)."""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

MINUTE = 60
HOUR = 3600
DAY = 86400
_EPOCH = date(1970, 1, 1)
_OFFSETS: dict[tuple[str, int], tuple[int, str]] = {}
_DAY_OFFSETS: dict[tuple[str, int], tuple[int, str] | tuple[()]] = {}
_DAYS: dict[int, str] = {}
_ZONES: dict[str, ZoneInfo] = {}
_CLOCK = tuple(f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(86400))
# Seasonal weight of each month (January first): the November sales, the December rush.
_SEASON = (0.8, 0.75, 0.9, 0.95, 1.0, 0.9, 0.85, 0.9, 1.0, 1.05, 1.6, 1.35)
# Local hour of day at which orders are placed: little at night, most in the evening.
_HOURS = tuple(
    itertools.accumulate(
        (2, 1, 1, 1, 1, 2, 3, 5, 6, 7, 7, 7, 8, 8, 7, 7, 7, 8, 9, 11, 12, 11, 8, 4)
    )
)


def epoch(day: date) -> int:
    """Midnight UTC of `day`."""
    return (day - _EPOCH).days * DAY


def _offset(zone: str, ts: int) -> tuple[int, str]:
    tz = _ZONES.get(zone)
    if tz is None:
        tz = _ZONES[zone] = ZoneInfo(zone)
    delta = datetime.fromtimestamp(ts, UTC).astimezone(tz).utcoffset() or timedelta(0)
    seconds = int(delta.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return seconds, f"{sign}{hours:02d}:{minutes:02d}"


def offset(zone: str, ts: int) -> int:
    """The zone's UTC offset in seconds at `ts`."""
    return _lookup(zone, ts)[0]


def _lookup(zone: str, ts: int) -> tuple[int, str]:
    """The offset at `ts`: one lookup per zone and day, per hour on the days clocks change."""
    found = _DAY_OFFSETS.get((zone, ts // DAY))
    if found:
        return found
    if found is None:
        day = ts // DAY * DAY
        first, last = _offset(zone, day), _offset(zone, day + DAY - 1)
        _DAY_OFFSETS[(zone, ts // DAY)] = first if first == last else ()
        if first == last:
            return first
    key = (zone, ts // HOUR)
    hit = _OFFSETS.get(key)
    if hit is None:
        hit = _OFFSETS[key] = _offset(zone, key[1] * HOUR)
    return hit


def _day(days: int) -> str:
    text = _DAYS[days] = (_EPOCH + timedelta(days=days)).isoformat() + "T"
    return text


def iso_local(ts: int, zone: str) -> str:
    """'2025-11-28T19:04:11+02:00'."""
    seconds, suffix = _DAY_OFFSETS.get((zone, ts // DAY)) or _lookup(zone, ts)
    days, rest = divmod(ts + seconds, DAY)
    return (_DAYS.get(days) or _day(days)) + _CLOCK[rest] + suffix


def iso_utc(ts: int) -> str:
    """'2025-11-28T17:04:11Z'."""
    days, rest = divmod(ts, DAY)
    return (_DAYS.get(days) or _day(days)) + _CLOCK[rest] + "Z"


def at_local_hour(ts: int, zone: str, hour: float) -> int:
    """The moment of the local clock showing `hour` on the day of `ts` (or the day after,
    if that moment has passed)."""
    seconds = (_DAY_OFFSETS.get((zone, ts // DAY)) or _lookup(zone, ts))[0]
    moment = (ts + seconds) // DAY * DAY - seconds + int(hour * HOUR)
    return moment if moment >= ts else moment + DAY


def order_moment(day_start: int, zone: str, r: random.Random) -> int:
    """A local time of day at which people shop, on the local day starting `day_start`."""
    hour = bisect.bisect_right(_HOURS, r.random() * _HOURS[-1])
    local = day_start + hour * HOUR + int(r.random() * HOUR)
    return local - offset(zone, local)


@functools.cache
def _season(day: int) -> float:
    return _SEASON[(_EPOCH + timedelta(days=day)).month - 1]


def seasonal_day(first: int, last: int, r: random.Random) -> int:
    """A day index in [first, last] drawn with the shop's seasonality."""
    for _ in range(8):
        day = first + int(r.random() * (last - first + 1))
        if r.random() * 1.6 < _season(day):
            return day
    return day


__all__ = [
    "DAY",
    "HOUR",
    "MINUTE",
    "at_local_hour",
    "epoch",
    "iso_local",
    "iso_utc",
    "offset",
    "order_moment",
    "seasonal_day",
]
