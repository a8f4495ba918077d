"""The one interface every outbound channel implements (STYLE 19): a message in, the
provider's id out; `find_sent` lets a step re-run after a crash without sending twice.

ExternalServiceError
└── ChannelError   a provider failed; `retryable` False when it refused for good
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.errors import ExternalServiceError


@dataclass(frozen=True)
class Message:
    """One outbound message as the ladder's send step hands it to a channel."""

    key: str  # idempotency key "confirm:<confirmation id>:<step>"
    channel: OutboundChannel  # sms, whatsapp, email, webhook, outbox
    recipient: str  # E.164 phone for sms/whatsapp, address for email, "" otherwise
    subject: str | None  # e-mail only
    body: str
    status_callback: str | None = None  # where the provider posts delivery statuses
    metadata: dict[str, str] = field(default_factory=dict)  # order number, shop slug...


@dataclass
class ChannelError(ExternalServiceError):
    retryable: bool = True  # False: the provider refused for good (bad number...)


class Channel(Protocol):
    kind: OutboundChannel

    def send(self, message: Message) -> str:
        """Hand the message to the provider; its message id. Raises ChannelError."""
        ...

    def find_sent(self, message: Message, since: datetime) -> str | None:
        """After a crash inside send(): the provider's id if it already holds this
        message, None if it does not; raises ChannelError if it cannot tell."""
        ...


__all__ = ["Channel", "ChannelError", "Message"]
