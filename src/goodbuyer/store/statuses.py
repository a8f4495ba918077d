"""Order, payment and source vocabularies: pure enums shared by every feature."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    PLACED = "placed"  # received from the shop, nothing decided yet
    AWAITING_CONFIRMATION = "awaiting_confirmation"  # held until the customer confirms it
    CONFIRMED = "confirmed"  # the customer or an agent confirmed it; ready to ship
    SHIPPED = "shipped"  # handed to the carrier
    DELIVERED = "delivered"  # the carrier delivered it (and, for cash on delivery, was paid)
    REFUSED = "refused"  # the customer refused the parcel at the door
    RETURNED_TO_ORIGIN = "returned_to_origin"  # undeliverable; the carrier brought it back
    CANCELLED = "cancelled"  # cancelled by the customer, the shop or the confirmation flow


class PaymentMethod(StrEnum):
    CASH_ON_DELIVERY = "cod"  # paid to the courier at the door
    CARD = "card"  # credit or debit card
    WALLET = "wallet"  # PayPal, Apple Pay, Google Pay and the like
    BANK_TRANSFER = "bank_transfer"  # paid by bank transfer before shipping
    OTHER = "other"  # anything else (gift card, store credit, invoice)


class PaymentStatus(StrEnum):
    PENDING = "pending"  # not paid yet (always so for cash on delivery before delivery)
    AUTHORIZED = "authorized"  # reserved on the card, not captured
    PAID = "paid"  # money received
    PARTIALLY_REFUNDED = "partially_refunded"  # part of it given back
    REFUNDED = "refunded"  # all of it given back
    VOIDED = "voided"  # the authorization was released
    UNPAID = "unpaid"  # cash on delivery that was never collected


class Source(StrEnum):
    API = "api"  # our REST API
    SHOPIFY = "shopify"  # Shopify webhooks
    WOOCOMMERCE = "woocommerce"  # WooCommerce webhooks
    CSV = "csv"  # `goodbuyer import` backfills


class ContactKind(StrEnum):
    PHONE = "phone"  # as given, and its comparable form
    EMAIL = "email"
    ADDRESS = "address"  # one line: street, house number, postcode, city, country


__all__ = ["ContactKind", "OrderStatus", "PaymentMethod", "PaymentStatus", "Source"]
