"""What a tag push writes to and where it stands (stored as strings in `tag_pushes`)."""

from __future__ import annotations

from enum import StrEnum


class Target(StrEnum):
    ORDER = "order"  # the Shopify order the decision was on
    CUSTOMER = "customer"  # the Shopify customer who placed it


class PushStatus(StrEnum):
    PENDING = "pending"  # queued, not sent yet
    PUSHED = "pushed"  # Shopify accepted every tag change
    FAILED = "failed"  # the last attempt failed; retried until the attempts run out


__all__ = ["PushStatus", "Target"]
