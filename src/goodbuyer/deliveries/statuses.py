"""Shipment and survey vocabularies."""

from __future__ import annotations

from enum import StrEnum


class ShipmentStatus(StrEnum):
    LABEL_CREATED = "label_created"  # the shop made a label; the carrier has nothing yet
    IN_TRANSIT = "in_transit"  # the carrier has it and is moving it
    OUT_FOR_DELIVERY = "out_for_delivery"  # on the van today
    FAILED_ATTEMPT = "failed_attempt"  # nobody home, wrong address, or the door was not opened
    DELIVERED = "delivered"  # handed over (cash collected, for cash on delivery)
    REFUSED = "refused"  # the customer refused it at the door
    RETURNED_TO_ORIGIN = "returned_to_origin"  # on its way back, or back, at the shop
    LOST = "lost"  # the carrier lost it
    DAMAGED = "damaged"  # the carrier reported it damaged


class SurveyKind(StrEnum):
    NPS = "nps"  # 0-10: how likely to recommend
    CSAT = "csat"  # 1-5: how satisfied with this delivery or ticket


__all__ = ["ShipmentStatus", "SurveyKind"]
