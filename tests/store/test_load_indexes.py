"""A first orders import builds its unordered indexes at the end instead of row by row, and
whatever stops it, the indexes are there again afterwards (both backends)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, func, inspect, select

from goodbuyer.db import transaction
from goodbuyer.migrate import alembic_config, upgrade
from goodbuyer.store import import_writers, load_indexes
from goodbuyer.store.import_writers import OrderWriter
from goodbuyer.store.models import Order
from goodbuyer.store.service import import_file
from goodbuyer.web.deps import Services
from tests.factories import make_shop

HEADER = "order_id,placed_at,currency,payment_method,email,ship_line1,ship_city,sku,product,"
HEADER += "quantity,unit_price\n"
DEFERRED = {str(index.name) for index in load_indexes.DEFERRED}


def _indexes(engine: Engine) -> set[str]:
    found = inspect(engine)
    return {
        str(index["name"])
        for table in ("orders", "audit_events")
        for index in found.get_indexes(table)
    }


def _count(services: Services) -> int:
    with services.readers() as session:
        return session.scalar(select(func.count()).select_from(Order)) or 0


def _orders_file(path: Path, first: int, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(first, first + count):
            day = 1 + i % 9
            head = f"{i},2026-03-0{day}T12:00:00+02:00,EUR,cod,c{i % 7}@example.fi,Katu 1,Oulu"
            out.write(f"{head},TEE-M,T-shirt,1,19.90\n")
    return path


def test_the_deferred_indexes_are_what_the_import_does_not_read(engine: Engine) -> None:
    assert {
        "ix_orders_shop_placed",
        "ix_orders_customer_placed",
        "ix_orders_shop_number",
        "ix_audit_events_customer",
    } == DEFERRED
    assert _indexes(engine) >= DEFERRED
    assert all(not index.unique for index in load_indexes.DEFERRED)


def test_only_a_database_without_orders_defers_them(
    services: Services, engine: Engine, tmp_path: Path
) -> None:
    shop_id, _ = make_shop(services)
    with transaction(services.sessions) as session:
        first = load_indexes.defer_if_first_load(session)
    dropped = _indexes(engine)
    with transaction(services.sessions) as session:
        built = load_indexes.restore(session.connection())
        again = load_indexes.restore(session.connection())
    import_file(services, shop_id, "orders", _orders_file(tmp_path / "a.csv", 0, 5))
    with transaction(services.sessions) as session:
        later = load_indexes.defer_if_first_load(session)

    assert first is True
    assert not DEFERRED & dropped
    assert sorted(built) == sorted(DEFERRED)
    assert again == []
    assert later is False
    assert _indexes(engine) >= DEFERRED


def test_a_first_import_ends_with_every_index_and_the_same_rows(
    services: Services, engine: Engine, tmp_path: Path
) -> None:
    shop_id, _ = make_shop(services)

    first = import_file(services, shop_id, "orders", _orders_file(tmp_path / "a.csv", 0, 40))
    after_first = _indexes(engine)
    second = import_file(services, shop_id, "orders", _orders_file(tmp_path / "b.csv", 30, 20))

    assert (first.created, second.created, second.unchanged) == (40, 10, 10)
    assert after_first >= DEFERRED
    assert _indexes(engine) >= DEFERRED


def test_an_import_that_fails_midway_still_builds_them(
    services: Services, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop_id, _ = make_shop(services)
    monkeypatch.setattr(OrderWriter, "batch_size", 10)
    stored = import_writers.store.ingest_order_rows
    calls: list[int] = []

    def fails_on_the_second_batch(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return stored(*args, **kwargs)

    monkeypatch.setattr(import_writers.store, "ingest_order_rows", fails_on_the_second_batch)

    with pytest.raises(RuntimeError, match="the disk is full"):
        import_file(services, shop_id, "orders", _orders_file(tmp_path / "a.csv", 0, 25))

    assert _count(services) == 10
    assert _indexes(engine) >= DEFERRED


def test_db_upgrade_builds_the_indexes_a_killed_import_left_missing(
    services: Services, engine: Engine
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name == "sqlite":  # made from the models: the migrations' head
        command.stamp(alembic_config(url), "head")
    make_shop(services)
    with transaction(services.sessions) as session:
        assert load_indexes.defer_if_first_load(session)
    missing = DEFERRED - _indexes(engine)

    upgrade(url)

    assert missing == DEFERRED
    assert _indexes(engine) >= DEFERRED
