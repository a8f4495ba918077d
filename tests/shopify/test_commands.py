"""`goodbuyer shopify connect` and `push-tags` as a person runs them."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from goodbuyer.cli import run
from goodbuyer.clock import FixedClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.risk.statuses import Outcome
from goodbuyer.shopify.service import queue_decision_tags
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.store.service import ingest_orders
from goodbuyer.store.sources.shopify import order_from_shopify
from tests.conftest import START
from tests.shopify.conftest import DOMAIN, TOKEN
from tests.shopify.fake_admin import FakeShopifyAdmin
from tests.shopify.orders import CUSTOMER, ORDER
from tests.store.platform_payloads import fixture


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake: FakeShopifyAdmin) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", url)
    monkeypatch.setenv("GOODBUYER_SHOPIFY_ADMIN_BASE_URL", fake.base_url)
    assert run(["db", "upgrade"]) == 0
    assert run(["shops", "create", "kauppa", "Kauppa", "EUR", "FI"]) == 0
    return url


def _decided_order(url: str) -> None:
    engine = make_engine(url)
    now = FixedClock(START).now()
    with transaction(make_sessionmaker(engine)) as session:
        shop_id = get_shop_by_slug(session, "kauppa").id
        order = order_from_shopify(fixture("shopify/orders_create_cod_hu.json"))
        order_id: uuid.UUID = ingest_orders(session, shop_id, "shopify", [order], now, "t")[0].id
        queue_decision_tags(session, shop_id, order_id, outcome=Outcome.PREPAY,
                            segments=["refuser"], perks=[], limits=[], now=now)  # fmt: skip
    engine.dispose()


def test_connect_then_push_the_queued_tags(
    database: str, fake: FakeShopifyAdmin, capsys: pytest.CaptureFixture[str]
) -> None:
    connected = run(["shopify", "connect", "--shop", "kauppa", "--domain", DOMAIN.upper(),
                     "--token", TOKEN])  # fmt: skip
    _decided_order(database)
    pushed = run(["shopify", "push-tags", "--limit", "10"])

    out = capsys.readouterr().out.splitlines()
    assert (connected, pushed) == (0, 0)
    assert out == [
        f"kauppa connected to {DOMAIN}; 0 failed pushes re-armed",
        "2 pushed, 0 failed (0 for good)",
    ]
    assert fake.tags_of(DOMAIN, ORDER) == {"goodbuyer:prepay"}
    assert fake.tags_of(DOMAIN, CUSTOMER) == {"goodbuyer:refuser"}


def test_connect_refuses_what_is_not_a_domain(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["shopify", "connect", "--shop", "kauppa", "--domain", "not a domain",
                "--token", TOKEN])  # fmt: skip

    assert code == 2
    assert "a Shopify domain (name.myshopify.com) and a token are needed" in capsys.readouterr().err
