"""No message in the customer's quiet hours, in the customer's own time zone (R3.8)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from goodbuyer.confirmations.ladder import in_quiet_hours, out_of_quiet_hours, step_due
from goodbuyer.policy.confirmation import QuietHours

NIGHT = QuietHours(start="21:00", end="08:00")


@pytest.mark.parametrize(
    ("utc", "zone", "quiet"),
    [
        (datetime(2026, 3, 2, 18, 59, tzinfo=UTC), "Europe/Helsinki", False),  # 20:59 local
        (datetime(2026, 3, 2, 19, 0, tzinfo=UTC), "Europe/Helsinki", True),  # 21:00 local
        (datetime(2026, 3, 2, 5, 59, tzinfo=UTC), "Europe/Helsinki", True),  # 07:59 local
        (datetime(2026, 3, 2, 6, 0, tzinfo=UTC), "Europe/Helsinki", False),  # 08:00 local
        (datetime(2026, 3, 2, 19, 0, tzinfo=UTC), "America/New_York", False),  # 14:00 local
        (datetime(2026, 3, 2, 19, 0, tzinfo=UTC), "Not/AZone", False),  # unknown: UTC
    ],
    ids=["before-21", "at-21", "before-8", "at-8", "new-york-afternoon", "unknown-zone"],
)
def test_quiet_hours_are_read_on_the_customers_clock(utc: datetime, zone: str, quiet: bool) -> None:
    assert in_quiet_hours(utc, NIGHT, zone) is quiet


def test_a_step_due_at_night_waits_for_the_morning_in_the_customers_zone() -> None:
    evening = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # 22:00 in Helsinki

    due, seconds = step_due(evening, timedelta(minutes=30), NIGHT, "Europe/Helsinki", 1.0)

    assert due == datetime(2026, 3, 3, 6, 0, tzinfo=UTC)  # 08:00 in Helsinki
    assert seconds == 10 * 3600


def test_the_time_scale_shortens_the_wait_and_the_night_alike() -> None:
    evening = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)

    due, seconds = step_due(evening, timedelta(minutes=30), NIGHT, "Europe/Helsinki", 240.0)

    assert seconds == 10 * 3600 / 240
    assert due == evening + timedelta(seconds=150)


def test_no_quiet_hours_sends_at_any_hour() -> None:
    night = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    assert out_of_quiet_hours(night, None, "Europe/Helsinki") == night
