"""Rows as dicts written in bulk in the driver's own terms (COPY on PostgreSQL, executemany
on SQLite), converting each value the way its column's type would."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import JSON, Table, Uuid
from sqlalchemy.orm import Session

from goodbuyer.db import UTCDateTime
from goodbuyer.store.bulk import DriverForm, driver_form, insert_rows


def _converter(column_type: Any, form: DriverForm) -> Callable[[Any], Any] | None:
    """How a column's Python values are written; None when as they are (text, numbers,
    string enums, whose value is the string itself)."""
    if isinstance(column_type, Uuid):
        if form.uid(_PROBE) is _PROBE:
            return None
        return lambda v: form.uid(v) if isinstance(v, uuid.UUID) else v
    if isinstance(column_type, UTCDateTime):
        return lambda v: form.when(v) if v is not None else None
    if isinstance(column_type, JSON) or isinstance(getattr(column_type, "impl", None), JSON):
        return form.doc
    return None


_PROBE = uuid.UUID(int=0)


def insert_dicts(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows given as {column: Python value}; every row has every column."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    form = driver_form(session)
    columns = list(rows[0])
    converted = [
        (at, convert)
        for at, name in enumerate(columns)
        if (convert := _converter(table.c[name].type, form)) is not None
    ]
    values = _values(columns)
    tuples: list[tuple[Any, ...]] = []
    for row in rows:
        found = values(row)
        for at, convert in converted:
            found[at] = convert(found[at])
        tuples.append(tuple(found))
    insert_rows(session, table, columns, tuples)


def _values(columns: list[str]) -> Callable[[dict[str, Any]], list[Any]]:
    """A row's values in column order, as a list to convert in place."""
    get = itemgetter(*columns)
    if len(columns) == 1:
        return lambda row: [get(row)]
    return lambda row: list(get(row))


__all__ = ["insert_dicts"]
