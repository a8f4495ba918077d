"""Outbox vocabularies."""

from __future__ import annotations

from enum import StrEnum


class OutboundChannel(StrEnum):
    SMS = "sms"  # Twilio-format SMS
    WHATSAPP = "whatsapp"  # Twilio-format WhatsApp
    EMAIL = "email"  # SMTP
    WEBHOOK = "webhook"  # a POST to the shop's own endpoint
    OUTBOX = "outbox"  # recorded only, never sent (the demo default)


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # recorded; the provider has not been called
    SENDING = "sending"  # the provider call is under way (a crash here is retried with the key)
    SENT = "sent"  # the provider accepted it
    DELIVERED = "delivered"  # the provider reported delivery
    FAILED = "failed"  # the provider refused it or retries ran out
    UNDELIVERABLE = "undeliverable"  # the provider reported it could not be delivered


__all__ = ["DeliveryStatus", "OutboundChannel"]
