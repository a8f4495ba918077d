"""A backfill links in memory exactly as orders arriving one at a time are linked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.identity import backfill
from goodbuyer.identity.backfill import link_unchecked
from goodbuyer.identity.models import OrderCheck, PersonMember
from goodbuyer.store.models import Order
from goodbuyer.store.schemas import OrderIn
from goodbuyer.store.service import ingest_orders
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload

_TAMPERE = {"line1": "Hämeenkatu 1", "city": "Tampere", "postcode": "33100", "country": "FI"}
_PEOPLE: list[tuple[str, dict[str, Any]]] = [
    ("1", {"status": "refused", "payment_status": "unpaid"}),
    ("2", {"customer": {"name": "Aino Virtanen", "email": "aino@uusi.fi",
                        "phone": "+358401234567"}}),
    ("3", {"customer": {"name": "Eero Virtanen", "email": "eero@example.fi",
                        "phone": "0507654321"}}),
    ("4", {"customer": {"name": "Matti Meikäläinen", "email": "matti@example.fi",
                        "phone": "044 111 2222"}, "shipping_address": _TAMPERE}),
    ("5", {"customer": {"name": "Virtanen Aino", "email": "AINO@uusi.fi", "phone": ""}}),
    ("6", {"customer": {"name": "test test", "email": "asdf@mailinator.com", "phone": "123"}}),
]  # fmt: skip


def _payloads() -> list[dict[str, Any]]:
    found = []
    for day, (external_id, changes) in enumerate(_PEOPLE, start=1):
        placed = datetime(2026, 3, day, 12, tzinfo=UTC).isoformat()
        found.append(order_payload(external_id, placed_at=placed, updated_at=placed, **changes))
    return found


def _outcome(services: Services, shop_id: Any) -> tuple[set[frozenset[str]], dict[str, Any]]:
    with services.sessions() as session:
        orders = dict(
            session.execute(
                select(Order.id, Order.external_id).where(Order.shop_id == shop_id)
            ).all()
        )
        persons: dict[Any, set[str]] = {}
        checks: dict[str, Any] = {}
        for check in session.scalars(select(OrderCheck).where(OrderCheck.shop_id == shop_id)):
            persons.setdefault(check.person_id, set())
            checks[orders[check.order_id]] = (
                check.history["orders"], check.history["household_orders"],
                check.history["outcomes"], [f["code"] for f in check.red_flags],
                [s["code"] for s in check.ghost_signals], check.ghost_score,
            )  # fmt: skip
        customers = dict(
            session.execute(
                select(Order.external_id, Order.customer_id).where(Order.shop_id == shop_id)
            ).all()
        )
        member = dict(
            session.execute(select(PersonMember.customer_id, PersonMember.person_id)).all()
        )
    clusters: dict[Any, set[str]] = {}
    for external_id, customer in customers.items():
        clusters.setdefault(member.get(customer, customer), set()).add(external_id)
    return {frozenset(c) for c in clusters.values()}, checks


@pytest.mark.parametrize("helper_from", [1_000_000, 0], ids=["one-process", "ghosts-in-helper"])
def test_backfill_gives_the_same_persons_and_checks_as_one_at_a_time(
    client: TestClient, services: Services, monkeypatch: pytest.MonkeyPatch, helper_from: int
) -> None:
    monkeypatch.setattr(backfill, "HELPER_FROM", helper_from)
    live_shop, key = make_shop(services, "live")
    for payload in _payloads():
        assert client.post("/api/v1/orders", json=payload, headers=auth(key)).status_code == 201
    backfilled_shop, _ = make_shop(services, "backfilled")
    now = datetime(2026, 4, 1, tzinfo=UTC)
    with services.write() as session:
        orders = [OrderIn.model_validate(p) for p in _payloads()]
        ingest_orders(session, backfilled_shop, "csv", orders, now, "csv")
    assert link_unchecked(services.sessions, backfilled_shop, services.clock, "test") == 6
    live, backfilled = _outcome(services, live_shop), _outcome(services, backfilled_shop)
    assert live == backfilled
    clusters, checks = live
    assert frozenset({"1", "2", "5"}) in clusters
    assert checks["2"][3] == ["refused"]
    assert checks["3"][3] == ["refused_household"]
    assert checks["6"][5] > 0.9
    assert link_unchecked(services.sessions, backfilled_shop, services.clock, "test") == 0
