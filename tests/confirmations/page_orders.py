"""Orders held for confirmation, made through the real API, and their page links."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from goodbuyer.confirmations.links import make_token
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.db import transaction
from goodbuyer.policy.loading import default_policy_text
from goodbuyer.shops.models import Shop
from goodbuyer.shops.scopes import Scope
from goodbuyer.store.models import Order
from goodbuyer.web.deps import Services
from tests.factories import auth, make_key, make_shop, order_payload

_NONCE = re.compile(r'name="nonce" value="([^"]+)"')


@dataclass(frozen=True)
class Held:
    shop_id: uuid.UUID
    key: str
    confirmation_id: uuid.UUID
    order_id: uuid.UUID
    token: str

    @property
    def url(self) -> str:
        return f"/c/{self.token}"


def held_order(
    client: TestClient, services: Services, *, language: str = "fi",
    placed_at: datetime | None = None, valid_for: timedelta = timedelta(hours=72),
    **overrides: Any,
) -> Held:  # fmt: skip
    """A shop speaking `language` and English, and a first cash-on-delivery order held for
    confirmation (placed a day before the clock's now unless told)."""
    shop_id, key = make_shop(services)
    with transaction(services.sessions) as session:
        session.get_one(Shop, shop_id).languages = [language, "en"]
    if placed_at is not None:
        later = (placed_at + timedelta(minutes=1)).isoformat()
        overrides |= {"placed_at": placed_at.isoformat(), "updated_at": later}
    body = order_payload(language=language, **overrides)
    made = client.post("/api/v1/orders", json=body, headers=auth(key))
    assert made.status_code == 201, made.text
    with services.sessions() as session:
        confirmation = session.scalars(select(Confirmation)).one()
        secret, now = services.settings.secret_key, services.clock.now()
        token = make_token(secret, confirmation.link_code, 0, now + valid_for)
        return Held(shop_id, key, confirmation.id, confirmation.order_id, token)


def nonce_of(html: str) -> str:
    found = _NONCE.search(html)
    assert found, "the page has no form"
    return found.group(1)


def use_policy(client: TestClient, services: Services, held: Held, old: str, new: str) -> None:
    """Activate a copy of the default policy with one piece of text replaced."""
    admin = make_key(services, held.shop_id, [Scope.ADMIN])
    text = default_policy_text()
    assert old in text
    made = client.post("/api/v1/policy/versions", json={"text": text.replace(old, new)},
                       headers=auth(admin))  # fmt: skip
    assert made.status_code == 201, made.text
    version = made.json()["version"]
    done = client.post(f"/api/v1/policy/versions/{version}/activate", headers=auth(admin))
    assert done.status_code == 200, done.text


def confirmation_row(services: Services, held: Held) -> Confirmation:
    with services.sessions() as session:
        return session.get_one(Confirmation, held.confirmation_id)


def order_row(services: Services, held: Held) -> Order:
    with services.sessions() as session:
        return session.get_one(Order, held.order_id)
