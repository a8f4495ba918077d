"""A shop's provider connections: the Mailgun signing key, the Gorgias account, the
support mailbox polled over IMAP."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.support.intake.imap import ImapMailbox
from goodbuyer.support.intake.models import SupportConnection
from goodbuyer.support.intake.statuses import Provider


def connect_provider(
    session: Session,
    shop_id: uuid.UUID,
    provider: Provider,
    secret: str,
    settings: dict[str, Any],
    now: datetime,
    actor: str,
) -> SupportConnection:
    """Create or replace the shop's connection to `provider` (audited, secret not logged)."""
    connection = find_connection(session, shop_id, provider)
    if connection is None:
        connection = SupportConnection(shop_id=shop_id, provider=provider, created_at=now)
        session.add(connection)
    connection.secret, connection.settings, connection.updated_at = secret, settings, now
    session.flush()
    record(
        session,
        shop_id=shop_id,
        at=now,
        actor=actor,
        action="support_connection.saved",
        subject_type="support_connection",
        subject_id=connection.id,
        data={"provider": provider.value, "settings": sorted(settings)},
    )
    return connection


def find_connection(
    session: Session, shop_id: uuid.UUID, provider: Provider
) -> SupportConnection | None:
    return session.scalar(
        select(SupportConnection).where(
            SupportConnection.shop_id == shop_id, SupportConnection.provider == provider
        )
    )


def mailbox_of(connection: SupportConnection) -> ImapMailbox:
    """The mailbox an IMAP connection names (settings: host, username, port, folder, tls,
    starttls; the secret is the password)."""
    s = connection.settings
    tls = bool(s.get("tls", True))
    return ImapMailbox(
        host=str(s["host"]), port=int(s.get("port") or (993 if tls else 143)),
        username=str(s["username"]), password=connection.secret,
        folder=str(s.get("folder") or "INBOX"), tls=tls, starttls=bool(s.get("starttls")),
    )  # fmt: skip


def connected_mailboxes(session: Session) -> list[tuple[uuid.UUID, ImapMailbox]]:
    """(shop id, mailbox) of every shop that connected its support mailbox."""
    found = session.scalars(
        select(SupportConnection)
        .where(SupportConnection.provider == Provider.IMAP)
        .order_by(SupportConnection.created_at, SupportConnection.id)
    )
    return [(c.shop_id, mailbox_of(c)) for c in found]


__all__ = ["connect_provider", "connected_mailboxes", "find_connection", "mailbox_of"]
