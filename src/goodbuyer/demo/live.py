"""The demo shop keeps trading while it is served: a new order every few seconds (made from
a past order of the shop, with a new customer), and customers who answer the confirmation
messages the worker sends, or do not, and an agent who calls the silent ones until they
land in the ghost box — so a newcomer watches the ladder walk: SMS, WhatsApp, e-mail, call
queue (the /confirmations, /calls and /ghost-box pages)."""

from __future__ import annotations

import hashlib
import logging
import random
import threading
import uuid
from datetime import datetime

from faker import Faker
from sqlalchemy import func, select

from goodbuyer.confirmations import calls
from goodbuyer.confirmations import service as confirmations
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.statuses import CallOutcome, ConfirmationStatus, ResolvedVia
from goodbuyer.db import transaction
from goodbuyer.demo.live_tickets import write_in
from goodbuyer.shops.models import Shop
from goodbuyer.store import service as store
from goodbuyer.store.models import Order, OrderLine
from goodbuyer.store.schemas import AddressIn, CustomerIn, OrderIn, OrderLineIn
from goodbuyer.store.statuses import PaymentMethod
from goodbuyer.web.deps import Services

log = logging.getLogger(__name__)
_LOCALES = {"FI": "fi_FI", "HU": "hu_HU", "CZ": "cs_CZ", "DE": "de_DE", "IL": "he_IL",
            "AE": "ar_AE", "US": "en_US", "ES": "es_ES", "FR": "fr_FR", "PL": "pl_PL"}  # fmt: skip
# What a customer does with the messages, by the step that reached them.
_AGENT = "agent (demo)"
_ANSWERS = (("confirm", 0, 45), ("confirm", 1, 20), ("cancel", 0, 10), ("silent", 9, 25))


def new_order(services: Services, shop_id: uuid.UUID, r: random.Random) -> OrderIn | None:
    """A cash-on-delivery order like a past one of the shop, by a new customer."""
    with services.sessions() as session:
        cod = (Order.shop_id == shop_id, Order.payment_method == PaymentMethod.CASH_ON_DELIVERY)
        count = session.scalar(select(func.count()).select_from(Order).where(*cod))
        if not count:
            return None
        past = session.scalars(
            select(Order).where(*cod).offset(r.randrange(count)).limit(1)
        ).first()
        assert past is not None
        lines = list(session.scalars(select(OrderLine).where(OrderLine.order_id == past.id)))
    fake = Faker(_LOCALES.get(past.ship_country or "", "en_US"))
    fake.seed_instance(r.randrange(1 << 30))
    name = fake.name()
    digits = "".join(c for c in past.phone or "" if c.isdigit())
    phone = (past.phone or "")[:-4] + f"{r.randrange(10_000):04d}" if len(digits) > 6 else None
    ext = f"live-{uuid.uuid4().hex[:10]}"
    now = services.clock.now()
    return OrderIn(
        external_id=ext, number=f"#L{ext[-6:].upper()}", placed_at=now, currency=past.currency,
        payment_method=PaymentMethod.CASH_ON_DELIVERY, language=past.language,
        customer=CustomerIn(name=name, phone=phone,
                            email=f"{fake.user_name()}{r.randrange(100)}@example.com"),
        shipping_address=AddressIn(name=name, line1=fake.street_address()[:200],
                                   city=past.ship_city, postcode=past.ship_postcode,
                                   country=past.ship_country),
        lines=[OrderLineIn(sku=x.sku, product=x.product, size=x.size, colour=x.colour,
                           quantity=x.quantity, unit_price=x.unit_price) for x in lines],
        shipping=past.shipping, tax=past.tax,
    )  # fmt: skip


def answer_messages(services: Services, shop_id: uuid.UUID, now: datetime) -> int:
    """Customers answer once the step their nature waits for has reached them."""
    answered = 0
    with transaction(services.sessions) as session:
        waiting = session.scalars(select(Confirmation).where(
            Confirmation.shop_id == shop_id,
            Confirmation.status == ConfirmationStatus.WAITING, Confirmation.rung >= 0))  # fmt: skip
        for c in waiting:
            action, step = _nature(c.id)
            if action == "silent" or c.rung < step:
                continue
            via = ResolvedVia.PAGE if c.rung % 2 == 0 else ResolvedVia.REPLY
            if action == "confirm":
                confirmations.confirm(session, c, via, now, "customer (demo)")
            else:
                confirmations.cancel(session, c, via, now, "customer (demo)", "changed my mind")
            answered += 1
    return answered


def make_calls(services: Services, shop_id: uuid.UUID, now: datetime) -> int:
    """The demo's agent calls whoever is due: a silent customer never picks up (the ghost
    box after the policy's attempts); the others confirm on the phone."""
    made = 0
    while made < 5:
        with transaction(services.sessions) as session:
            c = calls.claim_next(session, shop_id, _AGENT, now)
            if c is None:
                return made
            silent = _nature(c.id)[0] == "silent"
            outcome = CallOutcome.NO_ANSWER if silent else CallOutcome.CONFIRMED
            calls.record_call(session, shop_id, c.id, _AGENT, outcome, "", None, now)
        made += 1
    return made


def _nature(confirmation_id: uuid.UUID) -> tuple[str, int]:
    roll = hashlib.sha256(confirmation_id.bytes).digest()[0] * 100 // 256
    for action, step, share in _ANSWERS:
        if roll < share:
            return action, step
        roll -= share
    return "silent", 9


def keep_trading(
    services: Services, slug: str, stop: threading.Event, every: float = 12.0, seed: int = 7
) -> None:
    """Until `stop`: a new order every `every` seconds (and a customer message every
    third); answers and calls every two."""
    r = random.Random(seed)
    with services.sessions() as session:
        shop_id = session.scalar(select(Shop.id).where(Shop.slug == slug))
    if shop_id is None:
        return
    next_order, orders = 0.0, 0
    while not stop.wait(2.0):
        now = services.clock.now()
        answer_messages(services, shop_id, now)
        make_calls(services, shop_id, now)
        next_order -= 2.0
        if next_order > 0:
            continue
        next_order = every
        order = new_order(services, shop_id, r)
        if order is not None:
            with transaction(services.sessions) as session:
                store.ingest_order(session, shop_id, "api", order, now, "demo shop")
        orders += 1
        if orders % 3 == 0:  # a customer writes in about every third order
            write_in(services, shop_id, r)


__all__ = ["answer_messages", "keep_trading", "new_order"]
