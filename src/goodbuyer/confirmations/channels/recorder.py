"""The recording-only channel: the outbox row is the whole message (the demo default)."""

from __future__ import annotations

from datetime import datetime

from goodbuyer.confirmations.channels.base import Message
from goodbuyer.confirmations.statuses import OutboundChannel


class Recorder:
    def __init__(self, kind: OutboundChannel) -> None:
        self.kind = kind

    def send(self, message: Message) -> str:
        return f"outbox-{message.key}"

    def find_sent(self, message: Message, since: datetime) -> str | None:
        return f"outbox-{message.key}"
