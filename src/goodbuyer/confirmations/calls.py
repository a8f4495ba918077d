"""The agents' call queue."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from goodbuyer import audit
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.statuses import ConfirmationStatus


def enter_call_queue(session: Session, c: Confirmation, now: datetime, actor: str) -> None:
    if c.status is ConfirmationStatus.CALLING:
        return
    c.status, c.call_due_at, c.updated_at = ConfirmationStatus.CALLING, now, now
    audit.record(session, shop_id=c.shop_id, at=now, actor=actor, action="confirmation.calling",
                 subject_type="confirmation", subject_id=c.id, customer_id=c.customer_id,
                 order_id=c.order_id, data={})  # fmt: skip
