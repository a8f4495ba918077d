"""The call queue over HTTP: scopes, problem+json conflicts, masked and full phones,
the ghost box and one confirmation's timeline."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from goodbuyer.clock import FixedClock
from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.shops.scopes import Scope
from goodbuyer.web.deps import Services
from tests.confirmations.call_queue_data import (
    held_order,
    in_call_queue,
    queued_call,
    sent_message,
)
from tests.factories import auth, make_key, make_shop

BASE = "/api/v1/confirmations"


def test_the_queue_shows_the_order_history_flags_and_messages_with_the_phone_masked(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    confirmation_id = held_order(client, key, services, 3)
    sent_message(services, confirmation_id, OutboundChannel.SMS, cost=8)
    in_call_queue(services, confirmation_id)

    response = client.get(f"{BASE}/queue", headers=auth(key))

    assert response.status_code == 200, response.text
    [entry] = response.json()["items"]
    assert entry["confirmation"]["phone"] == "+358•••••••03"
    assert entry["order"] | {"order_id": None, "placed_at": None} == {
        "order_id": None, "number": "#1003", "status": "awaiting_confirmation", "total": 5970,
        "currency": "EUR", "items": 3, "placed_at": None, "customer_name": "Dario Rossi",
    }  # fmt: skip
    assert entry["history"] == {
        "orders": 1, "delivered": 0, "refused": 0, "returned_to_origin": 0, "unpaid": 0,
        "cancelled": 0, "chargebacks": 0, "returns": 0, "ghost_box": 0,
        "first_order_at": "2026-03-01T12:00:00Z",
    }  # fmt: skip
    assert entry["flags"]["outcome"] == "confirm"
    assert entry["flags"]["reasons"] != []
    assert [(m["channel"], m["cost"], m["status"]) for m in entry["messages"]] == [
        ("sms", 8, "sent")
    ]
    assert response.json()["next_cursor"] is None


def test_claim_next_shows_the_phone_in_full_and_an_empty_queue_answers_204(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    other = make_key(services, shop_id, [Scope.WRITE])
    confirmation_id = queued_call(client, key, services, 0)

    first = client.post(f"{BASE}/queue/claim-next", headers=auth(key))
    second = client.post(f"{BASE}/queue/claim-next", headers=auth(other))

    assert first.status_code == 200, first.text
    assert first.json()["confirmation"]["id"] == str(confirmation_id)
    assert first.json()["confirmation"]["phone"] == "+358405550000"
    assert first.json()["confirmation"]["claimed_by"] == "api-key:test"
    assert second.status_code == 204
    assert client.get(f"{BASE}/queue", headers=auth(key)).json()["items"] == []


def test_claiming_an_order_held_by_another_key_is_a_409_problem(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    other = make_key(services, shop_id, [Scope.WRITE])
    confirmation_id = queued_call(client, key, services, 0)
    assert client.post(f"{BASE}/{confirmation_id}/claim", headers=auth(key)).status_code == 200

    response = client.post(f"{BASE}/{confirmation_id}/claim", headers=auth(other))
    outcome = client.post(f"{BASE}/{confirmation_id}/outcome", headers=auth(other),
                          json={"outcome": "confirmed"})  # fmt: skip

    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "agent api-key:test is on this order until 09:45 UTC"
    assert outcome.status_code == 409
    assert outcome.json()["detail"] == "claim this order first: it is held by api-key:test"


def test_a_read_key_sees_the_queue_but_cannot_claim(client: TestClient, services: Services) -> None:
    shop_id, key = make_shop(services)
    reader = make_key(services, shop_id, [Scope.READ])
    queued_call(client, key, services, 0)

    assert client.get(f"{BASE}/queue", headers=auth(reader)).status_code == 200
    response = client.post(f"{BASE}/queue/claim-next", headers=auth(reader))

    assert response.status_code == 403
    assert response.json()["detail"] == "this API key lacks the 'write' scope"


def test_outcomes_over_http_end_in_the_ghost_box_listed_newest_first(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    _, key = make_shop(services)
    older = queued_call(client, key, services, 0)
    newer = queued_call(client, key, services, 1)
    for confirmation_id in (older, newer):
        client.post(f"{BASE}/{confirmation_id}/claim", headers=auth(key))
        body = {"outcome": "wrong_number", "note": "a bakery answered"}
        done = client.post(f"{BASE}/{confirmation_id}/outcome", headers=auth(key), json=body)
        assert done.status_code == 200, done.text
        assert done.json()["status"] == "ghost"
        clock.advance(timedelta(minutes=5))

    first = client.get(f"{BASE}/ghost-box", params={"limit": 1}, headers=auth(key)).json()
    rest = client.get(f"{BASE}/ghost-box", params={"limit": 1, "cursor": first["next_cursor"]},
                      headers=auth(key)).json()  # fmt: skip

    assert [g["confirmation_id"] for g in first["items"] + rest["items"]] == [
        str(newer),
        str(older),
    ]
    assert rest["next_cursor"] is None
    assert first["items"][0] | {"confirmation_id": None, "order_id": None,
                                "customer_id": None} == {
        "confirmation_id": None, "order_id": None, "customer_id": None, "number": "#1001",
        "total": 5970, "currency": "EUR", "customer_name": "Bence Kovács",
        "phone": "+358•••••••01", "call_attempts": 1, "at": "2026-03-02T09:35:00Z",
    }  # fmt: skip


def test_a_call_back_without_a_time_is_a_422_naming_the_field(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    client.post(f"{BASE}/{confirmation_id}/claim", headers=auth(key))

    response = client.post(f"{BASE}/{confirmation_id}/outcome", headers=auth(key),
                           json={"outcome": "call_back"})  # fmt: skip

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"location": "call_back_at", "message": "must be later than now"}
    ]


def test_one_confirmation_shows_its_timeline(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    client.post(f"{BASE}/{confirmation_id}/claim", headers=auth(key))
    client.post(f"{BASE}/{confirmation_id}/outcome", headers=auth(key),
                json={"outcome": "call_back", "call_back_at": "2026-03-02T15:00:00+00:00",
                      "note": "at work until three"})  # fmt: skip

    response = client.get(f"{BASE}/{confirmation_id}", headers=auth(key))

    assert response.status_code == 200, response.text
    body = response.json()
    assert [c["outcome"] for c in body["calls"]] == ["call_back"]
    assert body["calls"][0]["note"] == "at work until three"
    assert body["confirmation"]["call_due_at"] == "2026-03-02T15:00:00Z"
    actions = [e["action"] for e in body["events"]]
    assert actions[-4:] == ["confirmation.queued", "confirmation.calling",
                            "confirmation.claimed", "confirmation.call_recorded"]  # fmt: skip


def test_the_list_filters_by_status(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    held = held_order(client, key, services, 0)
    calling = queued_call(client, key, services, 1)

    every = client.get(BASE, headers=auth(key)).json()["items"]
    only = client.get(BASE, params={"status": "calling"}, headers=auth(key)).json()["items"]

    assert [r["confirmation"]["id"] for r in every] == [str(calling), str(held)]
    assert [r["confirmation"]["id"] for r in only] == [str(calling)]
