"""Start the ladder of orders newly held for confirmation. The order's transaction only
marks its confirmation `queued` (nothing is lost if the process dies right after); the
worker picks queued ones up every half second and enqueues their first step."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from goodbuyer.confirmations import flow
from goodbuyer.confirmations.ladder import step_due
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.runtime import Runtime
from goodbuyer.confirmations.sending import confirmation_policy
from goodbuyer.confirmations.statuses import ConfirmationStatus
from goodbuyer.db import transaction

BATCH = 500


def start_queued(rt: Runtime, limit: int = BATCH) -> int:
    """Enqueue the first step of up to `limit` queued confirmations; how many."""
    now = rt.clock.now()
    with transaction(rt.sessions) as session:
        query = (
            select(Confirmation)
            .where(Confirmation.status == ConfirmationStatus.QUEUED)
            .order_by(Confirmation.created_at)
            .limit(limit)
            .with_for_update(skip_locked=True)  # two workers on PostgreSQL split the batch
        )
        found = list(session.scalars(query))
        for c in found:
            quiet = confirmation_policy(session, c).quiet_hours
            _, delay = step_due(now, timedelta(0), quiet, c.time_zone, rt.settings.time_scale)
            # Enqueued before the row is marked: a crash in between enqueues it again under
            # the same workflow id, which runs it once.
            flow.enqueue_step(str(c.id), 0, delay)
            c.status, c.next_due_at = ConfirmationStatus.WAITING, now + timedelta(seconds=delay)
            c.updated_at = now
        return len(found)


__all__ = ["BATCH", "start_queued"]
