"""Confirm, cancel and the edit forms over HTTP on both databases: each in one
transaction through the confirmation service, with its audit event, and a clear page for
every refusal (second click, other answer, closed window, stale form)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.audit import AuditEvent
from goodbuyer.clock import FixedClock
from goodbuyer.risk.models import Decision
from goodbuyer.web.deps import Services
from tests.confirmations.page_orders import (
    Held,
    confirmation_row,
    held_order,
    nonce_of,
    order_row,
    use_policy,
)
from tests.factories import auth

SLOTS = 'delivery_slots: ["09:00-12:00", "12:00-17:00"]'


def _post(client: TestClient, held: Held, action: str, **form: str) -> tuple[int, str]:
    nonce = nonce_of(client.get(held.url).text)
    answer = client.post(f"{held.url}/{action}?lang=en", data={"nonce": nonce, **form},
                         follow_redirects=False)  # fmt: skip
    return answer.status_code, answer.text


def _actions(services: Services, held: Held) -> list[str]:
    with services.sessions() as session:
        query = select(AuditEvent.action).where(AuditEvent.order_id == held.order_id)
        return list(session.scalars(query.order_by(AuditEvent.at, AuditEvent.id)))


def _in_window(client: TestClient, services: Services) -> Held:
    return held_order(client, services, language="en",
                      placed_at=services.clock.now() - timedelta(minutes=10))  # fmt: skip


def test_confirm_confirms_the_order_once(client: TestClient, services: Services) -> None:
    held = held_order(client, services, language="en")
    page = client.get(held.url)

    first = client.post(f"{held.url}/confirm", data={"nonce": nonce_of(page.text)})
    second = client.post(f"{held.url}/confirm", data={"nonce": nonce_of(page.text)})

    assert (first.status_code, "Thank you, your order is confirmed" in first.text) == (200, True)
    assert (second.status_code, "This order is already confirmed" in second.text) == (200, True)
    row = confirmation_row(services, held)
    assert (row.status, row.resolved_via, row.delivery_slot) == ("confirmed", "page", None)
    assert order_row(services, held).status == "confirmed"
    assert _actions(services, held).count("confirmation.confirmed") == 1


def test_cancel_after_confirm_is_a_conflict_and_changes_nothing(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services, language="en")
    nonce = nonce_of(client.get(held.url).text)
    client.post(f"{held.url}/confirm", data={"nonce": nonce})

    late = client.post(f"{held.url}/cancel", data={"nonce": nonce})

    assert (late.status_code, "This order is already confirmed" in late.text) == (409, True)
    assert confirmation_row(services, held).status == "confirmed"


def test_cancel_with_a_reason(client: TestClient, services: Services) -> None:
    held = held_order(client, services, language="en")
    nonce = nonce_of(client.get(held.url).text)
    form = {"nonce": nonce, "reason": "ordered twice by mistake"}

    first = client.post(f"{held.url}/cancel", data=form)
    again = client.post(f"{held.url}/cancel", data=form)

    assert (first.status_code, "Your order is cancelled" in first.text) == (200, True)
    assert (again.status_code, "This order is already cancelled" in again.text) == (200, True)
    assert order_row(services, held).status == "cancelled"
    with services.sessions() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "confirmation.cancelled")
        ).one()
    assert (event.actor, event.data["reason"]) == ("customer:page", "ordered twice by mistake")


def test_a_preferred_delivery_slot_is_stored(client: TestClient, services: Services) -> None:
    held = held_order(client, services, language="en")
    use_policy(client, services, held, "delivery_slots: []", SLOTS)
    html = client.get(held.url).text
    assert html.count('type="radio" name="slot"') == 3
    assert "checked" not in html

    status, done = _post(client, held, "confirm", slot="12:00-17:00")

    assert (status, "Preferred delivery time: 12:00-17:00." in done) == (200, True)
    assert confirmation_row(services, held).delivery_slot == "12:00-17:00"


def test_no_preference_is_allowed_and_an_unknown_slot_is_refused(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services, language="en")
    use_policy(client, services, held, "delivery_slots: []", SLOTS)

    refused = _post(client, held, "confirm", slot="03:00-04:00")
    assert refused[0] == 422
    assert "Please choose one of the listed times." in refused[1]
    assert confirmation_row(services, held).status == "queued"
    status, _ = _post(client, held, "confirm", slot="")

    assert status == 200
    assert confirmation_row(services, held).delivery_slot is None


def test_a_form_without_our_nonce_is_refused(client: TestClient, services: Services) -> None:
    held = held_order(client, services, language="en")

    forged = client.post(f"{held.url}/confirm", data={"nonce": "12345.AAAAAAAAAAAAAAAA"})
    missing = client.post(f"{held.url}/cancel")

    assert (forged.status_code, "This page is out of date" in forged.text) == (400, True)
    assert missing.status_code == 400
    assert confirmation_row(services, held).status == "queued"


def test_the_edit_forms_show_only_within_the_window(
    client: TestClient, services: Services, clock: FixedClock
) -> None:
    held = _in_window(client, services)

    assert "You can change the phone number or the address until" in client.get(held.url).text
    clock.advance(timedelta(minutes=51))
    html = client.get(held.url).text

    assert 'name="phone"' not in html
    assert 'name="line1"' not in html


def test_the_phone_changes_within_the_window(client: TestClient, services: Services) -> None:
    held = _in_window(client, services)

    status, _ = _post(client, held, "phone", phone="050 765 4321")
    bad = _post(client, held, "phone", phone="12")

    assert status == 303
    assert (
        client.get(f"{held.url}?lang=en&saved=phone").text.count("The new phone number is saved.")
        == 1
    )
    assert (order_row(services, held).phone, confirmation_row(services, held).phone) == (
        "+358507654321", "+358507654321")  # fmt: skip
    assert bad[0] == 422
    assert "This does not look like a phone number." in bad[1]
    assert "order.phone_changed" in _actions(services, held)


def test_outside_the_window_a_change_gets_a_clear_page(
    client: TestClient, services: Services
) -> None:
    held = held_order(client, services, language="en")  # placed a day ago

    status, html = _post(client, held, "phone", phone="050 765 4321")
    address = _post(client, held, "address", line1="Uusi katu 1", postcode="00100", city="Helsinki")

    assert (status, "Changes are no longer possible here" in html) == (403, True)
    assert address[0] == 403
    assert order_row(services, held).phone == "040 123 4567"


def test_an_address_change_re_checks_and_re_decides(client: TestClient, services: Services) -> None:
    held = _in_window(client, services)

    status, _ = _post(client, held, "address", line1="Aleksanterinkatu 5 A 3", line2="",
                      postcode="00170", city="Helsinki")  # fmt: skip

    assert status == 303
    order = order_row(services, held)
    assert (order.ship_line1, order.ship_postcode, order.status) == (
        "Aleksanterinkatu 5 A 3", "00170", "awaiting_confirmation")  # fmt: skip
    with services.sessions() as session:
        decisions = session.scalars(
            select(Decision.outcome).where(Decision.order_id == held.order_id)
        )
        assert list(decisions) == ["confirm", "confirm"]
    assert confirmation_row(services, held).status == "queued"
    assert "order.address_changed" in _actions(services, held)


def test_an_address_on_the_block_list_hands_the_order_to_the_shop(
    client: TestClient, services: Services
) -> None:
    held = _in_window(client, services)
    blocked = {"kind": "block", "subject": "postcode", "value": "00990", "country": "FI",
               "reason": "parcels never collected"}  # fmt: skip
    assert client.post("/api/v1/lists", json=blocked, headers=auth(held.key)).status_code == 201

    status, html = _post(client, held, "address", line1="Satamatie 1", postcode="00990",
                         city="Helsinki")  # fmt: skip

    assert (status, "The shop is looking at your order" in html) == (200, True)
    row = confirmation_row(services, held)
    assert (row.status, row.resolved_via) == ("closed", "shop")
    assert order_row(services, held).status == "placed"
    assert _actions(services, held)[-1] == "confirmation.closed"
    assert client.get(held.url).status_code == 409


@pytest.mark.parametrize("missing", ["line1", "postcode", "city"])
def test_an_incomplete_address_is_refused(
    client: TestClient, services: Services, missing: str
) -> None:
    held = _in_window(client, services)
    form = {"line1": "Uusi katu 1", "postcode": "00100", "city": "Helsinki"} | {missing: " "}

    status, html = _post(client, held, "address", **form)

    assert (status, "Please fill in the street, postcode and city." in html) == (422, True)
    assert order_row(services, held).ship_line1 == "Mannerheimintie 12 B 7"
