"""The label sets of the triage analysis (issue 6): 14 languages, 11 intents, 4 flags."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = (
    "en", "fi", "hu", "cs", "he", "ar", "de", "es", "fr", "pt", "pl", "it", "nl", "tr",
)  # fmt: skip

INTENTS: tuple[str, ...] = (
    "where_is_order",  # not arrived yet / tracking question
    "not_received",  # tracking says delivered but it never came
    "return_refund",  # wants to return, exchange or be refunded
    "cancel_order",  # before or after shipping
    "change_address",  # wrong or changed address or phone
    "wrong_item",  # different product, size or colour
    "damaged_item",  # broken, defective
    "discount_request",  # discount, freebie, price match
    "subscription_issue",  # unexpected recurring charges, wants to stop
    "confirm_order",  # a reply confirming a cash-on-delivery order
    "general_question",  # pre-sales and anything else
)

FLAGS: tuple[str, ...] = (
    "threat_review",  # bad reviews / social shaming unless demands are met
    "threat_legal",  # lawyer, court, consumer authority, police
    "threat_chargeback",  # dispute with bank, card or PayPal
    "abusive",  # insults or profanity aimed at staff or the company
)

ANGER_LEVELS: tuple[int, ...] = (0, 1, 2)  # calm, annoyed, furious
