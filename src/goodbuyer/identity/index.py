"""What linking needs to know and change, whether it lives in the database (one order at a
time: REST, webhooks) or in memory (backfills): the `IdentityIndex` protocol."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from goodbuyer.identity.matcher import PairDecision
from goodbuyer.identity.records import Prepared
from goodbuyer.identity.statuses import KeyKind, LinkKind

CANDIDATES_PER_KEY = 25  # a key shared by more records (a parcel locker) gives the newest

Key = tuple[KeyKind, str]


@dataclass(frozen=True, slots=True)
class OrderRef:
    """The order whose contact data is being linked."""

    id: uuid.UUID
    shop_id: uuid.UUID
    customer_id: uuid.UUID
    number: str
    placed_at: datetime


class IdentityIndex(Protocol):
    def known(self, customer_id: uuid.UUID, signature: str) -> bool:
        """True when this customer record already used exactly this contact data."""
        ...

    def candidates(
        self, keys: Sequence[Key], customer_id: uuid.UUID
    ) -> list[tuple[uuid.UUID, Prepared]]:
        """Records of other customer records sharing a key: (customer id, record)."""
        ...

    def add_record(
        self, order: OrderRef, prepared: Prepared, signature: str, keys: Sequence[Key]
    ) -> None: ...

    def person_of(self, customer_id: uuid.UUID) -> uuid.UUID: ...

    def members(self, person_id: uuid.UUID) -> list[uuid.UUID]: ...

    def separated(self, left: Sequence[uuid.UUID], right: Sequence[uuid.UUID]) -> bool: ...

    def move_members(
        self, order: OrderRef, gone: uuid.UUID, keep: uuid.UUID, because: dict[str, object]
    ) -> None:
        """Every record of person `gone` joins person `keep` (and an audit event says so)."""
        ...

    def save_link(
        self, order: OrderRef, other: uuid.UUID, kind: LinkKind, decision: PairDecision
    ) -> None: ...


__all__ = ["CANDIDATES_PER_KEY", "IdentityIndex", "Key", "OrderRef"]
