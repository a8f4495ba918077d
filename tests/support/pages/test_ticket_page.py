"""One ticket for an agent: the conversation, what was read in each customer message, the
facts, the resolution, routes, the zero-tolerance step and the drafted reply."""

from __future__ import annotations

import html as html_lib
import re
import uuid

import pytest
from fastapi.testclient import TestClient

from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.support.pages.inbox_data import ARABIC_REPLY, HEBREW_REPLY, Seeded, seed_inbox, sign_in


def _seeded(client: TestClient, services: Services) -> Seeded:
    shop_id, key = make_shop(services)
    seeded = seed_inbox(client, key, services, shop_id)
    sign_in(client, key)
    return seeded


def _textarea(html: str, prefix: str) -> tuple[str, str, str]:
    """(dir, lang, text) of the first readonly textarea whose id starts with `prefix`."""
    found = re.search(
        rf'<textarea id="{prefix}-[0-9a-f-]+" class="draft" readonly rows="\d+" '
        r'dir="(\w+)" lang="([\w-]+)">(.*?)</textarea>',
        html,
        re.S,
    )
    assert found, f"no {prefix} textarea"
    return found.group(1), found.group(2), html_lib.unescape(found.group(3))


def test_an_arabic_ticket_reads_right_to_left_with_its_analysis_and_draft(
    client: TestClient, services: Services
) -> None:
    seeded = _seeded(client, services)

    response = client.get(f"/tickets/{seeded.tickets['T-ar']}")

    assert response.status_code == 200
    html = response.text
    assert '<div class="message-body" dir="auto" lang="ar">تقول شركة الشحن' in html
    assert 'From <span dir="auto">فاطمة الزهراء</span>' in html
    assert _textarea(html, "draft") == ("rtl", "ar", ARABIC_REPLY)
    assert '<button type="button" class="secondary" data-copy="draft-' in html
    assert '<script src="/static/inbox.js" defer></script>' in html
    assert 'Not received <span class="confidence">confidence 0.91</span>' in html
    assert '<span class="badge flag-threat">Legal threat</span> <span class="confidence">' in html
    assert '<span class="anger anger-1">annoyed</span>' in html
    assert '<span class="badge badge-human">needs a person</span>' in html
    assert "<code>triage-3f9a1c07be42</code>" in html
    assert f'<a href="/orders/{seeded.order_id}">#1001</a>' in html
    assert "<dt>Delivered scan</dt><dd>yes · 4 days ago</dd>" in html
    assert "<dt>Days late</dt><dd>on time</dd>" in html
    assert '<span class="resolution">open carrier claim</span>' in html
    assert "<code>not_received.delivered_scan</code>" in html
    assert "delivered scan 4 days ago; the carrier is asked first" in html
    assert '<span class="badge badge-route">legal</span>' in html
    assert "<dt>Zero tolerance</dt><dd>none</dd>" in html
    assert 'aria-current="page">Inbox</a>' in html


def test_a_hebrew_draft_is_right_to_left_and_the_warning_step_is_shown(
    client: TestClient, services: Services
) -> None:
    seeded = _seeded(client, services)

    html = client.get(f"/tickets/{seeded.tickets['T-he']}").text

    assert _textarea(html, "draft") == ("rtl", "he", HEBREW_REPLY)
    assert '<div class="message-body" dir="auto" lang="he">' in html
    assert "warned: a first abusive message, the customer was sent a warning" in html
    assert '<span class="badge flag-abuse">Abusive</span>' in html
    assert "<dt>Order</dt><dd>#1003</dd>" in html  # no such order in the shop: no link
    assert "<dt>Fault</dt><dd>the store</dd>" in html


def test_the_whole_conversation_is_shown_in_order(client: TestClient, services: Services) -> None:
    seeded = _seeded(client, services)

    html = client.get(f"/tickets/{seeded.tickets['T-fi']}").text

    kinds = re.findall(r'<li class="message message-(\w+)">', html)
    assert kinds == ["inbound", "outbound", "internal"]
    assert 'To the customer, by <span dir="auto">Mikko</span>' in html
    assert 'Internal note by <span dir="auto">Mikko</span>' in html
    assert html.count('dir="auto" lang="fi">') == 5  # title, 3 messages, draft subject
    assert _textarea(html, "draft")[:2] == ("ltr", "fi")
    assert '<strong>Subject:</strong> <span dir="auto" lang="fi">Re: Tilaus #1001</span>' in html
    tracking = "https://track.example/JJFI64512300001234567"
    assert f'<a href="{tracking}" rel="noopener noreferrer">JJFI64512300001234567</a>' in html
    assert "58.70 EUR" in html
    assert "From template <code>where_is_order/send_tracking/fi</code>" in html
    assert '<dd><span dir="auto">Aino Virtanen</span></dd>' in html


def test_a_social_mention_has_a_public_reply_and_a_private_message(
    client: TestClient, services: Services
) -> None:
    seeded = _seeded(client, services)

    html = client.get(f"/tickets/{seeded.tickets['T-en']}").text

    assert '<label for="draft-' in html
    assert "Private message in English</label>" in html
    assert "Public reply in English</label>" in html
    assert _textarea(html, "public")[2].startswith("Sorry about the wait, Jamie.")
    assert _textarea(html, "draft")[2].startswith("Hi Jamie,")
    assert '<span class="badge badge-vip">VIP goodwill</span>' in html
    assert "net value 1,820.00 EUR".replace(",", "\u202f") in html
    assert '<span class="badge badge-route">communications</span>' in html


def test_without_a_draft_the_page_says_why_and_shows_the_chargeback(
    client: TestClient, services: Services
) -> None:
    seeded = _seeded(client, services)

    html = client.get(f"/tickets/{seeded.tickets['T-de']}").text

    assert "<textarea" not in html
    no_draft = "<strong>No draft:</strong> no template for not_received × escalate in German"
    assert no_draft in html
    assert "chargeback of 58.70 EUR on #1001 opened 2026-02-27: item not received" in html
    assert (
        f'58.70 EUR on order <a href="/orders/{seeded.order_id}">#1001</a>: item not received, '
        "opened 2026-02-27" in html
    )
    assert '<span class="badge badge-route">payments (chargebacks)</span>' in html


def test_a_message_not_read_yet_is_shown_without_an_analysis(
    client: TestClient, services: Services
) -> None:
    seeded = _seeded(client, services)

    html = client.get(f"/tickets/{seeded.tickets['T-es']}").text

    assert '<div class="message-body" dir="auto" lang="es">¿Hacéis envíos a Canarias?</div>' in html
    assert "What goodbuyer read" not in html
    assert "<dt>Intent</dt><dd>not read yet</dd>" in html


def test_another_shops_ticket_is_not_found(client: TestClient, services: Services) -> None:
    seeded = _seeded(client, services)
    _, other_key = make_shop(services, slug="toinen")
    sign_in(client, other_key)

    response = client.get(f"/tickets/{seeded.tickets['T-ar']}")

    assert response.status_code == 404
    assert f"no ticket {seeded.tickets['T-ar']} in this shop" in response.text
    assert '<a href="/inbox">Back to the inbox</a>' in response.text
    assert "تقول" not in response.text


@pytest.mark.parametrize(
    ("path", "status"),
    [
        pytest.param(f"/tickets/{uuid.UUID(int=7)}", 404, id="unknown-id"),
        pytest.param("/tickets/not-a-ticket", 422, id="not-an-id"),
    ],
)
def test_a_wrong_ticket_id(client: TestClient, services: Services, path: str, status: int) -> None:
    _, key = make_shop(services)
    sign_in(client, key)

    response = client.get(path)

    assert response.status_code == status


def test_the_ticket_page_asks_for_sign_in(client: TestClient) -> None:
    response = client.get(f"/tickets/{uuid.UUID(int=7)}", follow_redirects=False)

    assert (response.status_code, response.headers["location"]) == (303, "/login")
