"""Run Alembic from code: `goodbuyer db upgrade|downgrade|revision` call these."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from goodbuyer.db import make_engine, normalize_url
from goodbuyer.store import load_indexes

_HERE = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.set_main_option("sqlalchemy.url", normalize_url(database_url))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Migrate to `revision`; at the head, also build the indexes an orders import
    deferred and did not get to build (its process was killed)."""
    _ensure_sqlite_dir(database_url)
    command.upgrade(alembic_config(database_url), revision)
    if revision == "head":
        engine = make_engine(database_url)
        try:
            with engine.begin() as connection:
                load_indexes.restore(connection)
        finally:
            engine.dispose()


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)


def make_revision(database_url: str, message: str) -> None:
    command.revision(alembic_config(database_url), message=message, autogenerate=True)


def _ensure_sqlite_dir(database_url: str) -> None:
    prefix = "sqlite:///"
    if database_url.startswith(prefix) and ":memory:" not in database_url:
        Path(database_url[len(prefix) :]).parent.mkdir(parents=True, exist_ok=True)


__all__ = ["alembic_config", "downgrade", "make_revision", "upgrade"]
