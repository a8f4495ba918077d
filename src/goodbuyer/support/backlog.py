"""Reading the backlog: every inbound customer message not yet analysed (a history import,
or messages stored while reading was off), oldest first, embedded in batches outside the
write transaction and answered inside it. Re-running it reads nothing twice."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.db import transaction
from goodbuyer.shops.models import Shop
from goodbuyer.support.desk import process_message
from goodbuyer.support.models import Ticket, TicketMessage
from goodbuyer.support.reading import read_messages
from goodbuyer.support.service import unread_messages

BATCH = 64
Progress = Callable[[int], None]
"""Told how many messages have been read so far."""


@dataclass(frozen=True, slots=True)
class _Pending:
    message_id: uuid.UUID
    text: str
    channel: str


def read_backlog(
    sessions: sessionmaker[Session],
    clock: Clock,
    shop_id: uuid.UUID,
    actor: str,
    *,
    batch: int = BATCH,
    progress: Progress | None = None,
) -> int:
    """Analyse every unread inbound customer message of the shop; how many were read."""
    done = 0
    while True:
        with sessions() as session:
            shop = session.get_one(Shop, shop_id)
            languages = list(shop.languages)
            pending = [
                _Pending(m.id, m.body, m.channel.value)
                for m in unread_messages(session, shop_id, batch)
            ]
        if not pending:
            return done
        analyses = read_messages([p.text for p in pending], [p.channel for p in pending], languages)
        with transaction(sessions) as session:
            shop = session.get_one(Shop, shop_id)
            for item, analysis in zip(pending, analyses, strict=True):
                message = session.get_one(TicketMessage, item.message_id)
                ticket = session.get_one(Ticket, message.ticket_id)
                process_message(session, shop, ticket, message, analysis, clock.now(), actor,
                                as_of=message.sent_at)  # fmt: skip
        done += len(pending)
        if progress:
            progress(done)


__all__ = ["BATCH", "read_backlog"]
