"""Ticket and message vocabularies."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    EMAIL = "email"  # e-mail, direct or through a provider's inbound webhook
    CHAT = "chat"  # the shop's web chat
    SMS = "sms"  # text message
    WHATSAPP = "whatsapp"  # WhatsApp
    SOCIAL = "social"  # a social-media mention or direct message
    PHONE = "phone"  # a call, written up by an agent
    HELPDESK = "helpdesk"  # arrived through a helpdesk (Gorgias, Zendesk)
    WEB = "web"  # a contact form or a goodbuyer page


class TicketStatus(StrEnum):
    OPEN = "open"  # waiting for the shop
    PENDING = "pending"  # waiting for the customer
    SOLVED = "solved"  # answered; reopens on a new message
    CLOSED = "closed"  # finished for good


class Direction(StrEnum):
    INBOUND = "inbound"  # from the customer
    OUTBOUND = "outbound"  # to the customer
    INTERNAL = "internal"  # a note among staff


class AuthorKind(StrEnum):
    CUSTOMER = "customer"  # the shop's customer
    AGENT = "agent"  # a person on the shop's team
    SYSTEM = "system"  # goodbuyer itself


__all__ = ["AuthorKind", "Channel", "Direction", "TicketStatus"]
