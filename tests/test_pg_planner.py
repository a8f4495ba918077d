"""PostgreSQL connections price an index read as on SSD (`db.PG_OPTIONS`), unless the
database URL passes its own options; a person's orders are then read through the index,
not by scanning every order line."""

from __future__ import annotations

from sqlalchemy import Engine, text

from goodbuyer.db import make_engine


def test_each_connection_sets_the_ssd_page_cost(pg_engine: Engine) -> None:
    with pg_engine.connect() as conn:
        assert conn.execute(text("SHOW random_page_cost")).scalar_one() == "1.1"


def test_a_url_with_its_own_options_keeps_them(pg_url: str) -> None:
    engine = make_engine(pg_url + "?options=-c%20random_page_cost%3D3")
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW random_page_cost")).scalar_one() == "3"
    finally:
        engine.dispose()
