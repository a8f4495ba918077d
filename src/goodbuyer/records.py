"""Store a record keyed by (shop, source, external id) exactly once, newest version winning.

Used by every kind of incoming record except orders (which have a batched writer). A
concurrent insert of the same key loses the race inside a savepoint and is retried as an
update, so retries and duplicate deliveries never create a second row.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from goodbuyer.clock import ensure_utc

M = TypeVar("M")
Action = Literal["created", "updated", "unchanged", "stale"]


def store_keyed(
    session: Session,
    model: type[M],
    key: dict[str, Any],
    *,
    create: Callable[[], M],
    version: datetime | None = None,
    update: Callable[[M], None] | None = None,
) -> tuple[M, Action]:
    """Find the row whose columns equal `key`; create it, update it if `version` is newer
    than its `source_updated_at`, or leave it. Returns the row and what was done. Facts
    (refunds, messages, answers) pass no version: once stored they never change."""
    for attempt in range(3):
        existing = _find(session, model, key)
        if existing is not None:
            return existing, _maybe_update(existing, version, update)
        try:
            with session.begin_nested():
                row = create()
                session.add(row)
                session.flush()
            return row, "created"
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _find(session: Session, model: type[M], key: dict[str, Any]) -> M | None:
    clauses = [getattr(model, name) == value for name, value in key.items()]
    return session.scalar(select(model).where(*clauses).with_for_update())


def _maybe_update(
    row: Any, version: datetime | None, update: Callable[[Any], None] | None
) -> Action:
    stored = getattr(row, "source_updated_at", None)
    if version is None or stored is None or update is None:
        return "unchanged"
    stored, version = ensure_utc(stored), ensure_utc(version)
    if version < stored:
        return "stale"
    if version == stored:
        return "unchanged"
    update(row)
    row.source_updated_at = version
    return "updated"


def shop_key(shop_id: uuid.UUID, source: str, external_id: str) -> dict[str, Any]:
    return {"shop_id": shop_id, "source": source, "external_id": external_id}


__all__ = ["Action", "shop_key", "store_keyed"]
