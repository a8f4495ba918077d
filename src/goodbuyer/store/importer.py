"""Backfill from CSV files (`goodbuyer import`, the demo): stream a file, group its rows into
records, store them in batches; each record is stored whole or reported as rejected."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

from goodbuyer.db import transaction
from goodbuyer.store.csv_cells import Reject
from goodbuyer.store.csv_files import Columns, CsvRows, UnreadableFile, grouped, open_csv
from goodbuyer.store.csv_orders import ORDER_COLUMNS
from goodbuyer.store.csv_records import (
    CHARGEBACK_COLUMNS,
    REFUND_COLUMNS,
    RETURN_COLUMNS,
    SHIPMENT_COLUMNS,
    SURVEY_COLUMNS,
    TICKET_COLUMNS,
)
from goodbuyer.store.import_report import ImportKind, ImportReport, ImportRun, Storage
from goodbuyer.store.import_writers import WRITERS, Batch, KindWriter
from goodbuyer.store.load_indexes import restore
from goodbuyer.store.parse_ahead import fewer_collections, parse_ahead
from goodbuyer.store.read_ahead import read_ahead

Progress = Callable[[int, int], None]
"""Told (bytes read, file size) after each batch."""

_MAX_ROWS = 10_000  # rows of one record; more is a file whose id column is wrong
COLUMNS: dict[ImportKind, Columns] = {
    ImportKind.ORDERS: ORDER_COLUMNS,
    ImportKind.SHIPMENTS: SHIPMENT_COLUMNS,
    ImportKind.RETURNS: RETURN_COLUMNS,
    ImportKind.TICKETS: TICKET_COLUMNS,
    ImportKind.REFUNDS: REFUND_COLUMNS,
    ImportKind.CHARGEBACKS: CHARGEBACK_COLUMNS,
    ImportKind.SURVEYS: SURVEY_COLUMNS,
}
_MANY_ROWS = {ImportKind.ORDERS, ImportKind.SHIPMENTS, ImportKind.RETURNS, ImportKind.TICKETS}


def import_file(
    storage: Storage,
    shop_id: uuid.UUID,
    kind: ImportKind | str,
    path: Path | str,
    progress: Progress | None = None,
    *,
    on_reject: Callable[[Reject], None] | None = None,
    actor: str = "csv",
) -> ImportReport:
    """Import one file of `kind` into the shop, a batch per transaction. Raises
    UnreadableFile, before storing anything, when the file is not UTF-8 or its header
    names an unknown column or lacks a required one."""
    kind = ImportKind(kind)
    with transaction(storage.sessions) as session:  # after an import that was killed
        restore(session.connection())
    run = ImportRun(shop_id, actor, ImportReport(kind), on_reject, _on_postgres(storage))
    with open_csv(Path(path), COLUMNS[kind]) as file, fewer_collections():
        writer = WRITERS[kind](file.index)
        steps = _apart(file, writer, run) if writer.apart else _here(file, writer, run)
        try:
            for step in steps:
                with transaction(storage.sessions) as session:
                    writer.write(session, run, step.ready, storage.clock.now())
                if progress is not None:
                    progress(step.done, file.size)
        finally:
            with transaction(storage.sessions) as session:
                writer.finish(session)
    return run.report


class _Step(NamedTuple):
    """A batch ready to write; how far into the file and how many rows read by then; the
    records rejected while reading it."""

    ready: Any
    done: int
    rows: int
    rejects: list[Reject]


def _here(file: CsvRows, writer: KindWriter, run: ImportRun) -> Iterator[_Step]:
    """Batches prepared in this process: a thread ahead when the database is a server."""
    steps = (
        _Step(writer.prepare(run, batch), file.bytes_read(), run.report.rows, [])
        for batch in _batches(file, writer, run.report)
    )
    return read_ahead(steps, depth=1) if run.postgres else steps


def _apart(file: CsvRows, writer: KindWriter, run: ImportRun) -> Iterator[_Step]:
    """Batches prepared in a child process; what it counts and rejects is told here."""
    rejects: list[Reject] = []
    away = replace(run, report=ImportReport(run.report.kind), on_reject=rejects.append)

    def steps() -> Iterator[_Step]:
        for batch in _batches(file, writer, away.report):
            ready = writer.prepare(away, batch)
            yield _Step(ready, file.bytes_read(), away.report.rows, rejects.copy())
            rejects.clear()

    for step in parse_ahead(steps(), depth=2):
        run.report.rows = step.rows
        for reject in step.rejects:
            run.reject(reject)
        yield step


def _batches(file: CsvRows, writer: KindWriter, report: ImportReport) -> Iterator[Batch]:
    records = _records(file, report.kind, report)
    return iter(lambda: list(islice(records, writer.batch_size)), [])


def _on_postgres(storage: Storage) -> bool:
    """Whether storing a batch waits on a server, so that a thread reading the next batch
    meanwhile gains time. SQLite works in this process and lets go of the GIL on every
    row; a reading thread then costs more in hand-overs than it saves."""
    with storage.sessions() as session:
        return session.get_bind().dialect.name == "postgresql"


def _records(
    file: CsvRows, kind: ImportKind, report: ImportReport
) -> Iterator[list[tuple[int, list[str]]]]:
    key = file.index[COLUMNS[kind].key] if kind in _MANY_ROWS else None
    for group in grouped(file.rows, key, _MAX_ROWS):
        report.rows += len(group)
        yield group


__all__ = [
    "COLUMNS",
    "ImportKind",
    "ImportReport",
    "Progress",
    "Storage",
    "UnreadableFile",
    "import_file",
]
