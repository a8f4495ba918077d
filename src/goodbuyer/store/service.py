"""Store use cases: take orders in from any source, read them back. The only entry point
other features call for orders and customers."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Select, and_, or_, select, text
from sqlalchemy.orm import Session

from goodbuyer.audit import record_on_order
from goodbuyer.confirmations import service as confirmations
from goodbuyer.errors import InvalidInput, NotFound
from goodbuyer.identity.service import resolve_order
from goodbuyer.risk import service as risk
from goodbuyer.store.contacts import comparable_email, comparable_phone
from goodbuyer.store.csv_cells import Reject
from goodbuyer.store.import_report import ImportKind, ImportReport, Storage
from goodbuyer.store.lifecycle import merge_payment_status, merge_status
from goodbuyer.store.models import ContactPoint, Customer, Order
from goodbuyer.store.order_rows import OrderRows, StoredContacts
from goodbuyer.store.order_writer import Outcome, write_order_rows, write_orders
from goodbuyer.store.schemas import IngestResult, OrderIn
from goodbuyer.store.statuses import ContactKind, OrderStatus, PaymentMethod, PaymentStatus


def ingest_orders(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    orders: Sequence[OrderIn],
    now: datetime,
    actor: str,
) -> list[IngestResult]:
    """Store orders idempotently: replays change nothing, older updates never win."""
    return write_orders(session, shop_id, source, orders, now, actor)


def ingest_order_rows(
    session: Session,
    shop_id: uuid.UUID,
    source: str,
    orders: Sequence[OrderRows],
    now: datetime,
    actor: str,
    *,
    stored: StoredContacts | None = None,
) -> dict[str, Outcome]:
    """`ingest_orders` for orders already built into rows (`order_rows.order_rows`, the
    backfill's parsing process does it): each external id's (order id, action)."""
    return write_order_rows(session, shop_id, source, orders, now, actor, stored)


def ingest_order(
    session: Session, shop_id: uuid.UUID, source: str, order: OrderIn, now: datetime, actor: str
) -> IngestResult:
    """Store one order, then resolve its customer, check its history and decide on it (in
    the same transaction: the order is never stored without its check and decision). An
    update brings the customer's segments up to date (its status may have changed)."""
    result = write_orders(session, shop_id, source, [order], now, actor)[0]
    if result.action == "created":
        resolved = resolve_order(session, result.id, now, actor, replace=False)
        risk.decide_order(session, result.id, now, actor, check=resolved.check)
    elif result.action == "updated":
        resolve_order(session, result.id, now, actor)
        stored = session.get_one(Order, result.id)
        confirmations.close_for_order(session, stored, now, actor)
        risk.refresh_segments(session, shop_id, stored.customer_id, now, actor)
    return result


def import_file(
    storage: Storage,
    shop_id: uuid.UUID,
    kind: ImportKind | str,
    path: Path | str,
    progress: Callable[[int, int], None] | None = None,
    *,
    on_reject: Callable[[Reject], None] | None = None,
    actor: str = "csv",
) -> ImportReport:
    """Backfill one CSV file of `kind` (docs/guides/csv-import.md); `progress` is told
    (bytes read, file size) after each batch. Raises UnreadableFile, storing nothing, when
    the file is not UTF-8 or its header is wrong."""
    # Imported here: the importer calls the other features' services, which import this one.
    from goodbuyer.store import importer

    return importer.import_file(
        storage, shop_id, kind, path, progress, on_reject=on_reject, actor=actor
    )


def refresh_statistics(session: Session) -> None:
    """After a bulk load into small tables: PostgreSQL plans from row counts it last
    sampled, and with none it scans a shop's every order to find a batch's ids instead of
    using the unique index, and every order line to read a person's orders with their
    lines (a decision's facts: 15 ms at 20,000 orders instead of 0.3). SQLite needs
    nothing."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE orders, order_lines, customers, contact_points"))


def get_order(session: Session, shop_id: uuid.UUID, order_id: uuid.UUID) -> Order:
    order = session.get(Order, order_id)
    if order is None or order.shop_id != shop_id:
        raise NotFound(f"no order {order_id} in this shop")
    return order


def find_order(session: Session, shop_id: uuid.UUID, source: str, external_id: str) -> Order | None:
    return session.scalar(
        select(Order).where(
            Order.shop_id == shop_id, Order.source == source, Order.external_id == external_id
        )
    )


def find_orders_by_number(
    session: Session, shop_id: uuid.UUID, numbers: Sequence[str]
) -> list[Order]:
    """The shop's orders whose customer-facing number is one of `numbers`, as stored."""
    if not numbers:
        return []
    query = select(Order).where(Order.shop_id == shop_id, Order.number.in_(numbers))
    return list(session.scalars(query))


def require_order(session: Session, shop_id: uuid.UUID, source: str, external_id: str) -> Order:
    """The order another record points at; a clear error when the shop never sent it."""
    order = find_order(session, shop_id, source, external_id)
    if order is None:
        # str(): a Source member's repr would show the enum, not the value
        raise NotFound(f"no order with external id {external_id!r} from source {str(source)!r}")
    return order


def advance_order(
    session: Session,
    order: Order,
    status: OrderStatus | None,
    payment_status: PaymentStatus | None,
    now: datetime,
    actor: str,
    because: str,
) -> None:
    """Move an order forward because of another record (a scan, a refund); audited.
    The status only moves forward (`lifecycle.merge_status`)."""
    before = (order.status, order.payment_status)
    if status is not None:
        order.status = merge_status(order.status, status)
    if payment_status is not None:
        order.payment_status = merge_payment_status(order.payment_status, payment_status)
    if (order.status, order.payment_status) == before:
        return
    order.updated_at = now
    confirmations.close_for_order(session, order, now, actor)
    record_on_order(
        session,
        order,
        "order.status_changed",
        order.id,
        at=now,
        actor=actor,
        data={
            "from": [v.value for v in before],
            "because": because,
            "to": [order.status.value, order.payment_status.value],
        },
    )


def find_customer_by_contact(
    session: Session, shop_id: uuid.UUID, email: str | None, phone: str | None
) -> uuid.UUID | None:
    """The customer who used this e-mail (first) or phone before, if exactly known."""
    for kind, value in (
        (ContactKind.EMAIL, comparable_email(email)),
        (ContactKind.PHONE, comparable_phone(phone)),
    ):
        if value is None:
            continue
        query = (
            select(ContactPoint.customer_id)
            .where(
                ContactPoint.shop_id == shop_id,
                ContactPoint.kind == kind,
                ContactPoint.normalized == value,
            )
            .order_by(ContactPoint.first_seen_at.desc())
            .limit(1)
        )
        found = session.scalar(query)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class OrderFilter:
    status: OrderStatus | None = None
    payment_method: PaymentMethod | None = None
    customer_id: uuid.UUID | None = None
    country: str | None = None
    placed_from: datetime | None = None
    placed_to: datetime | None = None


@dataclass(frozen=True)
class Page:
    items: list[Order]
    next_cursor: str | None


def list_orders(
    session: Session, shop_id: uuid.UUID, filters: OrderFilter, limit: int, cursor: str | None
) -> Page:
    """Newest first; `cursor` continues where the previous page ended (keyset pagination)."""
    query: Select[Order] = select(Order).where(Order.shop_id == shop_id)
    query = _apply_filters(query, filters)
    if cursor:
        placed_at, order_id = _decode_cursor(cursor)
        query = query.where(
            or_(
                Order.placed_at < placed_at, and_(Order.placed_at == placed_at, Order.id < order_id)
            )
        )
    query = query.order_by(Order.placed_at.desc(), Order.id.desc()).limit(limit + 1)
    rows = list(session.scalars(query))
    more = len(rows) > limit
    items = rows[:limit]
    return Page(items, _encode_cursor(items[-1]) if more else None)


def _apply_filters(query: Select[Order], f: OrderFilter) -> Select[Order]:
    if f.status:
        query = query.where(Order.status == f.status)
    if f.payment_method:
        query = query.where(Order.payment_method == f.payment_method)
    if f.customer_id:
        query = query.where(Order.customer_id == f.customer_id)
    if f.country:
        query = query.where(Order.ship_country == f.country.upper())
    if f.placed_from:
        query = query.where(Order.placed_at >= f.placed_from)
    if f.placed_to:
        query = query.where(Order.placed_at < f.placed_to)
    return query


def _encode_cursor(order: Order) -> str:
    text = f"{order.placed_at.isoformat()}|{order.id}"
    return base64.urlsafe_b64encode(text.encode()).decode()


def _decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        placed, order_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(placed), uuid.UUID(order_id)
    except ValueError:
        raise InvalidInput("cursor is not one this API gave out") from None


__all__ = [
    "Customer",
    "ImportKind",
    "ImportReport",
    "Order",
    "OrderFilter",
    "Page",
    "advance_order",
    "find_customer_by_contact",
    "find_order",
    "find_orders_by_number",
    "get_order",
    "import_file",
    "ingest_order",
    "ingest_order_rows",
    "ingest_orders",
    "list_orders",
    "refresh_statistics",
    "require_order",
]
