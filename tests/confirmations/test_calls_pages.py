"""The agents' pages: the call queue, the ghost box and the confirmations with the funnel."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from goodbuyer.clock import FixedClock
from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.shops.scopes import Scope
from goodbuyer.web.deps import Services
from tests.confirmations.call_queue_data import held_order, queued_call, sent_message
from tests.factories import make_key, make_shop


def _sign_in(client: TestClient, key: str) -> None:
    response = client.post("/login", data={"api_key": key}, follow_redirects=False)
    assert response.status_code == 303


def test_pages_ask_for_sign_in(client: TestClient) -> None:
    for path in ("/calls", "/ghost-box", "/confirmations"):
        response = client.get(path, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/login")


def test_take_next_shows_the_full_phone_and_an_outcome_is_recorded(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    _, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    sent_message(services, confirmation_id, OutboundChannel.SMS, cost=8)
    _sign_in(client, key)
    queue = client.get("/calls").text
    assert "#1000" in queue
    assert "+358•••••••00" in queue
    assert "+358405550000" not in queue

    taken = client.post("/calls/next", follow_redirects=False)
    page = client.get("/calls").text

    assert (taken.status_code, taken.headers["location"]) == (303, "/calls")
    assert "Your call: order #1000" in page
    assert 'href="tel:+358405550000"' in page
    assert "Please confirm your order (sms)" in page
    form = {"outcome": "no_answer", "note": "rang out"}
    done = client.post(f"/calls/{confirmation_id}/outcome", data=form, follow_redirects=False)
    assert done.status_code == 303
    after = client.get("/calls").text
    assert "Your call" not in after
    assert "Nobody is due for a call." in after
    assert "1 more in the queue" in after
    clock.advance(timedelta(minutes=120))
    assert "#1000" in client.get("/calls").text


def test_an_empty_queue_says_so(client: TestClient, services: Services) -> None:
    _, key = make_shop(services)
    _sign_in(client, key)

    response = client.post("/calls/next")

    assert response.url.path == "/calls"
    assert "Nobody is due for a call now." in response.text


def test_a_refused_outcome_shows_the_queue_again_with_why(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 0)
    _sign_in(client, key)
    client.post("/calls/next")

    form = {"outcome": "call_back", "call_back_at": "2026-03-01T10:00"}
    response = client.post(f"/calls/{confirmation_id}/outcome", data=form)

    assert response.status_code == 422
    assert "a call back needs a time in the future" in response.text


def test_a_call_back_time_is_read_in_the_shops_time_zone(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services, timezone="Europe/Helsinki")
    confirmation_id = queued_call(client, key, services, 0)
    _sign_in(client, key)
    client.post("/calls/next")

    client.post(f"/calls/{confirmation_id}/outcome",
                data={"outcome": "call_back", "call_back_at": "2026-03-02T18:00"})  # fmt: skip

    detail = client.get(f"/api/v1/confirmations/{confirmation_id}",
                        headers={"Authorization": f"Bearer {key}"}).json()  # fmt: skip
    assert detail["confirmation"]["call_due_at"] == "2026-03-02T16:00:00Z"


def test_a_read_only_key_cannot_take_calls(client: TestClient, services: Services) -> None:
    shop_id, key = make_shop(services)
    queued_call(client, key, services, 0)
    _sign_in(client, make_key(services, shop_id, [Scope.READ]))

    page = client.get("/calls").text
    response = client.post("/calls/next")

    assert "Take next" not in page
    assert response.status_code == 403
    assert "this key may only read" in response.text


def test_an_empty_ghost_box_says_how_orders_come_there(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    _sign_in(client, key)

    page = client.get("/ghost-box").text

    assert "Nobody is in the ghost box" in page
    assert "the last of 3 calls goes unanswered" in page
    assert 'href="/calls"' in page


def test_the_ghost_box_lists_customers_with_masked_phones(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    confirmation_id = queued_call(client, key, services, 2)
    _sign_in(client, key)
    client.post("/calls/next")
    client.post(f"/calls/{confirmation_id}/outcome", data={"outcome": "wrong_number"})

    page = client.get("/ghost-box").text

    assert "Nobody is in the ghost box" not in page
    assert "Chloé Martin" in page
    assert "+358•••••••02" in page
    assert "#1002" in page


def test_confirmations_show_messages_the_funnel_and_refresh_on_request(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    waiting = held_order(client, key, services, 0)
    queued_call(client, key, services, 1)
    sent_message(services, waiting, OutboundChannel.WHATSAPP, cost=5)
    _sign_in(client, key)

    every = client.get("/confirmations").text
    calling = client.get("/confirmations", params={"status": "calling"}).text
    refreshing = client.get("/confirmations", params={"refresh": "true"}).text

    assert "Please confirm your order (whatsapp)" in every
    assert every.count('class="card" aria-labelledby="c-') == 2
    assert calling.count('class="card" aria-labelledby="c-') == 1
    assert "Order #1001" in calling
    assert '<meta http-equiv="refresh" content="5">' in refreshing
    assert "http-equiv" not in every
    assert "<dt>Held for confirmation</dt><dd>2</dd>" in every
