"""Decision outcomes, ordered by priority: the strongest matching outcome wins."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    APPROVE = "approve"  # ship it
    CONFIRM = "confirm"  # confirm with the customer first (SMS, WhatsApp, e-mail, call)
    REVIEW = "review"  # an agent looks at it before anything happens
    PREPAY = "prepay"  # only if paid up front; no cash on delivery
    REJECT = "reject"  # do not ship

    @property
    def priority(self) -> int:
        return _PRIORITY[self]


_PRIORITY = {o: i for i, o in enumerate(Outcome)}

__all__ = ["Outcome"]
