"""Plain functions for the push tests: a shop connected to the fake, Shopify orders."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from goodbuyer.db import transaction
from goodbuyer.policy.document import Limit, LimitKind, Perk, PerkKind
from goodbuyer.risk.models import TagPush
from goodbuyer.risk.statuses import Outcome
from goodbuyer.shopify.service import connect_shop, queue_decision_tags
from goodbuyer.store.schemas import OrderIn
from goodbuyer.store.service import ingest_orders
from goodbuyer.store.sources.shopify import order_from_shopify
from goodbuyer.web.deps import Services
from tests.factories import make_shop, order_payload
from tests.shopify.conftest import DOMAIN, TOKEN
from tests.store.platform_payloads import fixture

ORDER_ID = "5731284920394"  # the fixture's Shopify order id
CUSTOMER_ID = "7402183749120"  # and its customer's
ORDER = f"gid://shopify/Order/{ORDER_ID}"
CUSTOMER = f"gid://shopify/Customer/{CUSTOMER_ID}"


def connected_shop(services: Services, slug: str = "kauppa", token: str = TOKEN) -> uuid.UUID:
    shop_id, _ = make_shop(services, slug)
    with transaction(services.sessions) as session:
        connect_shop(session, shop_id, domain=DOMAIN, token=token, now=services.clock.now(),
                     actor="test")  # fmt: skip
    return uuid.UUID(str(shop_id))


def shopify_order(services: Services, shop_id: Any, **changes: Any) -> uuid.UUID:
    """The fixture's cash-on-delivery order as its webhook stores it."""
    payload = {**fixture("shopify/orders_create_cod_hu.json"), **changes}
    with transaction(services.sessions) as session:
        results = ingest_orders(session, shop_id, "shopify", [order_from_shopify(payload)],
                                services.clock.now(), "test")  # fmt: skip
    return results[0].id


def api_order(services: Services, shop_id: Any) -> uuid.UUID:
    with transaction(services.sessions) as session:
        order = OrderIn.model_validate(order_payload("2001"))
        results = ingest_orders(session, shop_id, "api", [order], services.clock.now(), "test")
    return results[0].id


def decide(
    services: Services,
    shop_id: Any,
    order_id: uuid.UUID,
    outcome: Outcome = Outcome.CONFIRM,
    segments: tuple[str, ...] = ("refuser",),
    perks: tuple[Perk, ...] = (),
    limits: tuple[Limit, ...] = (Limit(kind=LimitKind.NO_COD),),
) -> int:
    """What the decision service does in the order's transaction."""
    with transaction(services.sessions) as session:
        return queue_decision_tags(session, shop_id, order_id, outcome=outcome,
                                   segments=segments, perks=perks, limits=limits,
                                   now=services.clock.now())  # fmt: skip


def vip(services: Services, shop_id: Any, order_id: uuid.UUID) -> int:
    return decide(services, shop_id, order_id, Outcome.APPROVE, ("vip",),
                  (Perk(kind=PerkKind.FREE_SHIPPING),), ())  # fmt: skip


def pushes(services: Services) -> list[TagPush]:
    with services.sessions() as session:
        query = select(TagPush).order_by(TagPush.created_at, TagPush.id)
        return list(session.scalars(query))
