"""The confirmation page over HTTP on both databases: what it shows, in which language and
direction, and the page each kind of bad or used link gets."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from goodbuyer.clock import FixedClock
from goodbuyer.confirmations.links import make_token
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.page_texts import LANGUAGES, texts_for
from goodbuyer.confirmations.statuses import ConfirmationStatus
from goodbuyer.db import transaction
from goodbuyer.deliveries.models import Shipment
from goodbuyer.deliveries.statuses import ShipmentStatus
from goodbuyer.shops.models import Shop
from goodbuyer.web.deps import Services
from tests.confirmations.page_orders import confirmation_row, held_order, nonce_of, use_policy

_TAGS = re.compile(r"<[^>]+>")


def _text(html: str) -> str:
    return " ".join(_TAGS.sub(" ", html).split())


def test_the_page_shows_the_order_its_price_address_and_two_equal_buttons(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services, language="en")

    page = client.get(held.url)

    assert page.status_code == 200
    text = _text(page.text)
    assert "Kauppa asks you to confirm order #1001 before it is sent. You pay on delivery." in text
    assert "T-shirt Size: M · Colour: black 2 €39.80" in text
    assert "Cap 1 €15.00" in text
    assert "Products €54.80 Shipping €4.90 Taxes €0.00 Total to pay on delivery €59.70" in text
    assert "Aino V. Mannerheimintie •• B • 00100 Helsinki FI" in text
    assert "The shop has not given a delivery date yet." in text
    assert re.findall(r'<button type="submit" class="([^"]+)">(Confirm|Cancel) order<', page.text) \
        == [("c-button", "Confirm"), ("c-button", "Cancel")]  # fmt: skip
    assert "checked" not in page.text  # nothing chosen for the customer (R7.1)
    assert "<script" not in page.text


def test_the_page_has_landmarks_ordered_headings_and_a_label_for_every_control(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services, placed_at=services.clock.now() - timedelta(minutes=5))

    html = client.get(held.url).text

    assert [tag in html for tag in ("<header", "<main", "<footer")] == [True, True, True]
    assert re.findall(r"<h(\d)", html) == ["1", "2", "2", "2", "2", "2"]
    ids = re.findall(r'<(?:input|textarea|select)(?![^>]*type="(?:hidden|radio)")[^>]*id="(\w+)"',
                     html)  # fmt: skip
    assert sorted(ids) == ["city", "lang", "line1", "line2", "phone", "postcode", "reason"]
    for control in ids:
        assert f'<label for="{control}">' in html


def test_the_response_keeps_the_link_private(client: TestClient, services: Services) -> None:
    held = held_order(client, services)

    page = client.get(held.url)

    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "set-cookie" not in page.headers


@pytest.mark.parametrize(("language", "direction"), [("he", "rtl"), ("ar", "rtl"), ("hu", "ltr")])
def test_right_to_left_languages_get_rtl(
    client: TestClient, services: Services, language: str, direction: str
) -> None:
    held = held_order(client, services, language=language)

    html = client.get(held.url).text

    assert f'<html lang="{language}" dir="{direction}">' in html


def test_every_language_renders_every_string_it_needs(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services, language="en",
                      placed_at=services.clock.now() - timedelta(minutes=5))  # fmt: skip
    use_policy(client, services, held, "delivery_slots: []", 'delivery_slots: ["09:00-12:00"]')
    with transaction(services.sessions) as session:
        session.get_one(Shop, held.shop_id).languages = list(LANGUAGES)
    shown = ("page_title", "order_heading", "col_product", "col_quantity", "col_price",
             "subtotal", "shipping", "tax", "total_cod", "address_heading", "phone",
             "delivery_heading", "delivery_unknown", "choice_heading", "choice_hint",
             "slot_legend", "slot_none", "confirm_button", "cancel_reason_label",
             "cancel_button", "edit_heading", "phone_label", "phone_button", "line1_label",
             "line2_label", "postcode_label", "city_label", "address_button", "language_label",
             "language_button", "pay_on_delivery")  # fmt: skip

    for language in LANGUAGES:
        page = client.get(f"{held.url}?lang={language}")
        texts = texts_for(language)

        assert page.status_code == 200
        assert f'lang="{language}"' in page.text
        missing = [key for key in shown if _escaped(texts[key]) not in page.text]
        assert missing == [], language


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;")


def test_a_language_the_shop_does_not_speak_is_not_offered(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services, language="hu")

    assert 'lang="hu" dir="ltr"' in client.get(f"{held.url}?lang=de").text
    assert 'lang="en" dir="ltr"' in client.get(f"{held.url}?lang=en").text


def test_the_promised_date_of_a_shipment_is_the_estimate(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services, language="en")
    now = services.clock.now()
    with transaction(services.sessions) as session:
        session.add(Shipment(
            shop_id=held.shop_id, order_id=held.order_id, source="api", external_id="s1",
            status=ShipmentStatus.LABEL_CREATED, promised_at=now + timedelta(days=2),
            source_updated_at=now, created_at=now, updated_at=now, raw={},
        ))  # fmt: skip

    assert "Expected by 4 March 2026." in _text(client.get(held.url).text)


def test_the_shops_usual_delivery_days_give_a_range(client: TestClient, services: Services) -> None:
    held = held_order(client, services, language="en")
    use_policy(client, services, held, "delivery_slots: []",
               "delivery_slots: []\n  delivery_days: [1, 3]")  # fmt: skip

    assert "Expected between 3 March 2026 and 5 March 2026." in _text(client.get(held.url).text)


def test_an_altered_link_gets_a_404_page_in_the_browsers_language(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services)
    altered = held.token[:-2] + ("AA" if not held.token.endswith("AA") else "BB")

    page = client.get(f"/c/{altered}", headers={"Accept-Language": "de-DE,de;q=0.9"})
    garbage = client.get("/c/%%%not-a-token")

    assert (page.status_code, "Dieser Link funktioniert nicht" in page.text) == (404, True)
    assert garbage.status_code == 404
    assert "Traceback" not in page.text + garbage.text


def test_an_expired_link_gets_a_410_page_in_the_customers_language(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    held = held_order(client, services, language="cs", valid_for=timedelta(hours=1))
    clock.advance(timedelta(hours=2))

    page = client.get(held.url, headers={"Accept-Language": "en"})
    post = client.post(f"{held.url}/confirm", data={"nonce": "1.x"})

    assert page.status_code == 410
    assert '<html lang="cs"' in page.text
    assert "Platnost tohoto odkazu vypršela" in page.text
    assert post.status_code == 410
    assert confirmation_row(services, held).status == "queued"


def test_a_link_from_an_earlier_step_works_until_it_expires(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services)
    row = confirmation_row(services, held)
    sms = make_token(services.settings.secret_key, row.link_code, 0,
                     services.clock.now() + timedelta(hours=70))  # fmt: skip
    whatsapp = make_token(services.settings.secret_key, row.link_code, 1,
                          services.clock.now() + timedelta(hours=72))  # fmt: skip

    assert client.get(f"/c/{whatsapp}").status_code == 200
    page = client.get(f"/c/{sms}")
    done = client.post(f"/c/{sms}/confirm", data={"nonce": nonce_of(page.text)})

    assert (page.status_code, done.status_code) == (200, 200)
    assert confirmation_row(services, held).status == "confirmed"


@pytest.mark.parametrize(
    ("status", "title"),
    [("confirmed", "Tämä tilaus on jo vahvistettu"), ("cancelled", "Tämä tilaus on jo peruttu"),
     ("ghost", "Tämä tilaus on jo peruttu"), ("closed", "Kauppa hoitaa tämän tilauksen")],
)  # fmt: skip
def test_a_resolved_confirmation_gets_a_409_page_saying_so(
    client: TestClient, services: Services, status: str, title: str
) -> None:
    held = held_order(client, services)
    with transaction(services.sessions) as session:
        session.get_one(Confirmation, held.confirmation_id).status = ConfirmationStatus(status)

    page = client.get(held.url)

    assert page.status_code == 409
    assert title in page.text
    assert "nonce" not in page.text  # no buttons any more


@pytest.mark.parametrize("status", ["queued", "waiting", "calling"])
def test_an_open_confirmation_can_be_answered_at_every_step(
    client: TestClient, services: Services, status: str
) -> None:
    held = held_order(client, services)
    with transaction(services.sessions) as session:
        session.get_one(Confirmation, held.confirmation_id).status = ConfirmationStatus(status)

    page = client.get(held.url)
    done = client.post(f"{held.url}/confirm", data={"nonce": nonce_of(page.text)})

    assert (page.status_code, done.status_code) == (200, 200)
    assert "Kiitos, tilauksesi on vahvistettu" in done.text
    assert confirmation_row(services, held).status == "confirmed"
