"""A shop's provider connections: the Mailgun signing key, the Gorgias account."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.audit import record
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


__all__ = ["connect_provider", "find_connection"]
