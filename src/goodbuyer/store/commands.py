"""`goodbuyer import KIND FILE.csv --shop SLUG`: backfill a shop's history from CSV files."""

from __future__ import annotations

import csv
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn
from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock, SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.store.csv_cells import Reject
from goodbuyer.store.importer import ImportKind, ImportReport, UnreadableFile, import_file


@dataclass(frozen=True)
class _Storage:
    sessions: sessionmaker[Session]
    clock: Clock


def import_command(
    kind: Annotated[ImportKind, typer.Argument(help="what the file holds")],
    file: Annotated[Path, typer.Argument(help="the CSV file", dir_okay=False)],
    shop: Annotated[str, typer.Option("--shop", help="the shop's slug")],
    rejects: Annotated[
        Path | None, typer.Option("--rejects", help="also write rejected records to this CSV")
    ] = None,
) -> None:
    """Import a CSV file (docs/guides/csv-import.md). Exit status: 0 all stored, 1 some
    records rejected, 2 the file cannot be read."""
    console = Console(stderr=True, soft_wrap=True)
    engine = make_engine(Settings().database_url)
    storage = _Storage(make_sessionmaker(engine), SystemClock())
    try:
        with transaction(storage.sessions) as session:
            shop_id = get_shop_by_slug(session, shop).id
        report = _import(console, storage, shop_id, kind, file, rejects)
    except UnreadableFile as exc:
        console.print(f"[red]cannot read {file}:[/red] {exc}")
        raise SystemExit(2) from None
    except FileNotFoundError:
        console.print(f"[red]cannot read {file}:[/red] no such file")
        raise SystemExit(2) from None
    finally:
        engine.dispose()
    console.print(report.summary(), highlight=False)
    # SystemExit, not typer.Exit: `goodbuyer` runs click with standalone_mode=False, which
    # turns typer.Exit into a return value that the process exit status never sees.
    raise SystemExit(1 if report.rejected else 0)


def _import(
    console: Console,
    storage: _Storage,
    shop_id: uuid.UUID,
    kind: ImportKind,
    file: Path,
    rejects: Path | None,
) -> ImportReport:
    """The import with a progress bar of bytes read, and each reject told as it comes."""
    with ExitStack() as stack:
        out = stack.enter_context(rejects.open("w", newline="")) if rejects else None
        sink = _RejectSink(console, out)
        bar = stack.enter_context(_progress(console))
        task = bar.add_task(kind.value, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return import_file(storage, shop_id, kind, file, advance, on_reject=sink.add)


def _progress(console: Console) -> Progress:
    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


class _RejectSink:
    """Each reject on the console as it happens, and in the rejects file if asked for."""

    def __init__(self, console: Console, out: TextIO | None) -> None:
        self._console = console
        self._writer = csv.writer(out) if out is not None else None
        if self._writer is not None:
            self._writer.writerow(["row", "reason"])

    def add(self, reject: Reject) -> None:
        self._console.print(f"[yellow]rejected[/yellow] {reject}", markup=True, highlight=False)
        if self._writer is not None:
            self._writer.writerow([reject.rows, reject.reason])


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)


__all__ = ["import_command", "register"]
