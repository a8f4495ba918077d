"""A live decision reads the same features from the database as the replay builds for the
same order at the same moment (the backtest and the model train on the replay's)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.demo.loading import load_demo_shop
from goodbuyer.identity.history import household_of
from goodbuyer.identity.models import IdentityKey
from goodbuyer.identity.persons import person_and_members
from goodbuyer.identity.snapshot import VELOCITY_KEYS, IdentitySnapshot, load_snapshot
from goodbuyer.risk.events import OrderRow
from goodbuyer.risk.facts import Money
from goodbuyer.risk.features import Context, Velocity, customer_features, order_features
from goodbuyer.risk.live import facts_before, keys_of, velocity_of
from goodbuyer.risk.replay import NO_HOUSE_NUMBER, replay
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.store.models import Order
from goodbuyer.web.deps import Services

# Counted apart below: the replay counts an order twice when its customer record holds the
# same key twice (two records with the same phone).
PER_KEY = ("velocity.phone_24h", "velocity.email_24h", "velocity.address_24h")


def _per_key_counts(session: Session) -> dict[uuid.UUID, dict[str, int]]:
    """Velocity per contact key by brute force: distinct orders of any customer record with
    the key, in the 24 hours up to each order, the order itself included."""
    holders: dict[tuple[str, str], set[uuid.UUID]] = defaultdict(set)
    keys: dict[uuid.UUID, set[tuple[str, str]]] = defaultdict(set)
    for customer, kind, key in session.execute(
        select(IdentityKey.customer_id, IdentityKey.kind, IdentityKey.key)
    ):
        if kind in VELOCITY_KEYS:
            holders[(kind, key)].add(customer)
            keys[customer].add((kind, key))
    orders = session.execute(select(Order.id, Order.customer_id, Order.placed_at)).all()
    by_customer: dict[uuid.UUID, list[tuple[uuid.UUID, datetime]]] = defaultdict(list)
    for order_id, customer, at in orders:
        by_customer[customer].append((order_id, at))
    counts: dict[uuid.UUID, dict[str, int]] = {}
    for order_id, customer, at in orders:
        found = dict.fromkeys(PER_KEY, 1)
        for kind, key in keys[customer]:
            others = {o for c in holders[(kind, key)] for o, t in by_customer[c]
                      if o != order_id and at - timedelta(days=1) <= t <= at}  # fmt: skip
            name = f"velocity.{VELOCITY_KEYS[kind]}_24h"
            found[name] = max(found[name], 1 + len(others))
        counts[order_id] = found
    return counts


def context_of(snap: IdentitySnapshot, row: OrderRow, velocity: Velocity) -> Context:
    """The order's context as a live decision builds it from its stored check."""
    score, codes = snap.ghosts.get(row.order_id, (0.0, ()))
    return Context(country=row.country, has_house_number=not NO_HOUSE_NUMBER & set(codes),
                   velocity=velocity, ghost_score=score, ghost_signals=codes)  # fmt: skip


def test_live_features_equal_the_replayed_ones(services: Services, tmp_path: Path) -> None:
    shop = load_demo_shop(services, tmp_path / "demo", customers=60, orders=300, seed=7)
    money = Money()
    compared = with_history = with_after_sales = with_velocity = 0
    with services.sessions() as session:
        shop_id = get_shop_by_slug(session, shop.slug).id
        snap = load_snapshot(session, shop_id)
        per_key = _per_key_counts(session)
        for replayed in replay(session, shop_id, money):
            row, at = replayed.row, replayed.row.placed.placed_at
            _, members = person_and_members(session, row.customer_id)
            household = household_of(session, members)
            known = facts_before(session, shop_id, money, members, household, row.order_id,
                                 at, at)  # fmt: skip
            velocity = velocity_of(session, shop_id, known.person, row.placed,
                                   keys_of(session, [row.customer_id]))  # fmt: skip
            live = order_features(row.placed, known.person, known.household,
                                  context_of(snap, row, velocity))  # fmt: skip

            assert customer_features(known.person, at) == replayed.customer, row.number
            expected = {k: v for k, v in replayed.features.items() if k not in PER_KEY}
            assert {k: v for k, v in live.items() if k not in PER_KEY} == expected, row.number
            assert {k: live[k] for k in PER_KEY} == per_key[row.order_id], row.number
            compared += 1
            with_history += bool(known.person.placed)
            with_after_sales += bool(known.person.returns or known.person.tickets)
            with_velocity += any(live[k] != 1 for k in PER_KEY)
    assert compared == 300
    assert with_history > 100
    assert with_after_sales > 10
    assert with_velocity > 5
