"""The served demo keeps trading: new held orders, customers who answer, an agent who
calls the silent ones into the ghost box."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.statuses import ConfirmationStatus
from goodbuyer.db import transaction
from goodbuyer.demo import live
from goodbuyer.store import service as store
from goodbuyer.web.deps import Services
from tests.confirmations.ladder_support import new_customer
from tests.factories import auth, make_shop, order_payload


def test_a_new_order_is_like_a_past_one_by_a_new_customer_and_is_held(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    assert (
        client.post("/api/v1/orders", json=order_payload("1"), headers=auth(key)).status_code == 201
    )

    made = live.new_order(services, shop_id, random.Random(3))

    assert made is not None
    assert made.external_id.startswith("live-")
    assert [line.sku for line in made.lines] == ["TEE-M-BLK", "CAP-01"]
    assert made.customer.name != "Aino Virtanen"
    with transaction(services.sessions) as session:
        stored = store.ingest_order(session, shop_id, "api", made, services.clock.now(), "demo")
    with services.sessions() as session:
        held = session.scalar(select(Confirmation).where(Confirmation.order_id == stored.id))
    assert held is not None


def _confirmations(services: Services) -> list[uuid.UUID]:
    with services.sessions() as session:
        return list(session.scalars(select(Confirmation.id)))


def test_the_silent_end_in_the_ghost_box_and_the_others_answer(
    client: TestClient, services: Services
) -> None:
    shop_id, key = make_shop(services)
    n = 0
    # A customer's nature follows from the confirmation's (random) id: orders come until
    # there are twelve and at least one silent customer among them.
    while n < 12 or not any(live._nature(c)[0] == "silent" for c in _confirmations(services)):
        payload = order_payload(f"{n}", **new_customer(n))
        assert client.post("/api/v1/orders", json=payload, headers=auth(key)).status_code == 201
        n += 1
    with transaction(services.sessions) as session:
        for c in session.scalars(select(Confirmation)):
            c.status, c.rung = ConfirmationStatus.WAITING, 2  # every message went out
    now = services.clock.now()

    live.answer_messages(services, shop_id, now)
    with transaction(services.sessions) as session:
        for c in session.scalars(select(Confirmation).where(Confirmation.status == "waiting")):
            c.status, c.call_due_at = ConfirmationStatus.CALLING, now  # the ladder is over
    for attempt in range(3):  # every silent one is called three times, hours apart
        while live.make_calls(services, shop_id, now + timedelta(hours=3 * attempt)):
            pass

    with services.sessions() as session:
        found = {c.id: c.status for c in session.scalars(select(Confirmation))}
    for confirmation_id, status in found.items():
        action, _ = live._nature(confirmation_id)
        expected = {"confirm": ConfirmationStatus.CONFIRMED, "cancel": ConfirmationStatus.CANCELLED,
                    "silent": ConfirmationStatus.GHOST}[action]  # fmt: skip
        assert status is expected
    assert len(found) == n
    assert ConfirmationStatus.GHOST in found.values()
