"""The page's guards: requests per link and per client address are limited (429 with
Retry-After), and form nonces are bound to one link and expire."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from goodbuyer.clock import FixedClock
from goodbuyer.confirmations.page import IP_LIMIT, TOKEN_LIMIT
from goodbuyer.confirmations.page_guard import FORM_MAX_AGE, RateLimit, form_nonce, nonce_ok
from goodbuyer.web.deps import Services
from tests.confirmations.page_orders import confirmation_row, held_order

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_a_link_opened_too_often_gets_a_429_page_until_the_minute_is_over(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    held = held_order(client, services, language="fi")
    answers = [client.get(held.url).status_code for _ in range(TOKEN_LIMIT)]

    over = client.get(held.url, params={"lang": "fi"})
    posted = client.post(f"{held.url}/confirm", data={"nonce": "x"})
    clock.advance(timedelta(seconds=45))
    still = client.get(held.url)
    clock.advance(timedelta(seconds=15))
    again = client.get(held.url)

    assert set(answers) == {200}
    assert (over.status_code, over.headers["retry-after"]) == (429, "60")
    assert "Liian monta yritystä" in over.text
    assert posted.status_code == 429
    assert (still.status_code, still.headers["retry-after"]) == (429, "15")
    assert again.status_code == 200
    assert confirmation_row(services, held).status == "queued"


def test_one_address_trying_many_links_is_limited(client: TestClient, services: Services) -> None:
    answers = [client.get(f"/c/guess{i}").status_code for i in range(IP_LIMIT)]

    over = client.get("/c/guess-more", headers={"Accept-Language": "he"})

    assert set(answers) == {404}
    assert over.status_code == 429
    assert '<html lang="he" dir="rtl">' in over.text
    assert int(over.headers["retry-after"]) == 60


def test_a_rate_limit_counts_each_key_in_its_own_window() -> None:
    limit = RateLimit(2)

    hits = [limit.hit("a", NOW), limit.hit("a", NOW), limit.hit("b", NOW)]
    third = limit.hit("a", NOW + timedelta(seconds=20))
    later = limit.hit("a", NOW + timedelta(seconds=60))

    assert hits == [None, None, None]
    assert third == 40
    assert later is None


def test_a_nonce_is_for_one_link_and_a_day() -> None:
    nonce = form_nonce("secret", "code-a", NOW)

    assert nonce_ok("secret", "code-a", nonce, NOW + timedelta(hours=3))
    assert not nonce_ok("secret", "code-b", nonce, NOW)
    assert not nonce_ok("other secret", "code-a", nonce, NOW)
    assert not nonce_ok("secret", "code-a", nonce, NOW + FORM_MAX_AGE + timedelta(minutes=1))
    assert not nonce_ok("secret", "code-a", nonce, NOW - timedelta(minutes=10))
    assert not nonce_ok("secret", "code-a", "", NOW)
    assert not nonce_ok("secret", "code-a", "abc.def", NOW)
