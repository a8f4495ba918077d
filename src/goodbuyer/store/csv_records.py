"""Shipments, returns, tickets, refunds, chargebacks and survey answers from their files'
rows to the features' input schemas (pure). Orders are in `csv_orders`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from goodbuyer.deliveries.schemas import ShipmentIn, SurveyAnswerIn
from goodbuyer.payments.schemas import ChargebackIn, RefundIn
from goodbuyer.returns.schemas import ReturnIn
from goodbuyer.store.csv_cells import (
    Problems,
    Row,
    check_number,
    check_width,
    locator,
    money,
    pick,
    timestamp,
    whole_number,
    words,
)
from goodbuyer.store.csv_files import Columns
from goodbuyer.support.schemas import MessageIn


def _columns(key: str, required: str, optional: str) -> Columns:
    return Columns(key, frozenset(required.split()), frozenset(optional.split()))


_REF = "order_source"
SHIPMENT_COLUMNS = _columns(
    "shipment_id",
    "shipment_id order_id",
    f"{_REF} carrier tracking_number tracking_url promised_at shipped_at delivered_at "
    "event_status event_at event_location event_description",
)
RETURN_COLUMNS = _columns(
    "return_id",
    "return_id order_id reason requested_at sku quantity",
    f"{_REF} status reason_text photos updated_at unit_price condition",
)
TICKET_COLUMNS = _columns(
    "ticket_id",
    "ticket_id message_id channel body sent_at",
    f"direction author_kind author_name author_email author_phone subject language order_id {_REF}",
)
REFUND_COLUMNS = _columns(
    "refund_id", "refund_id order_id amount currency refunded_at", f"{_REF} reason return_id"
)
CHARGEBACK_COLUMNS = _columns(
    "chargeback_id",
    "chargeback_id order_id amount currency opened_at",
    f"{_REF} reason status resolved_at updated_at",
)
SURVEY_COLUMNS = _columns(
    "answer_id", "answer_id kind score answered_at", f"comment order_id {_REF} ticket_id"
)
_RENAMES = {
    ("external_id",): "",  # each kind names its own id column; set per kind below
    ("order_external_id",): "order_id",
    ("ticket_external_id",): "ticket_id",
    ("return_external_id",): "return_id",
    ("events", "status"): "event_status",
    ("events", "occurred_at"): "event_at",
    ("events", "location"): "event_location",
    ("events", "description"): "event_description",
}


@dataclass(frozen=True)
class ReturnRecord:
    """A return whose line prices are still text: their currency is the order's, which
    only the database knows."""

    data: ReturnIn
    prices: list[str | None]
    rows: list[int]


def _start(rows: Sequence[Row]) -> Problems:
    problems = Problems(rows)
    check_width(problems, rows)
    problems.check()
    return problems


def _renames(id_column: str) -> dict[tuple[str, ...], str]:
    return {**_RENAMES, ("external_id",): id_column}


def _order_ref(cells: dict[str, str]) -> dict[str, Any]:
    return pick(order_external_id=cells.get("order_id"), order_source=cells.get(_REF, "csv"))


def shipment_from_rows(rows: Sequence[Row]) -> ShipmentIn:
    problems = _start(rows)
    head = rows[0]
    cells = head[1]
    data = pick(
        external_id=cells.get("shipment_id"),
        carrier=cells.get("carrier"),
        tracking_number=cells.get("tracking_number"),
        tracking_url=cells.get("tracking_url"),
        promised_at=problems.cell(head, "promised_at", timestamp),
        shipped_at=problems.cell(head, "shipped_at", timestamp),
        delivered_at=problems.cell(head, "delivered_at", timestamp),
        **_order_ref(cells),
    )
    scans = [row for row in rows if {"event_status", "event_at"} & row[1].keys()]
    data["events"] = [_scan(problems, row) for row in scans]
    if not scans and not {"shipped_at", "delivered_at"} & cells.keys():
        problems.add(head[0], "", "a shipment needs shipped_at, delivered_at or a scan")
    columns = SHIPMENT_COLUMNS.required | SHIPMENT_COLUMNS.optional
    locate = locator(head[0], [row[0] for row in scans], _renames("shipment_id"), columns)
    return problems.validate(ShipmentIn, data, locate)


def _scan(problems: Problems, row: Row) -> dict[str, Any]:
    return pick(
        status=row[1].get("event_status"),
        occurred_at=problems.cell(row, "event_at", timestamp),
        location=row[1].get("event_location"),
        description=row[1].get("event_description"),
    )


def return_from_rows(rows: Sequence[Row]) -> ReturnRecord:
    problems = _start(rows)
    head = rows[0]
    cells = head[1]
    data = pick(
        external_id=cells.get("return_id"),
        status=cells.get("status"),
        reason=cells.get("reason"),
        reason_text=cells.get("reason_text"),
        photos=problems.cell(head, "photos", words),
        requested_at=problems.cell(head, "requested_at", timestamp),
        updated_at=problems.cell(head, "updated_at", timestamp),
        **_order_ref(cells),
    )
    data["lines"] = [
        pick(
            sku=row[1].get("sku"),
            quantity=problems.cell(row, "quantity", whole_number),
            condition=row[1].get("condition"),
        )
        for row in rows
    ]
    prices = [problems.cell(row, "unit_price", check_number) for row in rows]
    columns = RETURN_COLUMNS.required | RETURN_COLUMNS.optional
    locate = locator(head[0], [row[0] for row in rows], _renames("return_id"), columns)
    checked = problems.validate(ReturnIn, data, locate)
    return ReturnRecord(checked, prices, [row[0] for row in rows])


def price_return(record: ReturnRecord, currency: str) -> ReturnIn:
    """The return with its line prices in `currency`'s minor units."""
    rows = [
        (n, {"unit_price": p} if p else {}) for n, p in zip(record.rows, record.prices, strict=True)
    ]
    problems = Problems(rows)
    amounts = [problems.cell(row, "unit_price", partial(money, currency=currency)) for row in rows]
    problems.check()
    lines = [
        line.model_copy(update={"unit_price": amount})
        for line, amount in zip(record.data.lines, amounts, strict=True)
    ]
    return record.data.model_copy(update={"lines": lines})


def messages_from_rows(rows: Sequence[Row]) -> list[MessageIn]:
    """A conversation: one message per row, all stored or none."""
    problems = _start(rows)
    columns = TICKET_COLUMNS.required | TICKET_COLUMNS.optional
    messages = []
    for row in rows:
        cells = row[1]
        data = pick(
            ticket_external_id=cells.get("ticket_id"),
            external_id=cells.get("message_id"),
            channel=cells.get("channel"),
            direction=cells.get("direction"),
            author_kind=cells.get("author_kind"),
            author_name=cells.get("author_name"),
            author_email=cells.get("author_email"),
            author_phone=cells.get("author_phone"),
            subject=cells.get("subject"),
            body=cells.get("body"),
            language=cells.get("language"),
            sent_at=problems.cell(row, "sent_at", timestamp),
            **_order_ref(cells),
        )
        locate = locator(row[0], [], _renames("message_id"), columns)
        messages.append(problems.parse(MessageIn, data, locate))
    problems.check()
    return [m for m in messages if m is not None]


def refund_from_rows(rows: Sequence[Row]) -> RefundIn:
    problems = _start(rows)
    head = rows[0]
    cells = head[1]
    data = pick(
        external_id=cells.get("refund_id"),
        amount=problems.cell(head, "amount", partial(money, currency=_currency(cells))),
        currency=cells.get("currency"),
        reason=cells.get("reason"),
        return_external_id=cells.get("return_id"),
        refunded_at=problems.cell(head, "refunded_at", timestamp),
        **_order_ref(cells),
    )
    columns = REFUND_COLUMNS.required | REFUND_COLUMNS.optional
    return problems.validate(RefundIn, data, locator(head[0], [], _renames("refund_id"), columns))


def chargeback_from_rows(rows: Sequence[Row]) -> ChargebackIn:
    problems = _start(rows)
    head = rows[0]
    cells = head[1]
    data = pick(
        external_id=cells.get("chargeback_id"),
        amount=problems.cell(head, "amount", partial(money, currency=_currency(cells))),
        currency=cells.get("currency"),
        reason=cells.get("reason"),
        status=cells.get("status"),
        opened_at=problems.cell(head, "opened_at", timestamp),
        resolved_at=problems.cell(head, "resolved_at", timestamp),
        updated_at=problems.cell(head, "updated_at", timestamp),
        **_order_ref(cells),
    )
    columns = CHARGEBACK_COLUMNS.required | CHARGEBACK_COLUMNS.optional
    locate = locator(head[0], [], _renames("chargeback_id"), columns)
    return problems.validate(ChargebackIn, data, locate)


def survey_from_rows(rows: Sequence[Row]) -> SurveyAnswerIn:
    problems = _start(rows)
    head = rows[0]
    cells = head[1]
    data = pick(
        external_id=cells.get("answer_id"),
        kind=cells.get("kind"),
        score=problems.cell(head, "score", whole_number),
        comment=cells.get("comment"),
        ticket_external_id=cells.get("ticket_id"),
        # Tickets a file refers to came in by a file too.
        ticket_source="csv" if cells.get("ticket_id") else None,
        answered_at=problems.cell(head, "answered_at", timestamp),
        **_order_ref(cells),
    )
    columns = SURVEY_COLUMNS.required | SURVEY_COLUMNS.optional
    locate = locator(head[0], [], _renames("answer_id"), columns)
    return problems.validate(SurveyAnswerIn, data, locate)


def _currency(cells: dict[str, str]) -> str:
    return cells.get("currency", "").upper()


__all__ = [
    "CHARGEBACK_COLUMNS",
    "REFUND_COLUMNS",
    "RETURN_COLUMNS",
    "SHIPMENT_COLUMNS",
    "SURVEY_COLUMNS",
    "TICKET_COLUMNS",
    "ReturnRecord",
    "chargeback_from_rows",
    "messages_from_rows",
    "price_return",
    "refund_from_rows",
    "return_from_rows",
    "shipment_from_rows",
    "survey_from_rows",
]
