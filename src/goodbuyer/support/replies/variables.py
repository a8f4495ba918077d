"""What a reply may say (pure): the template keys and, per resolution kind, the variables
its template may use. A reply can only name what its resolution fills, so it cannot
promise a refund, a credit or a fee that the policy did not give.

The allow-table is data: `KIND_VARIABLES` (what each kind fills), `GOODWILL_VARIABLES`
(what a VIP goodwill resolution adds, in `<kind>.goodwill` templates), `PUBLIC_VARIABLES`
(a public social reply names no person, order or amount) and `EVERY_VARIABLES`.
"""

from __future__ import annotations

from goodbuyer.support.triage.labels import INTENTS, LANGUAGES

VARIABLES: tuple[str, ...] = (
    "first_name", "order_number", "tracking_url", "tracking_number", "carrier", "days_late",
    "refund_amount", "credit_amount", "credit_code", "fee_amount", "shop_name",
    "official_channel", "delivered_on",
)  # fmt: skip

# The string values of support.playbook.ResolutionKind (decision 8), in its order.
RESOLUTION_KINDS: tuple[str, ...] = (
    "send_tracking",  # the tracking link: on its way, or the proof of delivery
    "open_carrier_claim",  # lost or late in transit: a claim with the carrier
    "reship",  # a new parcel
    "refund",  # money back
    "return_label",  # a prepaid label to send the item back
    "keep_item_refund",  # money back, the customer keeps the item
    "store_credit",  # credit for the next order
    "cancel",  # the order is cancelled before it ships
    "cancel_to_return",  # shipped already: returned for the published fee (R5.6)
    "update_address",  # the delivery address or phone is changed
    "cancel_subscription",  # the recurring order is stopped
    "confirm_order",  # a cash-on-delivery order is confirmed
    "answer_question",  # an agent answers; the draft acknowledges
    "polite_decline",  # nothing the policy allows; said kindly
    "escalate",  # a person takes over
)

THREATS: tuple[str, ...] = ("threat_review", "threat_legal", "threat_chargeback")

# Every template may greet by name, name the order, the shop and its official channel.
EVERY_VARIABLES = frozenset({"first_name", "order_number", "shop_name", "official_channel"})
_TRACKING = frozenset({"tracking_url", "tracking_number", "carrier"})
# When the carrier scanned the parcel delivered (written as the language writes dates).
_DELIVERED = frozenset({"delivered_on"})

KIND_VARIABLES: dict[str, frozenset[str]] = {
    "send_tracking": _TRACKING | _DELIVERED | {"days_late"},
    "open_carrier_claim": _TRACKING | _DELIVERED | {"days_late"},
    "reship": frozenset({"carrier"}),
    "refund": frozenset({"refund_amount"}),
    "return_label": frozenset({"carrier"}),
    "keep_item_refund": frozenset({"refund_amount"}),
    "store_credit": frozenset({"credit_amount", "credit_code"}),
    "cancel": frozenset({"refund_amount"}),
    "cancel_to_return": _TRACKING | {"fee_amount"},
    "update_address": frozenset(),
    "cancel_subscription": frozenset(),
    "confirm_order": frozenset(),
    "answer_question": frozenset(),
    "polite_decline": frozenset(),
    "escalate": frozenset(),
}

# A goodwill resolution (R4.4) may add store credit to any kind, and refund the charge
# that stopping a subscription leaves.
GOODWILL_VARIABLES: dict[str, frozenset[str]] = {
    kind: frozenset({"credit_amount", "credit_code"})
    | ({"refund_amount"} if kind == "cancel_subscription" else frozenset())
    for kind in RESOLUTION_KINDS
}

PUBLIC_VARIABLES = frozenset({"shop_name", "official_channel"})
PUBLIC_LIMIT = 280  # characters of a public social reply

# Keys every language has; a resolution's template is `<kind>` (subject optional), with
# `<intent>.<kind>` and `<kind>.goodwill` / `<intent>.<kind>.goodwill` as optional
# variants that win when they match.
FRAME_KEYS: tuple[str, ...] = ("subject", "greeting", "closing", "public", *THREATS)
REQUIRED_KEYS: tuple[str, ...] = (*FRAME_KEYS, *RESOLUTION_KINDS)
SUBJECT = ".subject"  # `<key>.subject` overrides the language's subject for that key


def template_kind(key: str) -> tuple[str | None, bool] | None:
    """(kind, goodwill) of a resolution key, (None, False) for a frame key, None when the
    key is not one a template can have."""
    key = key.removesuffix(SUBJECT)
    if key in FRAME_KEYS:
        return None, False
    parts = key.split(".")
    goodwill = parts[-1] == "goodwill"
    parts = parts[:-1] if goodwill else parts
    if len(parts) == 2 and parts[0] in INTENTS:
        parts = parts[1:]
    if len(parts) == 1 and parts[0] in RESOLUTION_KINDS:
        return parts[0], goodwill
    return None


def allowed_variables(key: str) -> frozenset[str]:
    """The variables the template under `key` may use (empty for an unknown key)."""
    key = key.removesuffix(SUBJECT)
    if key == "public":
        return PUBLIC_VARIABLES
    found = template_kind(key)
    if found is None:
        return frozenset()
    kind, goodwill = found
    if kind is None:
        return EVERY_VARIABLES
    extra = GOODWILL_VARIABLES[kind] if goodwill else frozenset()
    return EVERY_VARIABLES | KIND_VARIABLES[kind] | extra


def candidate_keys(intent: str, kind: str, goodwill: bool) -> tuple[str, ...]:
    """The keys to look a resolution's template up under, most specific first."""
    plain = (f"{intent}.{kind}", kind)
    return (f"{intent}.{kind}.goodwill", f"{kind}.goodwill", *plain) if goodwill else plain


__all__ = [
    "EVERY_VARIABLES", "FRAME_KEYS", "GOODWILL_VARIABLES", "INTENTS", "KIND_VARIABLES",
    "LANGUAGES", "PUBLIC_LIMIT", "PUBLIC_VARIABLES", "REQUIRED_KEYS", "RESOLUTION_KINDS",
    "SUBJECT", "THREATS", "VARIABLES", "allowed_variables", "candidate_keys", "template_kind",
]  # fmt: skip
