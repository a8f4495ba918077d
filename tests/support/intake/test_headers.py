"""Credentials in an Authorization header, and Retry-After in both of its forms (pure)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest

from goodbuyer.support.intake.auth import credentials
from goodbuyer.support.intake.gorgias_client import retry_after


def _basic(text: str) -> str:
    return "Basic " + base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Bearer gb_abc_def", "gb_abc_def"),
        ("bearer   gb_abc_def ", "gb_abc_def"),
        (_basic("api:gb_abc_def"), "gb_abc_def"),
        (_basic(":gb_abc_def"), "gb_abc_def"),
        (_basic("api"), None),
        ("Basic not-base64!", None),
        ("Token gb_abc_def", None),
        ("", None),
    ],
    ids=["bearer", "bearer-spaces", "basic", "basic-no-user", "basic-no-password",
         "basic-garbage", "other-scheme", "none"],
)  # fmt: skip
def test_the_api_key_is_read_from_bearer_or_basic(header: str, key: str | None) -> None:
    assert credentials(header) == key


def test_retry_after_in_seconds_or_as_a_date() -> None:
    now = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)

    assert retry_after("120") == 120.0
    assert retry_after("Thu, 05 Mar 2026 09:00:30 GMT", now) == 30.0
    assert retry_after("Thu, 05 Mar 2026 08:00:00 GMT", now) == 0.0
    assert retry_after("soon") is None
    assert retry_after(None) is None
