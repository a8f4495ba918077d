"""CSV backfill: every kind of file imports; a second import changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from goodbuyer.audit import AuditEvent
from goodbuyer.deliveries.models import Shipment, ShipmentEvent, SurveyAnswer
from goodbuyer.models import metadata
from goodbuyer.payments.models import Chargeback, Refund
from goodbuyer.returns.models import Return
from goodbuyer.store.models import ContactPoint, Customer, Order, OrderLine
from goodbuyer.store.service import ImportReport, import_file
from goodbuyer.support.models import Ticket
from goodbuyer.web.deps import Services
from tests.factories import count_rows, make_shop

FIXTURES = Path(__file__).parent.parent / "fixtures" / "csv"
KINDS = ("orders", "shipments", "returns", "tickets", "refunds", "chargebacks", "surveys")


def _import_all(services: Services, shop_id: Any) -> dict[str, ImportReport]:
    return {kind: import_file(services, shop_id, kind, FIXTURES / f"{kind}.csv") for kind in KINDS}


def _outcomes(report: ImportReport) -> tuple[int, int, int, int, int, int]:
    r = report
    return (r.rows, r.created, r.updated, r.unchanged, r.stale, r.rejected)


def _order(services: Services, external_id: str) -> Order:
    with services.sessions() as session:
        order = session.scalar(select(Order).where(Order.external_id == external_id))
        assert order is not None
        session.expunge_all()
        return order


def test_every_kind_imports_its_file(services: Services) -> None:
    shop_id, _ = make_shop(services)

    reports = _import_all(services, shop_id)

    assert {kind: _outcomes(r) for kind, r in reports.items()} == {
        "orders": (4, 3, 0, 0, 0, 0),
        "shipments": (4, 2, 0, 0, 0, 0),
        "returns": (3, 2, 0, 0, 0, 0),
        "tickets": (3, 2, 0, 0, 0, 0),
        "refunds": (1, 1, 0, 0, 0, 0),
        "chargebacks": (1, 1, 0, 0, 0, 0),
        "surveys": (2, 2, 0, 0, 0, 0),
    }
    assert reports["orders"].summary() == (
        "4 rows read; 3 records accepted (3 created, 0 updated, 0 unchanged, 0 stale); 0 rejected"
    )


def test_orders_are_stored_with_lines_money_and_contacts(services: Services) -> None:
    shop_id, _ = make_shop(services)

    import_file(services, shop_id, "orders", FIXTURES / "orders.csv")

    first, forints = _order(services, "1001"), _order(services, "1002")
    assert (first.source, first.number, first.status.value, first.payment_status.value) == (
        "csv",
        "#1001",
        "delivered",
        "paid",
    )
    assert (first.subtotal, first.shipping, first.total) == (2 * 1990 + 1500, 490, 5970)
    assert [(ln.sku, ln.quantity, ln.unit_price, ln.unit_cost) for ln in first.lines] == [
        ("TEE-M-BLK", 2, 1990, 700),
        ("CAP-01", 1, 1500, None),
    ]
    assert first.placed_at.isoformat() == "2026-03-01T10:00:00+00:00"
    assert first.source_updated_at.isoformat() == "2026-03-04T09:15:00+00:00"
    assert (forints.currency, forints.total, forints.ship_country) == ("HUF", 2_649_000, "HU")
    assert forints.source_updated_at == forints.placed_at
    assert _order(services, "1003").total == 5990 - 500
    assert (count_rows(services, Customer), count_rows(services, ContactPoint)) == (3, 7)
    assert count_rows(services, OrderLine) == 4


def test_records_that_refer_to_orders_are_stored(services: Services) -> None:
    shop_id, _ = make_shop(services)

    _import_all(services, shop_id)

    with services.sessions() as session:
        shipments = {s.external_id: s.status.value for s in session.scalars(select(Shipment))}
        returned = session.scalars(select(Return).order_by(Return.external_id)).all()
        prices = [[(ln.sku, ln.unit_price) for ln in r.lines] for r in returned]
        tickets = {t.external_id: len(t.messages) for t in session.scalars(select(Ticket))}
        refund = session.scalars(select(Refund)).one()
        chargeback = session.scalars(select(Chargeback)).one()
        answers = {
            a.external_id: (a.kind.value, a.score) for a in session.scalars(select(SurveyAnswer))
        }
    assert shipments == {"S-1001-1": "delivered", "S-1003-1": "label_created"}
    assert count_rows(services, ShipmentEvent) == 3
    assert prices == [[("CAP-01", 1250), ("TEE-M-BLK", 1990)], [("DRS-S-RED", 5990)]]
    assert returned[1].photos == ["https://img.example/r89-1.jpg", "https://img.example/r89-2.jpg"]
    assert tickets == {"T-501": 2, "T-502": 1}
    assert (refund.amount, refund.currency, refund.return_id) == (3240, "EUR", returned[0].id)
    assert (chargeback.amount, chargeback.status.value) == (5490, "under_review")
    assert answers == {"A-1": ("nps", 9), "A-2": ("csat", 5)}
    assert _order(services, "1001").payment_status.value == "partially_refunded"


def test_a_second_import_of_the_same_files_changes_nothing(services: Services) -> None:
    shop_id, _ = make_shop(services)
    _import_all(services, shop_id)
    before = {table.name: count_rows(services, table) for table in metadata.sorted_tables}

    again = _import_all(services, shop_id)

    assert {
        kind: (r.created, r.updated, r.stale, r.rejected) for kind, r in again.items()
    } == dict.fromkeys(KINDS, (0, 0, 0, 0))
    assert [r.unchanged for r in again.values()] == [3, 2, 2, 2, 1, 1, 2]
    assert {table.name: count_rows(services, table) for table in metadata.sorted_tables} == before


def test_a_newer_file_updates_an_order_and_an_older_one_is_ignored(
    services: Services, tmp_path: Path
) -> None:
    shop_id, _ = make_shop(services)
    import_file(services, shop_id, "orders", FIXTURES / "orders.csv")
    text = (FIXTURES / "orders.csv").read_text(encoding="utf-8")
    newer = tmp_path / "newer.csv"
    newer.write_text(
        text.replace("2026-03-02T08:10:00Z,EUR,confirmed", "2026-03-03T08:00:00Z,EUR,shipped"),
        encoding="utf-8",
    )
    older = tmp_path / "older.csv"
    older.write_text(
        text.replace("2026-03-02T08:10:00Z,EUR,confirmed", "2026-03-02T08:06:00Z,EUR,cancelled"),
        encoding="utf-8",
    )

    updated = import_file(services, shop_id, "orders", newer)
    stale = import_file(services, shop_id, "orders", older)

    assert (updated.updated, updated.unchanged, stale.stale, stale.unchanged) == (1, 2, 1, 2)
    assert _order(services, "1003").status.value == "shipped"
    assert count_rows(services, OrderLine) == 4
    assert count_rows(services, AuditEvent) == 3 + 3 + 1  # shop, policy, key; 3 orders; 1 update
