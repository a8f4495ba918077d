"""The sender is matched to an order by a number or tracking code in the text, only within
the shop, preferring the sender's own orders."""

from __future__ import annotations

from fastapi.testclient import TestClient

from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.support.intake.factories import AINO, BORIS, place_order, send_message, ship

WRITTEN = [
    ("en", "Order #1042", "Hi, where is it? Still nothing."),
    ("fi", None, "Hei! Tilaukseni 1042 ei ole vieläkään tullut."),
    ("hu", None, "Jó napot! A 1042-es rendelésem még nem érkezett meg."),
    ("cs", None, "Dobrý den, objednávka č. 1042 stále nedorazila."),
    ("he", None, "שלום, ההזמנה 1042 עדיין לא הגיעה אליי."),
    ("ar", None, "مرحبا، طلبي رقم 1042 لم يصل بعد."),
    ("de", "Bestellung 1042", "Guten Tag, wann kommt das Paket?"),
    ("es", None, "Hola, mi pedido 1042 todavía no ha llegado."),
    ("fr", None, "Bonjour, ma commande n° 1042 n'est toujours pas arrivée."),
    ("pt", None, "Olá, a encomenda 1042 ainda não chegou."),
    ("pl", None, "Dzień dobry, zamówienie nr 1042 jeszcze nie dotarło."),
    ("it", None, "Buongiorno, l'ordine 1042 non è ancora arrivato."),
    ("nl", None, "Hallo, mijn bestelling 1042 is nog steeds niet binnen."),
    ("tr", None, "Merhaba, 1042 numaralı siparişim hâlâ gelmedi."),
]


def test_order_number_in_the_text_links_an_unknown_sender_in_every_language(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    order = place_order(client, key, "1042", AINO)

    tickets = {
        lang: send_message(
            client, key, body, lang, subject=subject, author_email="someone.else@example.org"
        )
        for lang, subject, body in WRITTEN
    }

    linked = {lang: (t["order_id"], t["customer_id"]) for lang, t in tickets.items()}
    assert linked == {lang: (order["id"], order["customer_id"]) for lang, _, _ in WRITTEN}


def test_tracking_code_links_the_order(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    place_order(client, key, "1041", AINO)
    order = place_order(client, key, "1042", AINO)
    ship(client, key, "1042", "1Z999AA10123456784")

    ticket = send_message(client, key, "UPS 1Z999AA10123456784 says delivered, it is not here")

    assert ticket["order_id"] == order["id"]


def test_a_known_sender_is_linked_only_to_their_own_order(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    own = place_order(client, key, "1042", AINO)
    place_order(client, key, "2001", BORIS)

    ticket = send_message(
        client, key, "Orders #2001 and #1042: where are they?", author_email=AINO["email"]
    )

    assert (ticket["order_id"], ticket["customer_id"]) == (own["id"], own["customer_id"])


def test_a_known_sender_naming_someone_elses_order_gets_no_order(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    aino = place_order(client, key, "1042", AINO)
    place_order(client, key, "2001", BORIS)

    ticket = send_message(client, key, "Where is order 2001?", author_email=AINO["email"])

    assert (ticket["order_id"], ticket["customer_id"]) == (None, aino["customer_id"])


def test_an_unknown_sender_naming_two_customers_orders_is_not_guessed(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    place_order(client, key, "1042", AINO)
    place_order(client, key, "2001", BORIS)

    ticket = send_message(client, key, "Orders #2001 and #1042 are both late")

    assert (ticket["order_id"], ticket["customer_id"]) == (None, None)


def test_another_shops_order_never_matches(client: TestClient, services: Services) -> None:
    _, other_key = make_shop(services, "toinen")
    place_order(client, other_key, "1042", AINO)
    _, key = make_shop(services)

    ticket = send_message(client, key, "Where is my order #1042?")

    assert (ticket["order_id"], ticket["customer_id"]) == (None, None)


def test_a_number_the_shop_does_not_have_matches_nothing(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    place_order(client, key, "1042", AINO)

    ticket = send_message(client, key, "Bestellung 9999 fehlt")

    assert ticket["order_id"] is None
