"""Message texts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class Rendered(NamedTuple):
    subject: str | None
    body: str


_EN = {
    "confirm_sms": (None, "{shop}: please confirm order {order} ({total}): {link}"),
    "confirm_whatsapp": (None, "{shop}: please confirm order {order} ({total}): {link}"),
    "confirm_email": ("Order {order}", "We tried {phone}. Reply with a new number or cancel."),
    "confirm_webhook": (None, "{shop}: please confirm order {order} ({total}): {link}"),
}


def render(
    template: str, language: str, values: Mapping[str, str],
    overrides: Mapping[str, Mapping[str, str]],
) -> Rendered:  # fmt: skip
    subject, body = _EN[template]
    return Rendered(subject.format(**values) if subject else None, body.format(**values))
