"""Plain functions that give a test shop a history: orders of people who pay and of
people who refuse, stored as a backfill and linked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from goodbuyer.identity.backfill import link_unchecked
from goodbuyer.store.schemas import OrderIn
from goodbuyer.store.service import ingest_orders
from goodbuyer.web.deps import Services
from tests.factories import order_payload

T0 = datetime(2025, 1, 1, 12, tzinfo=UTC)


def at(days: float) -> str:
    return (T0 + timedelta(days=days)).isoformat()


def order(external_id: str, placed: float, known: float, **changes: Any) -> dict[str, Any]:
    """An order placed `placed` days after T0 whose last update came `known` days after."""
    return order_payload(external_id, placed_at=at(placed), updated_at=at(known), **changes)


def ending(status: str) -> dict[str, str]:
    paid = {"delivered": "paid", "refused": "unpaid", "placed": "pending"}[status]
    return {"status": status, "payment_status": paid}


_NAMES = ("Aino Virtanen", "Eero Korhonen", "Liisa Mäkinen", "Matti Nieminen", "Sanna Laine")


def buyer(i: int) -> dict[str, Any]:
    """A real-looking person of their own."""
    name = _NAMES[i % len(_NAMES)]
    email = f"{name.lower().replace(' ', '.').replace('ä', 'a')}{i}@gmail.com"
    return {"customer": {"name": name, "email": email, "phone": f"+35840{1000000 + i}"}}


def ghost(i: int) -> dict[str, Any]:
    """Contact data typed not to be found."""
    return {"customer": {"name": "test test", "email": f"asdf{i}@mailinator.com", "phone": "123"},
            "shipping_address": {"line1": "asdf", "city": "x", "postcode": "1",
                                 "country": "FI"}}  # fmt: skip


def cod_history(orders: int) -> list[dict[str, Any]]:
    """Cash-on-delivery orders a day apart: every fourth from a ghost, refused; the rest
    delivered and paid. Each outcome is known two days after the order."""
    found = []
    for i in range(orders):
        bad = i % 4 == 0
        person = ghost(i) if bad else buyer(i)
        found.append(
            order(f"h{i}", i, i + 2, **person, **ending("refused" if bad else "delivered"))
        )
    return found


def store(services: Services, shop_id: Any, payloads: list[dict[str, Any]]) -> None:
    """Store the orders as a backfill would, then link and check them."""
    with services.write() as session:
        orders = [OrderIn.model_validate(p) for p in payloads]
        ingest_orders(session, shop_id, "csv", orders, services.clock.now(), "test")
    link_unchecked(services.sessions, shop_id, services.clock, "test")
