"""E-mail providers' inbound webhooks: Postmark JSON and Mailgun's signed form post.
Threads become tickets, quotes are taken out, and every Message-Id is stored once."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.db import transaction
from goodbuyer.support.intake.connections import connect_provider
from goodbuyer.support.intake.statuses import Provider
from goodbuyer.support.models import TicketMessage
from goodbuyer.web.deps import Services
from tests.factories import auth, count_rows, make_shop
from tests.support.intake.factories import AINO, place_order

POSTMARK = "/api/v1/inbound/email/postmark"
MAILGUN = "/api/v1/inbound/email/mailgun"
SIGNING_KEY = "key-mailgun-signing-0123456789"


def basic(key: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"api:{key}".encode()).decode()}


def postmark(message_id: str, text: str, **extra: Any) -> dict[str, Any]:
    headers = [{"Name": "Message-ID", "Value": f"<{message_id}>"}]
    if "in_reply_to" in extra:
        headers.append({"Name": "In-Reply-To", "Value": f"<{extra.pop('in_reply_to')}>"})
    return {
        "FromName": "Aino Virtanen",
        "From": AINO["email"],
        "FromFull": {"Email": AINO["email"], "Name": "Aino Virtanen", "MailboxHash": ""},
        "To": "tuki@kauppa.fi",
        "OriginalRecipient": "tuki@kauppa.fi",
        "Subject": "Tilaus #1042",
        "MessageID": "73e6d360-66eb-11e1-8e72-a8904824019b",
        "Date": "Thu, 5 Mar 2026 11:00:00 +0200",
        "TextBody": text,
        "HtmlBody": "",
        "StrippedTextReply": "",
        "Headers": headers,
        "Attachments": [],
        **extra,
    }


def mailgun(services: Services, message_id: str, body: str, **extra: str) -> dict[str, str]:
    timestamp = str(int(services.clock.now().timestamp()))
    token = hashlib.sha256(message_id.encode()).hexdigest()[:50]
    signature = hmac.new(SIGNING_KEY.encode(), (timestamp + token).encode(), hashlib.sha256)
    return {
        "recipient": "tuki@kauppa.fi",
        "sender": AINO["email"],
        "from": "Aino Virtanen <aino@example.fi>",
        "subject": "Re: Tilaus #1042",
        "body-plain": body,
        "Message-Id": f"<{message_id}>",
        "Date": "Thu, 05 Mar 2026 12:00:00 +0200",
        "timestamp": timestamp,
        "token": token,
        "signature": signature.hexdigest(),
        **extra,
    }


def connect_mailgun(services: Services, shop_id: Any) -> None:
    with transaction(services.sessions) as session:
        now = services.clock.now()
        connect_provider(session, shop_id, Provider.MAILGUN, SIGNING_KEY, {}, now, "test")


def tickets(client: TestClient, key: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.get("/api/v1/tickets", headers=auth(key)).json()
    return found


def bodies(client: TestClient, key: str, ticket_id: str) -> list[str]:
    detail = client.get(f"/api/v1/tickets/{ticket_id}", headers=auth(key)).json()
    return [m["body"] for m in detail["messages"]]


def test_postmark_mail_opens_a_ticket_linked_to_the_order_and_a_replay_stores_nothing(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    order = place_order(client, key, "1042", AINO)
    mail = postmark("m1@example.fi", "Missä tilaukseni on?")

    answers = [client.post(POSTMARK, json=mail, headers=basic(key)) for _ in "ab"]

    assert [a.status_code for a in answers] == [201, 200]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    (ticket,) = tickets(client, key)
    assert (ticket["channel"], ticket["subject"]) == ("email", "Tilaus #1042")
    assert (ticket["order_id"], ticket["customer_id"]) == (order["id"], order["customer_id"])
    assert count_rows(services, TicketMessage) == 1


def test_a_reply_joins_its_thread_across_providers_with_quotes_taken_out(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    connect_mailgun(services, shop_id)
    client.post(POSTMARK, json=postmark("m1@example.fi", "Missä tilaus?"), headers=auth(key))
    quoted = "Vieläkin odotan.\n\nto 5.3.2026 klo 11.00 Aino <aino@example.fi> kirjoitti:\n> Missä?"
    reply = mailgun(services, "m2@example.fi", quoted, **{"In-Reply-To": "<m1@example.fi>"})
    stripped = mailgun(
        services, "m3@example.fi", "whole\n> quoted", **{"stripped-text": "Hallo?",
        "References": "<m1@example.fi> <m2@example.fi>"},
    )  # fmt: skip

    answers = [client.post(MAILGUN, data=f, headers=basic(key)) for f in (reply, stripped)]

    assert [a.status_code for a in answers] == [201, 201]
    (ticket,) = tickets(client, key)
    assert bodies(client, key, ticket["id"]) == ["Missä tilaus?", "Vieläkin odotan.", "Hallo?"]


def test_a_reply_to_an_unseen_message_threads_by_the_first_reference(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    first = postmark("r1@example.fi", "eka")
    first["Headers"].append({"Name": "References", "Value": "<root@kauppa.fi> <x@kauppa.fi>"})
    second = postmark("r2@example.fi", "toka")
    second["Headers"].append({"Name": "References", "Value": "<root@kauppa.fi>"})

    for mail in (first, second):
        assert client.post(POSTMARK, json=mail, headers=auth(key)).status_code == 201

    (ticket,) = tickets(client, key)
    assert ticket["external_id"] == "root@kauppa.fi"


def test_mailgun_with_a_bad_signature_is_refused_and_nothing_is_stored(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    connect_mailgun(services, shop_id)
    forged = mailgun(services, "m1@example.fi", "hei", signature="0" * 64)

    response = client.post(MAILGUN, data=forged, headers=basic(key))

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert "Mailgun signature" in response.json()["detail"]
    assert count_rows(services, TicketMessage) == 0


def test_mailgun_without_a_signing_key_is_refused(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)

    response = client.post(MAILGUN, data=mailgun(services, "m1@x", "hei"), headers=basic(key))

    assert response.status_code == 401
    assert "no Mailgun signing key" in response.json()["detail"]


def test_missing_fields_are_named(client: TestClient, services: Services) -> None:
    shop_id, key = make_shop(services)
    connect_mailgun(services, shop_id)
    no_sender = postmark("m1@x", "hei", FromFull={}, From="")
    no_text = mailgun(services, "m2@x", "")

    answers = [
        client.post(POSTMARK, json=no_sender, headers=auth(key)),
        client.post(MAILGUN, data=no_text, headers=auth(key)),
        client.post(POSTMARK, content=b"{not json", headers=auth(key)),
    ]

    assert [a.status_code for a in answers] == [422, 422, 422]
    assert [a.json()["errors"][0]["location"] for a in answers] == [
        "FromFull.Email", "body-plain", "body",
    ]  # fmt: skip
    assert count_rows(services, TicketMessage) == 0


def test_without_the_shops_api_key_nothing_is_stored(
    client: TestClient, services: Services
) -> None:
    make_shop(services)

    answers = [
        client.post(POSTMARK, json=postmark("m1@x", "hei")),
        client.post(POSTMARK, json=postmark("m1@x", "hei"), headers=basic("gb_wrong_key")),
    ]

    assert [a.status_code for a in answers] == [401, 401]
    assert count_rows(services, TicketMessage) == 0
