"""Payment method from a platform's gateway names ("Cash on Delivery (COD)", "stripe") (pure).

Merchants name manual methods in their own language ("Utánvét", "الدفع عند الاستلام"), so
cash on delivery is also recognised by its common names in the shops' languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from goodbuyer.store.statuses import PaymentMethod

_COD = re.compile(
    r"\bcod\b|cash on delivery|pay on delivery|utánvét|utanvet|nachnahme|contrareembolso|"
    r"contre remboursement|contrassegno|pobranie|dobírka|ramburs|kapıda ödeme|"
    r"الدفع عند الاستلام|الدفع عند التوصيل"
)
_WALLET = re.compile(r"paypal|ppcp|ppec|apple pay|google pay|amazon pay")
_BANK = re.compile(r"bank|manual|bacs|wire|transfer|átutalás")
_CARD = re.compile(
    r"shopify payments|woocommerce payments|stripe|braintree|adyen|authorize net|checkout com|"
    r"card|visa|mastercard|bogus|worldpay|square"
)
_PRIORITY = (
    PaymentMethod.CASH_ON_DELIVERY,
    PaymentMethod.CARD,
    PaymentMethod.WALLET,
    PaymentMethod.BANK_TRANSFER,
)


def payment_method(gateways: Iterable[str]) -> PaymentMethod:
    """The method of an order paid through these gateways. Cash on delivery wins when
    present: it is the money still to be collected at the door."""
    found = {gateway_method(g) for g in gateways}
    return next((m for m in _PRIORITY if m in found), PaymentMethod.OTHER)


def gateway_method(name: str) -> PaymentMethod:
    folded = " ".join(name.casefold().replace("_", " ").replace("-", " ").split())
    if "gift card" in folded:
        return PaymentMethod.OTHER
    for pattern, method in (
        (_COD, PaymentMethod.CASH_ON_DELIVERY),
        (_WALLET, PaymentMethod.WALLET),
        (_BANK, PaymentMethod.BANK_TRANSFER),
        (_CARD, PaymentMethod.CARD),
    ):
        if pattern.search(folded):
            return method
    return PaymentMethod.OTHER


__all__ = ["gateway_method", "payment_method"]
