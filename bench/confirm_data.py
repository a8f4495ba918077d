"""The confirmation bench's data: a database with a shop whose ladder has no quiet hours,
and many orders held for confirmation written straight into the tables.

One order is posted through the real API in process (decided "confirm", held); its rows
(customer, order, confirmation) are the template that is copied `count` times with new
ids, numbers, phones and links, in the state the ladder leaves an order in after its
first step: confirmation `waiting` at rung 0, the SMS sent and in the outbox, the next
step due at a given time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from fastapi.testclient import TestClient
from sqlalchemy import Table, select, update
from sqlalchemy.engine import Connection

from goodbuyer.app import build_services, create_app
from goodbuyer.confirmations.links import new_link_code
from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.confirmations.statuses import ConfirmationStatus, DeliveryStatus, OutboundChannel
from goodbuyer.db import transaction
from goodbuyer.ids import new_id
from goodbuyer.migrate import upgrade
from goodbuyer.policy import service as policies
from goodbuyer.policy import versions
from goodbuyer.policy.loading import default_policy_text
from goodbuyer.settings import Settings
from goodbuyer.shops.schemas import ShopIn
from goodbuyer.shops.scopes import Scope
from goodbuyer.shops.service import create_shop, issue_api_key
from goodbuyer.store.models import Customer, Order
from goodbuyer.web.deps import Services

CHUNK = 5_000
_QUIET = 'quiet_hours: {start: "21:00", end: "08:00"}'


@dataclass(frozen=True)
class Shop:
    id: uuid.UUID
    slug: str
    key: str  # a write key (bearer secret)
    policy_version: int


def _sqlite_files(url: str) -> list[Path]:
    settings = Settings(database_url=url)
    path = settings.sqlite_path()
    workflows = Path(settings.workflow_database_url().removeprefix("sqlite:///"))
    if path is None:
        return []
    return [Path(f"{p}{end}") for p in (path, workflows) for end in ("", "-wal", "-shm")]


def fresh_databases(url: str) -> None:
    """Drop and create a PostgreSQL database and its workflow database (`<name>_workflows`,
    which DBOS creates on launch); SQLite files are removed (the migrations make them)."""
    drop_databases(url)
    if url.startswith("postgresql"):
        base, _, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')


def drop_databases(url: str) -> None:
    if not url.startswith("postgresql"):
        for path in _sqlite_files(url):
            path.unlink(missing_ok=True)
        return
    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        for db in (name, f"{name}_workflows"):
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def bench_policy_text() -> str:
    """The default policy (SMS, WhatsApp after 4 hours, e-mail after 4 more) without quiet
    hours, so each step is due exactly when the bench says."""
    text = default_policy_text()
    if _QUIET not in text:
        raise RuntimeError("the default policy's quiet hours changed: update bench_policy_text")
    return text.replace(_QUIET, "quiet_hours: null")


def make_shop(services: Services, slug: str) -> Shop:
    now = services.clock.now()
    with transaction(services.sessions) as session:
        data = ShopIn(slug=slug, name=slug.title(), currency="EUR", country="FI",
                      languages=["fi", "en"])  # fmt: skip
        shop = create_shop(session, data, now)
        key = issue_api_key(session, shop.id, "bench", [Scope.WRITE], now).secret
        shop_id = shop.id
    with transaction(services.sessions) as session:
        draft = versions.create_draft(
            session, shop_id, actor="bench", now=now, text=bench_policy_text()
        )
        versions.validate_version(session, shop_id, draft.version, "bench", now)
        policies.activate_version(session, shop_id, draft.version, "bench", now)
        return Shop(shop_id, slug, key, draft.version)


def prepare(url: str, slug: str = "bench") -> tuple[Services, Shop]:
    upgrade(url)
    services = build_services(Settings(database_url=url))
    return services, make_shop(services, slug)


def held_payload(n: int) -> dict[str, Any]:
    """A first cash-on-delivery order of a new customer (the default policy holds it)."""
    return {
        "external_id": f"C-{n}", "number": f"#C{n}",
        "placed_at": "2026-03-01T12:00:00+00:00", "currency": "EUR", "payment_method": "cod",
        "customer": {"name": f"Aino Virtanen{n}", "email": f"aino{n}@example.fi",
                     "phone": f"+35840{n % 10**7:07d}"},
        "shipping_address": {"name": f"Aino Virtanen{n}", "line1": f"Mannerheimintie {n}",
                             "city": "Helsinki", "postcode": "00100", "country": "FI"},
        # A basket of its own: the same basket within the hour is a double order (review).
        "lines": [{"sku": f"TEE-{n}", "product": "T-shirt", "quantity": 2, "unit_price": 1990},
                  {"sku": "CAP-01", "product": "Cap", "quantity": 1, "unit_price": 1500}],
        "shipping": 490,
    }  # fmt: skip


def post_template(services: Services, shop: Shop) -> uuid.UUID:
    """Post one order through the API in process; the id of its (queued) confirmation."""
    app = create_app(services.settings, services)
    with TestClient(app) as client:
        response = client.post("/api/v1/orders", json=held_payload(0),
                               headers={"Authorization": f"Bearer {shop.key}"})  # fmt: skip
    if response.status_code != 201:
        raise RuntimeError(f"the template order was refused: {response.text}")
    order_id = uuid.UUID(response.json()["id"])
    with services.sessions() as session:
        found = session.scalar(select(Confirmation.id).where(Confirmation.order_id == order_id))
    if found is None:
        raise RuntimeError("the template order was not held: is first_cod still 'confirm'?")
    return found


def _row(conn: Connection, table: Table, row_id: uuid.UUID) -> dict[str, Any]:
    return dict(conn.execute(select(table).where(table.c.id == row_id)).mappings().one())


def clone_held(
    services: Services, template: uuid.UUID, count: int, due: Callable[[int], datetime],
    now: datetime,
) -> list[uuid.UUID]:  # fmt: skip
    """`count` held orders at rung 0 (the template is number 0); their confirmation ids."""
    confirmations, orders, customers = (Confirmation.__table__, Order.__table__,
                                        Customer.__table__)  # fmt: skip
    outbox = OutboxMessage.__table__
    ids: list[uuid.UUID] = []
    with services.engine.begin() as conn:
        c0 = _row(conn, confirmations, template)
        o0 = _row(conn, orders, c0["order_id"])
        k0 = _row(conn, customers, c0["customer_id"])
        conn.execute(update(confirmations).where(confirmations.c.id == template)
                     .values(_waiting(due(0), now)))  # fmt: skip
        conn.execute(outbox.insert(), [_sms(c0, o0, now)])
        ids.append(template)
    for start in range(1, count, CHUNK):
        batch = list(_copies(c0, o0, k0, range(start, min(count, start + CHUNK)), due, now))
        with services.engine.begin() as conn:
            conn.execute(customers.insert(), [b[0] for b in batch])
            conn.execute(orders.insert(), [b[1] for b in batch])
            conn.execute(confirmations.insert(), [b[2] for b in batch])
            conn.execute(outbox.insert(), [b[3] for b in batch])
        ids.extend(b[2]["id"] for b in batch)
    return ids


def _waiting(next_due: datetime, now: datetime) -> dict[str, Any]:
    return {"status": ConfirmationStatus.WAITING, "rung": 0, "channel": "sms",
            "next_due_at": next_due, "started_at": now, "updated_at": now}  # fmt: skip


def _copies(
    c0: dict[str, Any], o0: dict[str, Any], k0: dict[str, Any], numbers: range,
    due: Callable[[int], datetime], now: datetime,
) -> Iterator[tuple[dict[str, Any], ...]]:  # fmt: skip
    for n in numbers:
        phone = f"+35840{n % 10**7:07d}"
        email = f"aino{n}@example.fi"
        customer = {**k0, "id": new_id(), "key": email, "name": f"Aino Virtanen{n}"}
        order = {**o0, "id": new_id(), "external_id": f"C-{n}", "number": f"#C{n}",
                 "customer_id": customer["id"], "customer_name": customer["name"],
                 "email": email, "phone": phone, "created_at": now, "updated_at": now}  # fmt: skip
        confirmation = {**c0, "id": new_id(), "order_id": order["id"],
                        "customer_id": customer["id"], "phone": phone,
                        "link_code": new_link_code(), "created_at": now,
                        **_waiting(due(n), now)}  # fmt: skip
        yield customer, order, confirmation, _sms(confirmation, order, now)


def _sms(c: dict[str, Any], o: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The first step's SMS, sent when the order was held (`now`)."""
    sent = now - timedelta(seconds=1)
    return {
        "id": new_id(), "shop_id": c["shop_id"], "idempotency_key": f"confirm:{c['id']}:0",
        "channel": OutboundChannel.SMS, "recipient": c["phone"], "template": "confirm_sms",
        "language": c["language"], "subject": None,
        "body": f"Please confirm your order {o['number']}: https://example.invalid/c/{c['link_code']}",
        "order_id": o["id"], "customer_id": c["customer_id"], "confirmation_id": c["id"],
        "status": DeliveryStatus.SENT, "provider_message_id": f"outbox-confirm:{c['id']}:0",
        "attempts": 1, "last_error": None, "cost": 8, "due_at": sent, "created_at": sent,
        "sent_at": sent, "updated_at": sent,
    }  # fmt: skip


__all__ = ["Shop", "clone_held", "drop_databases", "fresh_databases", "held_payload",
           "make_shop", "post_template", "prepare"]  # fmt: skip
