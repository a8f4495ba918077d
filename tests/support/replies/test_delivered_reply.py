"""A tracking reply for a parcel the carrier scanned delivered says so, with the day, in
the customer's language; one still travelling says it is on its way."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from goodbuyer.support.replies import draft_reply
from goodbuyer.support.replies.dates import format_date, local_day
from goodbuyer.support.replies.variables import LANGUAGES
from tests.support.replies.facts import reply_input

DELIVERED = date(2026, 3, 2)

# A word of the "on its way" sentence of each language's tracking reply.
ON_ITS_WAY = {
    "en": "on its way", "fi": "matkalla", "hu": "úton van", "cs": "na cestě", "he": "בדרך",
    "ar": "في الطريق", "de": "unterwegs", "es": "en camino", "fr": "en route",
    "pt": "a caminho", "pl": "w drodze", "it": "in viaggio", "nl": "onderweg",
    "tr": "yola çıktı",
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_delivered_parcel_gets_the_day_it_was_delivered_not_on_its_way(lang: str) -> None:
    draft = draft_reply(reply_input(lang, "send_tracking", delivered_on=DELIVERED))

    assert format_date(DELIVERED, lang) in draft.body
    assert ON_ITS_WAY[lang] not in draft.body
    assert "https://track.example/p/JJFI6412345" in draft.body
    assert "Posti" in draft.body
    for leftover in ("None", "{{", "}}", "{%", "  "):
        assert leftover not in draft.body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_parcel_on_its_way_says_so(lang: str) -> None:
    draft = draft_reply(reply_input(lang, "send_tracking"))

    assert ON_ITS_WAY[lang] in draft.body
    assert format_date(DELIVERED, lang) not in draft.body


@pytest.mark.parametrize(
    ("lang", "written"),
    [("en", "2 March 2026"), ("fi", "2.3.2026"), ("hu", "2026. 03. 02."),
     ("cs", "2. 3. 2026"), ("de", "02.03.2026"), ("fr", "02/03/2026"), ("nl", "2-3-2026"),
     ("ar", "2/3/2026"), ("xx", "2 March 2026")],
)  # fmt: skip
def test_dates_are_written_the_way_each_language_writes_them(lang: str, written: str) -> None:
    assert format_date(DELIVERED, lang) == written


def test_the_day_is_the_shops_local_day() -> None:
    late_evening_utc = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)

    assert local_day(late_evening_utc, "Europe/Helsinki") == date(2026, 3, 2)
    assert local_day(late_evening_utc, "America/New_York") == date(2026, 3, 1)
    assert local_day(late_evening_utc, "Not/AZone") == date(2026, 3, 1)
    assert local_day(late_evening_utc, None) == date(2026, 3, 1)
