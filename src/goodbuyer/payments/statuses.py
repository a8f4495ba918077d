"""Chargeback vocabularies (close to the card networks' and Shopify's dispute reasons)."""

from __future__ import annotations

from enum import StrEnum


class ChargebackReason(StrEnum):
    FRAUDULENT = "fraudulent"  # the cardholder says they did not make the purchase
    NOT_RECEIVED = "product_not_received"  # says the goods never came
    NOT_AS_DESCRIBED = "product_unacceptable"  # says the goods were defective or not as listed
    DUPLICATE = "duplicate"  # charged twice
    SUBSCRIPTION_CANCELED = "subscription_canceled"  # says a subscription was cancelled
    CREDIT_NOT_PROCESSED = "credit_not_processed"  # says a promised refund never came
    GENERAL = "general"  # any other reason


class ChargebackStatus(StrEnum):
    OPEN = "open"  # raised by the bank; the shop can respond
    UNDER_REVIEW = "under_review"  # evidence submitted; the bank decides
    WON = "won"  # decided for the shop; the money stays
    LOST = "lost"  # decided for the cardholder; the money is gone
    ACCEPTED = "accepted"  # the shop accepted it without a fight


__all__ = ["ChargebackReason", "ChargebackStatus"]
