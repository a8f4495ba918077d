"""Social-media mentions (R6.5): a public post or comment becomes a ticket on the social
channel, marked public so that the reply side drafts a short public answer and a private
message rather than posting order details for everyone to read."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, Field
from sqlalchemy.orm import Session

from goodbuyer.store.schemas import ExternalId, IngestResult, InModel
from goodbuyer.support import service
from goodbuyer.support.schemas import MessageIn
from goodbuyer.support.statuses import Channel

SOCIAL_SOURCE = "social"
PUBLIC_TAG = "public"
_MAX_KEY = 128


class MentionIn(InModel):
    """A public post or comment that names the shop."""

    platform: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,31}$")] = Field(
        description="instagram, facebook, x, tiktok, ... (lower case)"
    )
    post_id: ExternalId = Field(description="the platform's id of this post; idempotency key")
    thread_id: ExternalId | None = Field(
        default=None, description="the post this one comments on; its comments share a ticket"
    )
    author_handle: Annotated[str, Field(min_length=1, max_length=300)]
    author_name: Annotated[str, Field(max_length=300)] | None = None
    url: Annotated[str, Field(max_length=2000, pattern=r"^https?://\S+$")] | None = None
    text: Annotated[str, Field(min_length=1, max_length=100_000)]
    language: Annotated[str, Field(max_length=16)] | None = None
    posted_at: AwareDatetime


def receive_mention(
    session: Session, shop_id: uuid.UUID, mention: MentionIn, now: datetime, actor: str
) -> IngestResult:
    """Store a mention once (per platform and post id), in the ticket of its author and
    thread; the ticket is tagged public."""
    handle = mention.author_handle.lstrip("@")
    thread = mention.thread_id or mention.post_id
    data = MessageIn(
        ticket_external_id=_key(f"{mention.platform}:{handle}:{thread}"),
        external_id=_key(f"{mention.platform}:{mention.post_id}"),
        channel=Channel.SOCIAL,
        author_name=mention.author_name or f"@{handle}",
        body=mention.text,
        language=mention.language,
        sent_at=mention.posted_at,
        raw={"public": True, "platform": mention.platform, "post_id": mention.post_id,
             "thread_id": thread, "author_handle": handle, "url": mention.url},
    )  # fmt: skip
    result = service.ingest_message(session, shop_id, SOCIAL_SOURCE, data, now, actor)
    ticket = service.require_ticket(session, shop_id, SOCIAL_SOURCE, data.ticket_external_id)
    if PUBLIC_TAG not in ticket.tags:
        ticket.tags = [*ticket.tags, PUBLIC_TAG]
    return result


def _key(value: str) -> str:
    if len(value) <= _MAX_KEY:
        return value
    return "sha256:" + hashlib.sha256(value.encode()).hexdigest()


__all__ = ["PUBLIC_TAG", "SOCIAL_SOURCE", "MentionIn", "receive_mention"]
