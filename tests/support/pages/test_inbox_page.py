"""The agents' inbox page: open tickets with what goodbuyer read in them, filters, counts."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from goodbuyer.support.pages import CONTENT_SECURITY_POLICY
from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.support.pages.inbox_data import seed_inbox, sign_in


def _titles(html: str) -> list[str]:
    """The tickets listed, in order, by the external id hidden in their link's text."""
    rows = re.findall(r'<th scope="row"><a href="/tickets/[0-9a-f-]+"[^>]*>([^<]*)</a>', html)
    return [row.strip() for row in rows]


def test_the_inbox_asks_for_sign_in(client: TestClient) -> None:
    response = client.get("/inbox", follow_redirects=False)

    assert (response.status_code, response.headers["location"]) == (303, "/login")


def test_open_tickets_newest_activity_first_with_what_was_read(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    seed_inbox(client, key, services, shop_id)
    sign_in(client, key)

    response = client.get("/inbox")

    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    html = response.text
    assert _titles(html) == [
        "¿Hacéis envíos a Canarias?",
        "Siz tam bir dolandırıcısınız, aptal herifler!",
        "Ich habe die Zahlung bei meiner Bank zurückbuchen lassen. Schicken Sie mir …",
        "@kauppa three weeks and still no parcel. Sort it out or I&#39;m …",
        "המעיל הגיע קרוע לגמרי. אתם חבורה של נוכלים מטומטמים.",
        "تقول شركة الشحن إن الطلب #1001 تم تسليمه، لكنه لم يصلني أبداً. …",
        "Tilaus #1001",
    ]  # the solved Dutch ticket is not open
    assert '<h2 id="counts-heading">7 tickets open</h2>' in html
    assert 'aria-current="page">Inbox</a>' in html
    assert 'dir="auto" lang="ar">تقول' in html
    assert 'dir="auto" lang="he">המעיל' in html
    assert "Aino Virtanen" in html  # the customer of the linked order
    assert "not read yet" in html  # the Spanish question
    assert '<span class="badge flag-threat">Legal threat</span>' in html
    assert '<span class="badge flag-abuse">Abusive</span>' in html
    assert '<span class="badge badge-vip">VIP</span>' in html
    assert '<span class="badge badge-blocked">blocked</span>' in html
    assert '<span class="anger anger-2">furious</span>' in html
    assert '<span class="resolution">open carrier claim</span>' in html
    assert '<time datetime="2026-03-01T08:10:00+00:00">25 h</time>' in html


def test_counts_per_intent_and_flag_link_to_their_filter(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    seed_inbox(client, key, services, shop_id)
    sign_in(client, key)

    html = client.get("/inbox").text

    assert _count(html, "/inbox?intent=not_received") == 2
    assert _count(html, "/inbox?intent=where_is_order") == 2
    assert _count(html, "/inbox?intent=cancel_order") == 0
    assert _count(html, "/inbox?flag=abusive") == 2
    assert _count(html, "/inbox?flag=threat_legal") == 1
    assert _count(html, "/inbox?flag=threat_chargeback") == 1


def _count(html: str, href: str) -> int:
    href = href.replace("&", "&amp;")
    found = re.search(re.escape(f'href="{href}"') + r'[^>]*>[^<]*<span class="count">(\d+)<', html)
    assert found, f"no count linking to {href}"
    return int(found.group(1))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("flag=abusive", ["T-tr", "T-he"], id="flag-abusive"),
        pytest.param("flag=threat_review", ["T-en"], id="flag-review-threat"),
        pytest.param("intent=not_received", ["T-de", "T-ar"], id="intent"),
        pytest.param("vip=true", ["T-en"], id="vip"),
        pytest.param("human=true", ["T-tr", "T-de", "T-ar"], id="needs-a-person"),
        pytest.param("blocked=true", ["T-tr"], id="blocked"),
        pytest.param("language=he", ["T-he"], id="language-detected"),
        pytest.param("language=es", ["T-es"], id="language-given-not-read-yet"),
        pytest.param("status=solved", ["T-nl"], id="status"),
        pytest.param("status=any&intent=general_question", ["T-tr", "T-nl"], id="any-status"),
        pytest.param("intent=not_received&flag=threat_legal", ["T-ar"], id="two-filters"),
        pytest.param("intent=&flag=&language=&human=true&blocked=true", ["T-tr"], id="form-blanks"),
    ],
)
def test_filters(client: TestClient, services: Services, query: str, expected: list[str]) -> None:
    shop_id, key = make_shop(services)
    seeded = seed_inbox(client, key, services, shop_id)
    sign_in(client, key)
    by_id = {str(v): k for k, v in seeded.tickets.items()}

    html = client.get(f"/inbox?{query}").text

    links = re.findall(r'<th scope="row"><a href="/tickets/([0-9a-f-]+)"', html)
    assert [by_id[link] for link in links] == expected


def test_counts_follow_the_other_filters(client: TestClient, services: Services) -> None:
    shop_id, key = make_shop(services)
    seed_inbox(client, key, services, shop_id)
    sign_in(client, key)

    html = client.get("/inbox?flag=abusive").text

    assert '<h2 id="counts-heading">2 tickets open matching the filters</h2>' in html
    assert _count(html, "/inbox?intent=damaged_item&flag=abusive") == 1
    assert _count(html, "/inbox?intent=where_is_order&flag=abusive") == 0
    assert _count(html, "/inbox?flag=threat_legal") == 1  # flags count without the flag chosen
    assert 'aria-current="true">Abusive' in html


def test_an_inbox_with_nothing_open_says_so(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    sign_in(client, key)

    html = client.get("/inbox").text

    assert "No open ticket: nothing is waiting for the shop." in html
    assert "<table" not in html
    filtered = client.get("/inbox?flag=threat_legal").text
    assert "No ticket matches these filters." in filtered


def test_another_shops_tickets_are_not_listed(client: TestClient, services: Services) -> None:
    shop_id, key = make_shop(services)
    seed_inbox(client, key, services, shop_id)
    _, other_key = make_shop(services, slug="toinen")
    sign_in(client, other_key)

    html = client.get("/inbox?status=any").text

    assert "No ticket matches these filters." in html
    assert _count(html, "/inbox?status=any&intent=not_received") == 0


@pytest.mark.parametrize(
    ("query", "location"),
    [
        pytest.param("intent=refund_please", "query.intent", id="intent"),
        pytest.param("flag=rude", "query.flag", id="flag"),
        pytest.param("status=waiting", "query.status", id="status"),
        pytest.param("language=Arabic%20please", "query.language", id="language"),
        pytest.param("cursor=bm90LWEtY3Vyc29y", "query.cursor", id="cursor"),
        pytest.param("vip=perhaps", "query.vip", id="boolean"),
    ],
)
def test_a_wrong_filter_is_a_problem_naming_it(
    client: TestClient, services: Services, query: str, location: str
) -> None:
    _, key = make_shop(services)
    sign_in(client, key)

    response = client.get(f"/inbox?{query}")

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert [e["location"] for e in response.json()["errors"]] == [location]
