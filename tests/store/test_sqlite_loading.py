"""A bulk load's SQLite settings are changed while it runs and put back after."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from goodbuyer.db import JOURNAL_SIZE_LIMIT, make_engine, make_sessionmaker, transaction
from goodbuyer.store.bulk import sqlite_loading


def _settings(session: Session) -> tuple[int | None, int | None]:
    checkpoint = session.execute(text("PRAGMA wal_autocheckpoint")).scalar()
    return checkpoint, session.execute(text("PRAGMA journal_size_limit")).scalar()


def test_loading_checkpoints_less_often_and_puts_it_back(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'load.db'}")
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as session:
        before = _settings(session)
        sqlite_loading(session, loading=True)
        during = _settings(session)
        sqlite_loading(session, loading=True)  # every batch says so again
        again = _settings(session)
    with transaction(sessions) as session:
        kept = _settings(session)
        sqlite_loading(session, loading=False)
        after = _settings(session)
    engine.dispose()

    assert before == (1000, JOURNAL_SIZE_LIMIT)
    assert during == again == kept == (262_144, -1)
    assert after == before
