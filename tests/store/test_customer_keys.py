"""The key that finds a guest customer again: the shop's id, else a real e-mail, else a
real phone, else the order itself. Placeholder contact data keys nobody."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from goodbuyer.store.contacts import key_of
from goodbuyer.store.models import Customer, Order
from goodbuyer.web.deps import Services
from tests.factories import auth, count_rows, make_shop, order_payload


@pytest.mark.parametrize(
    ("email", "phone", "key"),
    [
        ("Aino.Virtanen@example.fi", "040 123 4567", "email:aino.virtanen@example.fi"),
        ("aino@example.fi", None, "email:aino@example.fi"),  # a real mailbox, test domain
        (None, "+358 40 123 4567", "phone:+358401234567"),
        (None, "040 123 4567", "phone:0401234567"),  # a real number with a short run
        ("test@test.com", "040 123 4567", "phone:0401234567"),  # the e-mail is skipped
        ("123@123.com", "0123456789", "order:csv:X-1"),
        ("noemail", "1234567", "order:csv:X-1"),
        ("a@a.com", "999999999", "order:csv:X-1"),
        (None, "+358 12345678", "order:csv:X-1"),  # the whole national number is a run
        (None, "00000000", "order:csv:X-1"),
        (None, None, "order:csv:X-1"),
    ],
)
def test_guest_key(email: str | None, phone: str | None, key: str) -> None:
    assert key_of("csv", None, email, phone, "X-1") == key


def test_the_shops_own_customer_id_wins_over_any_contact_data() -> None:
    assert key_of("shopify", "7001", "test@test.com", "1234567", "X-1") == "shopify:7001"


def test_guests_sharing_a_placeholder_email_are_different_customers(
    client: TestClient, services: Services
) -> None:
    _, key = make_shop(services)
    fake = {"name": "test test", "email": "test@test.com", "phone": "0123456789"}
    real = {"name": "Aino Virtanen", "email": "aino@example.fi"}

    for n, customer in enumerate([fake, fake, real, real]):
        body = order_payload(f"G-{n}", customer=customer)
        assert client.post("/api/v1/orders", json=body, headers=auth(key)).status_code == 201

    assert count_rows(services, Order) == 4
    assert count_rows(services, Customer) == 3  # two strangers, and Aino once
