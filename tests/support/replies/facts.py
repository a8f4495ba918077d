"""Plain factories for reply tests."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from goodbuyer.support.replies import ReplyInput

FULL: dict[str, Any] = {
    "first_name": "Aino",
    "order_number": "#100482",
    "tracking_url": "https://track.example/p/JJFI6412345",
    "tracking_number": "JJFI6412345",
    "carrier": "Posti",
    "days_late": 4,
    "refund_amount": 4990,
    "credit_amount": 1500,
    "credit_code": "GOODWILL-7F3K",
    "fee_amount": 790,
    "currency": "EUR",
    "shop_name": "Revontuli",
    "official_channel": "legal@revontuli.example",
}


def reply_input(lang: str = "en", resolution: str = "send_tracking", **changes: Any) -> ReplyInput:
    base = ReplyInput(lang=lang, intent="general_question", resolution=resolution, **FULL)
    return replace(base, **changes)
