"""Rows as dicts written in bulk in the driver's own terms (COPY on PostgreSQL, executemany
on SQLite), converting each value the way its column's type would."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import JSON, Table, Uuid
from sqlalchemy.orm import Session

from goodbuyer.db import UTCDateTime
from goodbuyer.store.bulk import DriverForm, driver_form, insert_rows


def _same(value: Any) -> Any:
    return value  # text, numbers, and string enums (their value is the string itself)


def _converter(column_type: Any, form: DriverForm) -> Callable[[Any], Any]:
    if isinstance(column_type, Uuid):
        return lambda v: form.uid(v) if isinstance(v, uuid.UUID) else v
    if isinstance(column_type, UTCDateTime):
        return lambda v: form.when(v) if v is not None else None
    if isinstance(column_type, JSON) or isinstance(getattr(column_type, "impl", None), JSON):
        return form.doc
    return _same


def insert_dicts(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows given as {column: Python value}; every row has every column."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    form = driver_form(session)
    columns = list(rows[0])
    convert = [_converter(table.c[name].type, form) for name in columns]
    tuples = [tuple(f(row[c]) for f, c in zip(convert, columns, strict=True)) for row in rows]
    insert_rows(session, table, columns, tuples)


__all__ = ["insert_dicts"]
