"""Return vocabularies."""

from __future__ import annotations

from enum import StrEnum


class ReturnStatus(StrEnum):
    REQUESTED = "requested"  # the customer asked; nothing decided
    AWAITING_PHOTOS = "awaiting_photos"  # photo evidence asked for before deciding
    APPROVED = "approved"  # an RMA was issued
    REJECTED = "rejected"  # refused under the store's policy
    RECEIVED = "received"  # the goods are back at the shop
    REFUNDED = "refunded"  # money (or credit) given back
    CLOSED = "closed"  # finished without a refund (exchange, keep-item, withdrawn)


class ReturnReason(StrEnum):
    SIZE = "size"  # did not fit
    CHANGED_MIND = "changed_mind"  # no longer wanted
    DAMAGED = "damaged"  # arrived broken or defective
    WRONG_ITEM = "wrong_item"  # a different product, size or colour was sent
    NOT_AS_DESCRIBED = "not_as_described"  # not what the listing said
    LATE = "late"  # arrived too late to be useful
    CANCELLED_AFTER_SHIPPING = "cancelled_after_shipping"  # cancelled once already shipped
    OTHER = "other"  # anything else; see the free text


__all__ = ["ReturnReason", "ReturnStatus"]
