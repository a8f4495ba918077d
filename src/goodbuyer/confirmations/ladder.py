"""When each step of the ladder is due (pure): after its wait, and never inside the
customer's quiet hours (R3.8). The demo's time scale shortens every wait alike."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from goodbuyer.policy.confirmation import QuietHours


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def in_quiet_hours(at: datetime, quiet: QuietHours | None, time_zone: str) -> bool:
    if quiet is None:
        return False
    local = at.astimezone(zone(time_zone)).time()
    start, end = _clock(quiet.start), _clock(quiet.end)
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end  # across midnight: 21:00-08:00


def out_of_quiet_hours(at: datetime, quiet: QuietHours | None, time_zone: str) -> datetime:
    """`at`, or the end of the quiet hours it falls in (the customer's morning)."""
    if quiet is None or not in_quiet_hours(at, quiet, time_zone):
        return at
    tz = zone(time_zone)
    local = at.astimezone(tz)
    end = _clock(quiet.end)
    candidate = datetime.combine(local.date(), end, tzinfo=tz)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), end, tzinfo=tz)
    return candidate.astimezone(at.tzinfo)


def step_due(
    now: datetime, wait: timedelta, quiet: QuietHours | None, time_zone: str, time_scale: float
) -> tuple[datetime, float]:
    """(when the step is due on the wall clock, seconds until then): `wait` later (divided
    by the time scale), moved past the customer's quiet hours (the move shortened alike)."""
    flow_due = out_of_quiet_hours(now + wait, quiet, time_zone)
    seconds = max(0.0, (flow_due - now).total_seconds() / time_scale)
    return now + timedelta(seconds=seconds), seconds


__all__ = ["in_quiet_hours", "out_of_quiet_hours", "step_due", "zone"]
