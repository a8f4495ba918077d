"""The one protocol every outbound channel follows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.errors import ExternalServiceError


@dataclass(frozen=True)
class Message:
    key: str  # idempotency key "confirm:<confirmation id>:<step>"
    channel: OutboundChannel
    recipient: str  # E.164 phone for sms/whatsapp, an address for email, "" otherwise
    subject: str | None  # e-mail only
    body: str
    status_callback: str | None = None  # where the provider posts delivery statuses
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass
class ChannelError(ExternalServiceError):
    retryable: bool = True  # False: the provider refused for good (a bad number...)


class Channel(Protocol):
    kind: OutboundChannel

    def send(self, message: Message) -> str:
        """The provider's message id; raises ChannelError."""
        ...

    def find_sent(self, message: Message, since: datetime) -> str | None:
        """After a crash inside send(): the provider's id if it already holds the message."""
        ...


__all__ = ["Channel", "ChannelError", "Message"]
