"""A live decision reads the same features from the database as the replay builds for the
same order at the same moment (the backtest and the model train on the replay's)."""

from __future__ import annotations

from pathlib import Path

from goodbuyer.demo.loading import load_demo_shop
from goodbuyer.identity.history import household_of
from goodbuyer.identity.persons import person_and_members
from goodbuyer.identity.snapshot import load_snapshot
from goodbuyer.risk.facts import Money
from goodbuyer.risk.features import Context, customer_features, order_features
from goodbuyer.risk.live import facts_before, keys_of, velocity_of
from goodbuyer.risk.replay import context_of, replay
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.web.deps import Services


def test_live_features_equal_the_replayed_ones(services: Services, tmp_path: Path) -> None:
    shop = load_demo_shop(services, tmp_path / "demo", customers=60, orders=300, seed=7)
    money = Money()
    compared = with_history = with_after_sales = 0
    with services.sessions() as session:
        shop_id = get_shop_by_slug(session, shop.slug).id
        snap = load_snapshot(session, shop_id)
        for replayed in replay(session, shop_id, money):
            row, at = replayed.row, replayed.row.placed.placed_at
            _, members = person_and_members(session, row.customer_id)
            household = household_of(session, members)
            known = facts_before(session, shop_id, money, members, household, row.order_id,
                                 at, at)  # fmt: skip
            velocity = velocity_of(session, shop_id, known.person, row.placed,
                                   keys_of(session, [row.customer_id]))  # fmt: skip
            context: Context = context_of(snap, row, velocity)
            live = order_features(row.placed, known.person, known.household, context)

            assert customer_features(known.person, at) == replayed.customer, row.number
            assert live == replayed.features, row.number
            compared += 1
            with_history += bool(known.person.placed)
            with_after_sales += bool(known.person.returns or known.person.tickets)
    assert compared == 300
    assert with_history > 100
    assert with_after_sales > 10
