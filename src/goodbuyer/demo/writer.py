"""CSV writing in two steps: each chunk of customers writes its records, sorted by time, to
part files; then each kind's parts are merged into one file in time order."""

from __future__ import annotations

import heapq
import multiprocessing
from array import array
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from goodbuyer.demo.columns import FILES

# Ids are given in time order, so order 1001 is the shop's first order: the orders are
# numbered first (from a small index each chunk writes), then every kind merges on its own,
# in parallel. Until then a record names its order (and the return or ticket it refers to)
# by a temporary key, and its text holds placeholders that the merge fills in:
ORDER = "\x1d"  # the order's id
OWN = "\x1c"  # the record's own number
REF = "\x1b"  # the number of the record it refers to (a refund's return, a survey's ticket)
_NEWLINE = "\x1f"  # a newline inside a field, while it sits in a part file
_ROW_END = "\x1e"  # the end of a row, while it sits in a part file
_CHUNK_SPAN = 10**9  # temporary keys of chunk k are k * _CHUNK_SPAN + n
_REFERS = {"refunds": "returns", "surveys": "tickets"}
_SLOT_BITS = 30  # an order's sort key is its time shifted left, then its slot
FIRST_ORDER_ID = 1001


def cell(text: str) -> str:
    """One CSV field, quoted only when it must be (as the csv module's minimal quoting)."""
    if '"' in text or "," in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""').replace("\n", _NEWLINE) + '"'
    return text


def row(fields: Sequence[str]) -> str:
    """A CSV row (without its line end) for `PartSink.add`."""
    return ",".join([cell(f) for f in fields])


class PartSink:
    """Collects one chunk's records; `dump` writes them sorted to its part files."""

    def __init__(self, chunk: int) -> None:
        self.chunk = chunk
        self.entries: dict[str, list[tuple[int, int, int, int, str]]] = {k: [] for k in FILES}
        self._counter = 0

    def add(
        self, kind: str, ts: int, rows: Sequence[str], order: int = -1, ref: int = -1, own: int = -1
    ) -> int:
        """Add a record (one or more rows made by `row`) that happened at `ts`; returns its
        temporary key."""
        if own < 0:
            self._counter += 1
            own = self.chunk * _CHUNK_SPAN + self._counter
        payload = (rows[0] if len(rows) == 1 else _ROW_END.join(rows)) + _ROW_END
        self.entries[kind].append((ts, own, order, ref, payload))
        return own

    def dump(self, directory: Path) -> None:
        # The orders' (time, key) pairs, so that the merge can number all orders up front.
        index = array("q", [ts << _SLOT_BITS | own for ts, own, _, _, _ in self.entries["orders"]])
        with open(directory / f"orders-{self.chunk:05d}.index", "wb") as f:
            index.tofile(f)
        for kind, entries in self.entries.items():
            entries.sort()
            with open(_part(directory, kind, self.chunk), "w", encoding="utf-8", newline="\n") as f:
                f.writelines(
                    f"{ts:012d}\t{own:016d}\t{order}\t{ref}\t{payload}\n"
                    for ts, own, order, ref, payload in entries
                )


def _part(directory: Path, kind: str, chunk: int) -> Path:
    return directory / f"{kind}-{chunk:05d}.part"


@dataclass(slots=True)
class MergeResult:
    records: dict[str, int] = field(default_factory=dict)  # kind -> records written
    rows: dict[str, int] = field(default_factory=dict)  # kind -> CSV rows written
    order_ids: array[int] = field(default_factory=lambda: array("q"))  # slot -> order id


# Once the orders are numbered, these groups merge independently of each other.
_GROUPS = (
    ("shipments",),
    ("orders",),
    ("tickets", "surveys"),
    ("returns", "refunds"),
    ("chargebacks",),
)
_FORKED: tuple[Path, Path, int, array[int]] | None = None


def merge(parts: Path, out_dir: Path, chunks: int, orders: int, workers: int = 1) -> MergeResult:
    """Merge every kind's part files into its CSV file in `out_dir`, in time order."""
    global _FORKED
    result = MergeResult(order_ids=_number_orders(parts, chunks, orders))
    if workers > 1:
        _FORKED = (parts, out_dir, chunks, result.order_ids)  # inherited by the workers
        try:
            with multiprocessing.get_context("fork").Pool(min(workers, len(_GROUPS))) as pool:
                counts = pool.map(_forked_group, _GROUPS, chunksize=1)
        finally:
            _FORKED = None
    else:
        counts = [_merge_group(parts, out_dir, chunks, result.order_ids, g) for g in _GROUPS]
    for group in counts:
        for kind, (records, rows) in group.items():
            result.records[kind], result.rows[kind] = records, rows
    return result


def _number_orders(parts: Path, chunks: int, orders: int) -> array[int]:
    """Order ids from the first one on, in the order of time (ties by key): slot -> id."""
    index = array("q")
    for chunk in range(chunks):
        with open(parts / f"orders-{chunk:05d}.index", "rb") as f:
            index.frombytes(f.read())
    order_ids = array("q", bytes(8 * orders))
    mask = (1 << _SLOT_BITS) - 1
    for number, key in enumerate(sorted(index), FIRST_ORDER_ID):
        order_ids[key & mask] = number
    return order_ids


def _forked_group(group: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    assert _FORKED is not None
    return _merge_group(*_FORKED, group)


def _merge_group(
    parts: Path, out_dir: Path, chunks: int, order_ids: array[int], group: tuple[str, ...]
) -> dict[str, tuple[int, int]]:
    counts: dict[str, tuple[int, int]] = {}
    numbers: dict[int, int] = {}
    for kind in group:
        records, rows, numbers = _merge_kind(parts, out_dir, chunks, order_ids, kind, numbers)
        counts[kind] = (records, rows)
    return counts


def _merge_kind(
    parts: Path,
    out_dir: Path,
    chunks: int,
    order_ids: array[int],
    kind: str,
    refers: dict[int, int],
) -> tuple[int, int, dict[int, int]]:
    """Merge one kind; returns (records, rows, the numbers given, by temporary key)."""
    name, columns = FILES[kind]
    with ExitStack() as stack:
        sources = [
            stack.enter_context(open(_part(parts, kind, c), encoding="utf-8", newline="\n"))
            for c in range(chunks)
        ]
        out = stack.enter_context(open(out_dir / name, "w", encoding="utf-8", newline=""))
        out.write(",".join(columns) + "\n")
        return _copy(heapq.merge(*sources), out, kind, order_ids, refers)


def _copy(
    lines: Iterator[str], out: TextIO, kind: str, order_ids: array[int], refers: dict[int, int]
) -> tuple[int, int, dict[int, int]]:
    """Number the records in order, fill in their placeholders and write them."""
    own_numbers: dict[int, int] = {}
    keep, orders = kind in _REFERS.values(), kind == "orders"
    numbered = kind not in ("orders", "shipments")  # these have no OWN placeholder
    records = rows = 0
    batch: list[str] = []
    for line in lines:
        _, own, order, ref, payload = line.split("\t", 4)
        records += 1
        number = records
        if keep:
            own_numbers[int(own)] = number
        if orders:
            order = own  # an order's own key is its slot
        order_id = str(order_ids[int(order)]) if order != "-1" else ""
        text = payload[:-1].replace(ORDER, order_id)
        if numbered:
            text = text.replace(OWN, str(number))
        if ref != "-1":
            text = text.replace(REF, str(refers[int(ref)]))
        rows += text.count(_ROW_END)
        if _NEWLINE in text:
            text = text.replace(_NEWLINE, "\n")
        batch.append(text.replace(_ROW_END, "\n"))
        if len(batch) >= 4096:
            out.writelines(batch)
            batch.clear()
    out.writelines(batch)
    return records, rows, own_numbers


__all__ = [
    "FIRST_ORDER_ID",
    "ORDER",
    "OWN",
    "REF",
    "MergeResult",
    "PartSink",
    "cell",
    "merge",
    "row",
]
