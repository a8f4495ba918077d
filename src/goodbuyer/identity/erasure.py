"""The right to erasure (R7.2): a person's personal data removed or irreversibly
pseudonymised in every table, in the caller's one transaction; orders, money, outcomes
and flags with their evidence stay, so the shop's figures and decisions stay correct."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from goodbuyer import audit
from goodbuyer.identity import erasure_linked as linked
from goodbuyer.identity import erasure_tables as tables
from goodbuyer.identity.footprint import find_footprint

ERASED_ACTION = "customer.erased"


@dataclass(frozen=True)
class ErasureReport:
    """What one erasure changed: rows rewritten or deleted per table (0: nothing left)."""

    customer_id: uuid.UUID
    person_id: uuid.UUID
    customer_records: list[uuid.UUID]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def erase_customer(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, now: datetime, actor: str
) -> ErasureReport:
    """Erase the person behind `customer_id` (every customer record of theirs) and record
    one `customer.erased` event with the counts. Erasing again changes nothing more.
    Raises NotFound for a customer the shop does not have."""
    fp = find_footprint(session, shop_id, customer_id)
    scrub = fp.scrubber()
    salt = secrets.token_bytes(32)  # never stored: the pseudonyms cannot be recomputed
    counts: dict[str, int] = {}
    # Rows that are found through the person's values or platform ids go first, while
    # those are still in the orders and customer keys.
    counts |= linked.erase_source_events(session, fp, scrub)
    counts |= linked.erase_flags(session, fp, scrub, salt)
    counts |= tables.erase_customers(session, fp, salt, now)
    counts |= tables.erase_orders(session, fp, scrub, now)
    counts |= tables.erase_identity(session, fp, scrub)
    counts |= tables.erase_checks(session, fp, scrub)
    counts |= linked.erase_decisions(session, fp, scrub)
    counts |= linked.erase_after_sales(session, fp, scrub)
    counts |= linked.erase_conversations(session, fp, scrub)
    counts |= linked.erase_incidents(session, fp)
    counts |= linked.erase_analyses(session, fp)
    counts |= linked.erase_writebacks(session, fp)
    counts |= linked.erase_outbox(session, fp, scrub)
    counts |= linked.erase_confirmations(session, fp)
    counts |= tables.erase_audit(session, fp, scrub)
    session.flush()
    audit.record(
        session, shop_id=shop_id, at=now, actor=actor, action=ERASED_ACTION,
        subject_type="customer", subject_id=customer_id, customer_id=customer_id,
        data={"records": len(fp.members), "counts": dict(sorted(counts.items()))},
    )  # fmt: skip
    return ErasureReport(customer_id, fp.person_id, fp.members, dict(sorted(counts.items())))


__all__ = ["ERASED_ACTION", "ErasureReport", "erase_customer"]
