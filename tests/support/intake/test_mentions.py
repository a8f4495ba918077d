"""Social mentions (R6.5): a public post becomes a ticket on the social channel, marked
public, stored once per platform and post id."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.support.models import TicketMessage
from goodbuyer.web.deps import Services
from tests.factories import auth, count_rows, make_shop

MENTIONS = "/api/v1/mentions"


def mention(post_id: str, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "platform": "instagram",
        "post_id": post_id,
        "author_handle": "@aino.v",
        "url": f"https://www.instagram.com/p/{post_id}/",
        "text": text,
        "posted_at": "2026-03-05T09:00:00Z",
        **extra,
    }


def test_a_mention_becomes_a_public_social_ticket_once(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    post = mention("C1", "@kauppa tilaukseni on kadonnut, kukaan ei vastaa 😡")

    answers = [client.post(MENTIONS, json=post, headers=auth(key)) for _ in "ab"]

    assert [a.status_code for a in answers] == [201, 200]
    (ticket,) = client.get("/api/v1/tickets", headers=auth(key)).json()
    assert ticket["channel"] == "social"
    assert "public" in ticket["tags"]
    detail = client.get(f"/api/v1/tickets/{ticket['id']}", headers=auth(key)).json()
    assert detail["messages"][0]["author_name"] == "@aino.v"
    assert count_rows(services, TicketMessage) == 1


def test_comments_of_one_author_on_one_post_share_a_ticket(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    first = mention("C1", "¿Dónde está mi pedido?", thread_id="P9")
    second = mention("C2", "¿Hola? Nadie contesta.", thread_id="P9")
    other = mention("C3", "Me too", thread_id="P9", author_handle="someone")

    for post in (first, second, other):
        assert client.post(MENTIONS, json=post, headers=auth(key)).status_code == 201

    tickets = client.get("/api/v1/tickets", headers=auth(key)).json()
    assert sorted(t["external_id"] for t in tickets) == [
        "instagram:aino.v:P9", "instagram:someone:P9",
    ]  # fmt: skip


def test_bad_mentions_are_refused_naming_the_field(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    answers = [
        client.post(MENTIONS, json=mention("C1", ""), headers=auth(key)),
        client.post(MENTIONS, json=mention("C1", "x", platform="Insta Gram"), headers=auth(key)),
        client.post(MENTIONS, json=mention("C1", "x", posted_at="2026-03-05"), headers=auth(key)),
    ]

    assert [a.status_code for a in answers] == [422, 422, 422]
    assert [a.json()["errors"][0]["location"] for a in answers] == [
        "body.text", "body.platform", "body.posted_at",
    ]  # fmt: skip
    assert count_rows(services, TicketMessage) == 0
