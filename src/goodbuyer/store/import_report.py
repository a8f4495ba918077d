"""What an import run did: counts per outcome and the rejected records with their rows."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.errors import FieldError, InvalidInput, NotFound
from goodbuyer.store.csv_cells import Problems, RecordRejected, Reject, Row

T = TypeVar("T")
G = TypeVar("G")
_KEPT_REJECTS = 1_000


class ImportKind(StrEnum):
    ORDERS = "orders"  # orders.csv: one row per order line
    SHIPMENTS = "shipments"  # shipments.csv: one row per carrier scan
    RETURNS = "returns"  # returns.csv: one row per returned line
    TICKETS = "tickets"  # tickets.csv: one row per message
    REFUNDS = "refunds"  # refunds.csv: one row per refund
    CHARGEBACKS = "chargebacks"  # chargebacks.csv: one row per chargeback
    SURVEYS = "surveys"  # surveys.csv: one row per survey answer


class Storage(Protocol):
    """Where records go and what time it is (the app's `Services` is one)."""

    @property
    def sessions(self) -> sessionmaker[Session]: ...

    @property
    def clock(self) -> Clock: ...


@dataclass
class ImportReport:
    """What an import did. `rejects` keeps the first thousand; `rejected` counts them all."""

    kind: ImportKind
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    rejected: int = 0
    rejects: list[Reject] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.created + self.updated + self.unchanged + self.stale

    def summary(self) -> str:
        return (
            f"{self.rows} rows read; {self.accepted} records accepted ({self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.stale} stale); "
            f"{self.rejected} rejected"
        )

    def count(self, action: str, n: int = 1) -> None:
        if action not in ("created", "updated", "unchanged", "stale"):
            raise ValueError(f"unknown ingestion outcome {action!r}")
        setattr(self, action, getattr(self, action) + n)


@dataclass
class ImportRun:
    """One file being imported: which shop, who does it, and where rejects are told."""

    shop_id: uuid.UUID
    actor: str
    report: ImportReport
    on_reject: Callable[[Reject], None] | None = None
    postgres: bool = False  # the database's driver form (`bulk.DriverForm`)

    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def reject(self, reject: Reject) -> None:
        """Told from the reading thread and from the writing one."""
        with self._lock:
            self.report.rejected += 1
            if len(self.report.rejects) < _KEPT_REJECTS:
                self.report.rejects.append(reject)
            if self.on_reject is not None:
                self.on_reject(reject)

    def convert(self, batch: Sequence[G], to_record: Callable[[G], T]) -> Iterator[tuple[G, T]]:
        """Each record of the batch as its schema object; the ones that fail are rejected."""
        for rows in batch:
            try:
                yield rows, to_record(rows)
            except RecordRejected as exc:
                self.reject(exc.reject)


def domain_reject(rows: Sequence[Row], exc: NotFound | InvalidInput) -> Reject:
    """A service's refusal (an unknown order, a SKU the order lacks) as a reject; its field
    errors are put on their rows (`lines.1.sku` is the second row's sku)."""
    problems = Problems(rows)
    errors = exc.errors if isinstance(exc, InvalidInput) else []
    for error in errors:
        problems.add(*_place(rows, error), error.message)
    if not errors:
        problems.add(rows[0][0], "", exc.detail)
    try:
        problems.check()
    except RecordRejected as rejected:
        return rejected.reject
    raise AssertionError("a problem was added")


def _place(rows: Sequence[Row], error: FieldError) -> tuple[int, str]:
    parts = error.location.split(".")
    index = next((int(p) for p in parts if p.isdigit()), 0)
    row = rows[index][0] if index < len(rows) else rows[0][0]
    return row, parts[-1]


__all__ = ["ImportKind", "ImportReport", "ImportRun", "Storage", "domain_reject"]
