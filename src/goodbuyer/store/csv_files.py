"""Reading a backfill CSV file row by row: its encoding, its header, how far we are (pure).

Rows are numbered as a spreadsheet shows them: the header is row 1, and a quoted cell
with newlines inside stays one row.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from goodbuyer.errors import InvalidInput

_CHUNK = 1 << 20


class UnreadableFile(InvalidInput):
    """The file itself cannot be read: not UTF-8, or a header that names the wrong columns."""


@dataclass(frozen=True)
class Columns:
    """The columns a kind of file may have; consecutive rows with the same `key` are one
    record."""

    key: str
    required: frozenset[str]
    optional: frozenset[str]


@dataclass
class CsvRows:
    """An open file: `index` maps each column to its cell position; `rows` yields
    (row number, cells) for each data row."""

    index: dict[str, int]
    rows: Iterator[tuple[int, list[str]]]
    size: int
    _binary: BinaryIO

    def bytes_read(self) -> int:
        return self._binary.tell()


@contextmanager
def open_csv(path: Path, columns: Columns) -> Iterator[CsvRows]:
    """Check the encoding and the header, then stream the rows (constant memory)."""
    _check_utf8(path)
    with path.open("rb") as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        reader = csv.reader(text)
        header = next(reader, None)
        if header is None:
            raise UnreadableFile("the file is empty: it needs a header row")
        index = _check_header(header, columns)
        size = path.stat().st_size
        yield CsvRows(index, _numbered(reader), size, binary)


def grouped(
    rows: Iterator[tuple[int, list[str]]], key: int | None, limit: int
) -> Iterator[list[tuple[int, list[str]]]]:
    """Consecutive rows with the same cell at `key` as one record (every row its own record
    when `key` is None or the cell is empty); blank lines are skipped; a record of more than
    `limit` rows is cut there."""
    group: list[tuple[int, list[str]]] = []
    current = ""
    for number, cells in rows:
        if not any(cells):
            continue
        value = cells[key].strip() if key is not None and key < len(cells) else ""
        if group and (not value or value != current or len(group) >= limit):
            yield group
            group = []
        group.append((number, cells))
        current = value
    if group:
        yield group


def _numbered(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    try:
        yield from enumerate(reader, 2)
    except csv.Error as exc:
        # The parser cannot go on from here; what came before is already stored.
        line = getattr(reader, "line_num", "?")
        raise UnreadableFile(f"line {line} cannot be read as CSV: {exc}") from None


def _check_header(header: list[str], columns: Columns) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    known = columns.required | columns.optional
    twice = sorted({n for n in names if names.count(n) > 1})
    unknown = [n for n in names if n not in known]
    missing = sorted(columns.required - set(names))
    problems = (
        [f"column {n!r} appears more than once" for n in twice]
        + [f"unknown column {n!r}" for n in unknown]
        + [f"missing required column {n!r}" for n in missing]
    )
    if problems:
        raise UnreadableFile("; ".join(problems))
    return {name: i for i, name in enumerate(names)}


def _check_utf8(path: Path) -> None:
    """Read the whole file once, fast, so a bad byte is found before anything is stored."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as binary:
        try:
            while chunk := binary.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise UnreadableFile(_where_not_utf8(path)) from None


def _where_not_utf8(path: Path) -> str:
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
        reader = csv.reader(text)
        header = next(reader, [])
        for number, cells in enumerate(reader, 2):
            for i, cell in enumerate(cells):
                if any("\udc80" <= c <= "\udcff" for c in cell):
                    column = header[i].strip() if i < len(header) else f"cell {i + 1}"
                    return f"row {number} is not UTF-8 (column {column!r})"
    return "row 1 (the header) is not UTF-8"


__all__ = ["Columns", "CsvRows", "UnreadableFile", "grouped", "open_csv"]
