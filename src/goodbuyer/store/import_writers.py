"""How each kind of record is stored: orders in batches through the order writer, the
others one by one through their feature's service, each in a savepoint of its own."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from goodbuyer.deliveries import service as deliveries
from goodbuyer.errors import InvalidInput, NotFound
from goodbuyer.payments import service as payments
from goodbuyer.returns import service as returns
from goodbuyer.store import service as store
from goodbuyer.store.bulk import POSTGRES, SQLITE, sqlite_loading
from goodbuyer.store.csv_cells import RecordRejected, Reject, Row, cells_of
from goodbuyer.store.csv_orders import order_from_rows
from goodbuyer.store.csv_orders_fast import FastOrders
from goodbuyer.store.csv_records import (
    ReturnRecord,
    chargeback_from_rows,
    messages_from_rows,
    price_return,
    refund_from_rows,
    return_from_rows,
    shipment_from_rows,
    survey_from_rows,
)
from goodbuyer.store.import_report import ImportKind, ImportRun, domain_reject
from goodbuyer.store.load_indexes import defer_if_first_load, restore
from goodbuyer.store.order_rows import OrderRows, StoredContacts, order_rows
from goodbuyer.store.statuses import Source
from goodbuyer.support import service as support
from goodbuyer.support.schemas import MessageIn

R = TypeVar("R")
RawRows = list[tuple[int, list[str]]]
Batch = Sequence[RawRows]
Index = Mapping[str, int]
_CSV = Source.CSV.value


class KindWriter(ABC):
    """Stores batches of records: `prepare` (no database; it runs a batch or two ahead, in
    a thread, or in a child process when `apart`) then `write` in the caller's transaction."""

    batch_size: int
    apart = False

    def prepare(self, run: ImportRun, batch: Batch) -> Any:
        return batch

    @abstractmethod
    def write(self, session: Session, run: ImportRun, prepared: Any, now: datetime) -> None:
        """Store one prepared batch; each record whole, or reported as rejected."""

    def finish(self, session: Session) -> None:  # noqa: B027 - most kinds set nothing
        """After the last batch, or an error: put back what `write` set for the load."""


class OrderWriter(KindWriter):
    """Orders go in 2,500 at a time through `store.ingest_order_rows` (a few
    statements per table per batch), their rows built in a child process while the batch
    before is stored; an order whose rows are not consecutive is rejected whole."""

    batch_size = 2_500
    apart = True

    def __init__(self, index: Index) -> None:
        self._batches = 0
        self._contacts = StoredContacts()
        self._index = index
        self._cells = cells_of(index, len(index))
        self._fast: FastOrders | None = None
        self._deferred = False

    def _read(self, rows: RawRows) -> tuple[Any, ...]:
        assert self._fast is not None
        found = self._fast.read(rows)
        if found is None:  # something is off: validate the full way, which says what
            order = order_from_rows([self._cells(number, raw) for number, raw in rows])
            found = tuple(order_rows(self._fast.form, _CSV, [order])[0])
        return found

    def prepare(self, run: ImportRun, batch: Batch) -> list[tuple[Any, ...]]:
        """The batch's orders as `OrderRows`, made plain tuples: they cross to the writing
        process several times faster than named ones, which unpickle through Python code."""
        if self._fast is None:
            self._fast = FastOrders(self._index, POSTGRES if run.postgres else SQLITE, _CSV)
        orders: dict[str, tuple[Any, ...]] = {}
        rows_of: dict[str, list[RawRows]] = {}
        for rows, order in run.convert(batch, self._read):
            rows_of.setdefault(order[0], []).append(rows)
            orders[order[0]] = order
        for external_id, parts in rows_of.items():
            if len(parts) > 1:
                del orders[external_id]
                for rows in parts:
                    run.reject(_split(external_id, rows, parts))
        return list(orders.values())

    def write(self, session: Session, run: ImportRun, prepared: Any, now: datetime) -> None:
        sqlite_loading(session, loading=True)
        if self._batches == 0:
            self._deferred = defer_if_first_load(session)
        orders = [OrderRows._make(r) for r in prepared]
        outcomes = store.ingest_order_rows(
            session, run.shop_id, _CSV, orders, now, run.actor, stored=self._contacts
        )
        for action, count in Counter(action for _, action in outcomes.values()).items():
            run.report.count(action, count)
        self._batches += 1
        if self._batches & (self._batches - 1) == 0:  # after 1, 2, 4, 8, ... batches
            store.refresh_statistics(session)

    def finish(self, session: Session) -> None:
        sqlite_loading(session, loading=False)
        if self._deferred:
            restore(session.connection())
            self._deferred = False


def _split(external_id: str, rows: RawRows, parts: list[RawRows]) -> Reject:
    starts = ", ".join(str(p[0][0]) for p in parts)
    reason = f"order {external_id!r} starts on rows {starts}: an order's rows must be consecutive"
    return Reject(rows[0][0], rows[-1][0], reason)


@dataclass(frozen=True)
class RecordWriter(KindWriter, Generic[R]):
    """Records go in one at a time, each in a savepoint, so a refused one rolls back alone."""

    to_record: Callable[[list[Row]], R]
    ingest: Callable[[Session, ImportRun, R, datetime], str]
    index: Index
    batch_size: int = 500

    def write(self, session: Session, run: ImportRun, prepared: Any, now: datetime) -> None:
        batch: Batch = prepared
        cells = cells_of(self.index, len(self.index))
        records = ([cells(number, raw) for number, raw in rows] for rows in batch)
        for rows, record in run.convert(list(records), self.to_record):
            try:
                with session.begin_nested():
                    action = self.ingest(session, run, record, now)
            except (NotFound, InvalidInput) as exc:
                run.reject(domain_reject(rows, exc))
            except RecordRejected as exc:
                run.reject(exc.reject)
            else:
                run.report.count(action)


def _shipment(session: Session, run: ImportRun, data: Any, now: datetime) -> str:
    return deliveries.ingest_shipment(
        session, run.shop_id, _CSV, data, now, run.actor, segments=False
    ).action


def _return(session: Session, run: ImportRun, record: ReturnRecord, now: datetime) -> str:
    data = record.data
    if any(record.prices):
        order = store.require_order(session, run.shop_id, data.order_source, data.order_external_id)
        data = price_return(record, order.currency)
    return returns.ingest_return(
        session, run.shop_id, _CSV, data, now, run.actor, segments=False
    ).action


def _ticket(session: Session, run: ImportRun, messages: list[MessageIn], now: datetime) -> str:
    actions = {
        support.ingest_message(session, run.shop_id, _CSV, m, now, run.actor, read=False).action
        for m in messages
    }
    if len(actions) == 1:
        return actions.pop()
    return "unchanged" if actions <= {"unchanged", "stale"} else "updated"


def _refund(session: Session, run: ImportRun, data: Any, now: datetime) -> str:
    return payments.ingest_refund(
        session, run.shop_id, _CSV, data, now, run.actor, segments=False
    ).action


def _chargeback(session: Session, run: ImportRun, data: Any, now: datetime) -> str:
    return payments.ingest_chargeback(
        session, run.shop_id, _CSV, data, now, run.actor, segments=False
    ).action


def _survey(session: Session, run: ImportRun, data: Any, now: datetime) -> str:
    return deliveries.ingest_survey_answer(session, run.shop_id, _CSV, data, now, run.actor).action


WRITERS: dict[ImportKind, Callable[[Index], KindWriter]] = {
    ImportKind.ORDERS: OrderWriter,
    ImportKind.SHIPMENTS: partial(RecordWriter, shipment_from_rows, _shipment),
    ImportKind.RETURNS: partial(RecordWriter, return_from_rows, _return),
    ImportKind.TICKETS: partial(RecordWriter, messages_from_rows, _ticket),
    ImportKind.REFUNDS: partial(RecordWriter, refund_from_rows, _refund),
    ImportKind.CHARGEBACKS: partial(RecordWriter, chargeback_from_rows, _chargeback),
    ImportKind.SURVEYS: partial(RecordWriter, survey_from_rows, _survey),
}
"""A new writer for each file, given its header's column positions."""

__all__ = ["WRITERS", "Batch", "KindWriter", "OrderWriter", "RecordWriter"]
