"""Rewinding a ticket's facts to when a message was sent (pure)."""

from __future__ import annotations

from datetime import UTC, datetime

from goodbuyer.support.ticket_facts import ScanView, ShipmentView, shipment_as_of, status_as_of


def _at(day: int) -> datetime:
    return datetime(2026, 2, day, 12, tzinfo=UTC)


SHIPMENT = ShipmentView(
    status="delivered", carrier="Posti", tracking_number="JJFI1", tracking_url=None,
    promised_at=_at(17), shipped_at=_at(12), delivered_at=_at(20),
    scans=(ScanView("in_transit", _at(12)), ScanView("out_for_delivery", _at(19)),
           ScanView("delivered", _at(20))),
)  # fmt: skip


def test_a_shipment_after_all_its_scans_is_unchanged() -> None:
    assert shipment_as_of(SHIPMENT, _at(25)) is SHIPMENT


def test_a_shipment_mid_journey_has_the_latest_scan_before_then() -> None:
    then = shipment_as_of(SHIPMENT, _at(19))

    assert (then.status, then.delivered_at, then.delivered()) == ("out_for_delivery", None, None)
    assert then.shipped_at == _at(12)
    assert [s.status for s in then.scans] == ["in_transit", "out_for_delivery"]
    assert then.promised_at == _at(17)  # the promise was made with the order


def test_a_shipment_without_scans_yet() -> None:
    bare = ShipmentView("in_transit", None, None, None, None, _at(12), None)

    assert shipment_as_of(bare, _at(11)).status == "label_created"
    assert shipment_as_of(bare, _at(13)) is bare


def test_an_order_status_counts_only_once_a_shipment_shows_it() -> None:
    assert status_as_of("delivered", [shipment_as_of(SHIPMENT, _at(25))]) == "delivered"
    assert status_as_of("delivered", [shipment_as_of(SHIPMENT, _at(15))]) == "shipped"
    assert status_as_of("delivered", [shipment_as_of(SHIPMENT, _at(11))]) == "placed"
    refused = ShipmentView("refused", None, None, None, None, _at(12), None,
                           (ScanView("refused", _at(14)),))  # fmt: skip
    assert status_as_of("returned_to_origin", [refused]) == "refused"


def test_without_shipments_or_before_leaving_the_status_stands() -> None:
    assert status_as_of("delivered", []) == "delivered"
    assert status_as_of("cancelled", [shipment_as_of(SHIPMENT, _at(11))]) == "cancelled"
    assert status_as_of("confirmed", [SHIPMENT]) == "confirmed"
