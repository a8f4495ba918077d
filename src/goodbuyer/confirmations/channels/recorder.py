"""The demo default: a channel that sends nothing. The outbox row is the record."""

from __future__ import annotations

from datetime import datetime

from goodbuyer.confirmations.channels.base import Message
from goodbuyer.confirmations.statuses import OutboundChannel


class RecorderChannel:
    """Stands in for any channel without provider settings; its id is `outbox-<key>`."""

    def __init__(self, kind: OutboundChannel = OutboundChannel.OUTBOX) -> None:
        self.kind = kind

    def send(self, message: Message) -> str:
        return f"outbox-{message.key}"

    def find_sent(self, message: Message, since: datetime) -> str | None:
        # Nothing leaves the process: "sending" again is as harmless as the first time.
        return None


__all__ = ["RecorderChannel"]
