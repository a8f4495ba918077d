"""Vocabularies of the outbox and the confirmation flow."""

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
    SKIPPED = "skipped"  # not sent: the flow had ended before its step ran


class ConfirmationStatus(StrEnum):
    QUEUED = "queued"  # decided "confirm first"; the worker has not started the ladder yet
    WAITING = "waiting"  # a message went out; waiting for the customer's answer
    CALLING = "calling"  # in the agents' call queue
    CONFIRMED = "confirmed"  # the customer or an agent confirmed the order
    CANCELLED = "cancelled"  # the customer or an agent cancelled the order
    GHOST = "ghost"  # unreachable after every call: order cancelled, customer in the ghost box
    CLOSED = "closed"  # the order left the flow another way (the shop cancelled or shipped it)


OPEN_STATUSES = frozenset(
    {ConfirmationStatus.QUEUED, ConfirmationStatus.WAITING, ConfirmationStatus.CALLING}
)


class ResolvedVia(StrEnum):
    PAGE = "page"  # the customer pressed Confirm or Cancel on the confirmation page
    REPLY = "reply"  # the customer answered the SMS or WhatsApp message
    CALL = "call"  # an agent reached the customer by phone
    AGENT = "agent"  # an agent decided without a call (the shop's own reasons)
    SHOP = "shop"  # the shop changed the order outside the flow


class CallOutcome(StrEnum):
    CONFIRMED = "confirmed"  # the customer confirmed on the phone
    CANCELLED = "cancelled"  # the customer cancelled on the phone
    NO_ANSWER = "no_answer"  # nobody answered (counts toward the ghost box)
    WRONG_NUMBER = "wrong_number"  # someone else answered (counts toward the ghost box)
    CALL_BACK = "call_back"  # the customer asked to be called at another time


__all__ = [
    "OPEN_STATUSES",
    "CallOutcome",
    "ConfirmationStatus",
    "DeliveryStatus",
    "OutboundChannel",
    "ResolvedVia",
]
