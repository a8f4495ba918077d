"""Shared fixtures: every storage and API test runs on SQLite and on PostgreSQL.

PostgreSQL comes from GOODBUYER_TEST_POSTGRES_URL (default: the local server). Each
pytest-xdist worker gets its own database, migrated once and truncated between tests.
When the server cannot be reached the PostgreSQL half fails under CI=true and is
skipped, with the reason, on a developer's machine without it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from goodbuyer.app import build_services, create_app
from goodbuyer.clock import FixedClock
from goodbuyer.db import make_engine
from goodbuyer.migrate import upgrade
from goodbuyer.models import metadata
from goodbuyer.settings import Settings
from goodbuyer.web.deps import Services

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def _pg_base_url() -> str:
    return os.environ.get("GOODBUYER_TEST_POSTGRES_URL", DEFAULT_PG)


@pytest.fixture(scope="session")
def pg_url(worker_id: str) -> Iterator[str]:
    """A migrated database of this worker's own on the PostgreSQL server."""
    base = _pg_base_url()
    name = f"goodbuyer_test_{_run_id()}_{worker_id}"
    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL at {base} is unreachable: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    url = base.rsplit("/", 1)[0] + "/" + name
    upgrade(url)
    yield url
    with psycopg.connect(base, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run_id() -> str:
    """Shared by the workers of one pytest run, different for runs side by side."""
    return os.environ.get("PYTEST_XDIST_TESTRUNUID", f"p{os.getpid()}")[:8]


@pytest.fixture(scope="session")
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url, pool_size=5)
    yield engine
    engine.dispose()


def _truncate(engine: Engine) -> None:
    names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty, migrated database on each backend."""
    if request.param == "sqlite":
        sqlite = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
        metadata.create_all(sqlite)
        yield sqlite
        sqlite.dispose()
        return
    pg: Engine = request.getfixturevalue("pg_engine")
    _truncate(pg)
    yield pg


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def settings(engine: Engine) -> Settings:
    return Settings(environment="test", database_url=engine.url.render_as_string(False))


@pytest.fixture
def services(engine: Engine, settings: Settings, clock: FixedClock) -> Iterator[Services]:
    """The application's own engines and session factories (read-write and read-only)."""
    built = build_services(settings, clock)
    yield built
    built.dispose()


@pytest.fixture
def client(settings: Settings, services: Services) -> Iterator[TestClient]:
    app = create_app(settings, services=services)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
