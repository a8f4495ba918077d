"""Vocabularies of the support intake (pure)."""

from __future__ import annotations

from enum import StrEnum


class Provider(StrEnum):
    MAILGUN = "mailgun"  # Mailgun's routed form post; HMAC-signed with the signing key
    POSTMARK = "postmark"  # Postmark's inbound JSON
    GORGIAS = "gorgias"  # the Gorgias helpdesk: webhook in, tags and notes out
    IMAP = "imap"  # the shop's support mailbox, polled; the secret is its password


class WritebackStatus(StrEnum):
    PENDING = "pending"  # queued, or waiting to be retried after a transient failure
    PUSHED = "pushed"  # every step reached the helpdesk
    FAILED = "failed"  # refused for good, or out of attempts; an agent looks at it


EMAIL_PROVIDERS = frozenset({Provider.MAILGUN, Provider.POSTMARK})

__all__ = ["EMAIL_PROVIDERS", "Provider", "WritebackStatus"]
