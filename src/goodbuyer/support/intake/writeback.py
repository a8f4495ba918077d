"""Helpdesk write-backs: tags and an internal note holding the analysis and the drafted
reply, queued once per analysed message and pushed by `goodbuyer support push-helpdesk`.

Queueing is idempotent (one row per ticket message). Pushing claims a row by moving its
next attempt forward, so two pushers never push one row at once. Tags are safe to add
twice; the note carries our idempotency key as its Gorgias `external_id` and is looked
up before it is posted, so a crash or a lost answer never posts it twice.
"""

from __future__ import annotations

import html
import uuid
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.records import store_keyed
from goodbuyer.support.intake.gorgias import GORGIAS_SOURCE
from goodbuyer.support.intake.models import HelpdeskWriteback
from goodbuyer.support.intake.statuses import Provider, WritebackStatus
from goodbuyer.support.models import Ticket

HELPDESK_SOURCES = {GORGIAS_SOURCE: Provider.GORGIAS}
MAX_TAGS, MAX_TAG_LENGTH, MAX_NOTE = 20, 64, 50_000


def queue_helpdesk_writeback(
    session: Session, ticket: Ticket, message_id: uuid.UUID, tags: list[str], note: str,
    now: datetime,
) -> None:  # fmt: skip
    """Queue tags and an internal note for the helpdesk the ticket came from, once per
    analysed message. Tickets that came through no helpdesk are left alone."""
    provider = HELPDESK_SOURCES.get(ticket.source)
    if provider is None:
        return
    key = f"{provider.value}:{ticket.external_id}:{message_id}"
    clean = list(dict.fromkeys(t.strip()[:MAX_TAG_LENGTH] for t in tags if t.strip()))[:MAX_TAGS]

    def create() -> HelpdeskWriteback:
        return HelpdeskWriteback(
            shop_id=ticket.shop_id, idempotency_key=key, provider=provider, ticket_id=ticket.id,
            message_id=message_id, external_ticket_id=ticket.external_id, tags=clean,
            note=note[:MAX_NOTE], status=WritebackStatus.PENDING, steps_done=[], attempts=0,
            next_attempt_at=now, created_at=now, updated_at=now,
        )  # fmt: skip

    row, action = store_keyed(session, HelpdeskWriteback, {"idempotency_key": key}, create=create)
    if action == "created":
        audit_writeback(session, row, "helpdesk_writeback.queued", now, {"tags": clean})


def claim(session: Session, row_id: uuid.UUID, now: datetime, lease: timedelta) -> bool:
    """Take a due row for one push (its next attempt moves past the lease); False when
    another pusher took it first or it is no longer due."""
    claimed = session.execute(
        update(HelpdeskWriteback)
        .where(
            HelpdeskWriteback.id == row_id,
            HelpdeskWriteback.status == WritebackStatus.PENDING,
            HelpdeskWriteback.next_attempt_at <= now,
        )
        .values(
            next_attempt_at=now + lease,
            attempts=HelpdeskWriteback.attempts + 1,
            updated_at=now,
        )
    )
    return bool(getattr(claimed, "rowcount", 0))


def note_html(note: str) -> str:
    """The note as HTML paragraphs (agents read the HTML in Gorgias)."""
    blocks = [b for b in note.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(f"<p>{html.escape(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def audit_writeback(
    session: Session, row: HelpdeskWriteback, action: str, now: datetime, data: dict[str, object]
) -> None:
    record(
        session, shop_id=row.shop_id, at=now, actor="helpdesk", action=action,
        subject_type="ticket", subject_id=row.ticket_id,
        data={"writeback_id": str(row.id), **data},
    )  # fmt: skip


__all__ = ["HELPDESK_SOURCES", "audit_writeback", "claim", "note_html", "queue_helpdesk_writeback"]
