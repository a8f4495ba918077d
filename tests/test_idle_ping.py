"""Pooled PostgreSQL connections: no ping for one handed back a moment ago, a ping after
a long idle, and a connection the server ended while idle is replaced unseen."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from goodbuyer import idle_ping
from goodbuyer.db import make_engine


@pytest.fixture
def engine(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Engine, list[int]]]:
    monkeypatch.setattr(idle_ping, "IDLE_SECONDS", 0.2)
    made = make_engine(pg_url, pool_size=1)
    pings: list[int] = []
    real = made.dialect.do_ping

    def counted(dbapi_connection: object) -> bool:
        pings.append(1)
        return real(dbapi_connection)

    monkeypatch.setattr(made.dialect, "do_ping", counted)
    yield made, pings
    made.dispose()


def _backend(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def test_a_connection_reused_at_once_is_not_pinged(engine: tuple[Engine, list[int]]) -> None:
    made, pings = engine
    first = _backend(made)

    assert [_backend(made) for _ in range(5)] == [first] * 5
    assert pings == []


def test_a_connection_idle_for_long_is_pinged_once(engine: tuple[Engine, list[int]]) -> None:
    made, pings = engine
    first = _backend(made)
    time.sleep(0.3)

    assert _backend(made) == first
    assert len(pings) == 1
    assert _backend(made) == first  # just handed back: no second ping
    assert len(pings) == 1


def test_a_connection_the_server_ended_while_idle_is_replaced(
    engine: tuple[Engine, list[int]], pg_url: str
) -> None:
    made, pings = engine
    first = _backend(made)
    killer = make_engine(pg_url)
    try:
        with killer.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
    finally:
        killer.dispose()
    time.sleep(0.3)

    second = _backend(made)  # no error reaches the caller

    assert second != first
    assert len(pings) == 1
