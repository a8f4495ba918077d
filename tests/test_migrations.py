"""Migrations: upgrade from empty, downgrade to nothing, and no drift from the models."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from goodbuyer.db import make_engine
from goodbuyer.migrate import downgrade, upgrade
from goodbuyer.models import metadata
from tests.conftest import _pg_base_url, _run_id


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path, worker_id: str) -> Iterator[str]:
    """The URL of an empty database of this test's own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    request.getfixturevalue("pg_url")  # fails or skips as the other PostgreSQL tests do
    base = _pg_base_url()
    name = f"goodbuyer_migrations_{_run_id()}_{worker_id}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_upgrade_creates_every_table_and_downgrade_removes_them(empty_url: str) -> None:
    upgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        assert _tables(engine) == set(metadata.tables)
        downgrade(empty_url, "base")
        assert _tables(engine) == set()
        upgrade(empty_url)
        assert _tables(engine) == set(metadata.tables)
    finally:
        engine.dispose()


def test_migrations_match_the_models(empty_url: str) -> None:
    upgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            drift = compare_metadata(context, metadata)
    finally:
        engine.dispose()

    assert drift == []
