"""What the support desk can do about a ticket (pure): the resolution kinds, and which of
them make sense for each intent (a playbook entry naming another is refused)."""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType


class ResolutionKind(StrEnum):
    SEND_TRACKING = "send_tracking"  # the tracking link and where the parcel is now
    OPEN_CARRIER_CLAIM = "open_carrier_claim"  # the shop asks the carrier to find or pay for it
    RESHIP = "reship"  # the shop sends the item again (a wrong one comes back on a free label)
    REFUND = "refund"  # money back now
    RETURN_LABEL = "return_label"  # a return label; money back once the item is back
    KEEP_ITEM_REFUND = "keep_item_refund"  # money back, the item stays: returning costs more
    STORE_CREDIT = "store_credit"  # credit for the next order
    CANCEL = "cancel"  # the order is cancelled before it ships
    CANCEL_TO_RETURN = "cancel_to_return"  # cancelled after shipping: a return, less the fee
    UPDATE_ADDRESS = "update_address"  # the address or phone is changed before shipping
    CANCEL_SUBSCRIPTION = "cancel_subscription"  # no more recurring charges
    CONFIRM_ORDER = "confirm_order"  # a cash-on-delivery order is confirmed
    ANSWER_QUESTION = "answer_question"  # an answer, nothing else is done
    POLITE_DECLINE = "polite_decline"  # no, kindly, with the rule that says so
    ESCALATE = "escalate"  # an agent decides


_K = ResolutionKind
# Every intent may be answered (e.g. "which order?") or handed to an agent.
_ANY = (_K.ANSWER_QUESTION, _K.ESCALATE)
_ALLOWED: dict[str, tuple[ResolutionKind, ...]] = {
    "where_is_order": (
        _K.SEND_TRACKING,
        _K.OPEN_CARRIER_CLAIM,
        _K.RESHIP,
        _K.REFUND,
        _K.STORE_CREDIT,
    ),
    "not_received": (
        _K.SEND_TRACKING,
        _K.OPEN_CARRIER_CLAIM,
        _K.RESHIP,
        _K.REFUND,
        _K.STORE_CREDIT,
        _K.POLITE_DECLINE,
    ),
    "return_refund": (
        _K.RETURN_LABEL,
        _K.KEEP_ITEM_REFUND,
        _K.REFUND,
        _K.STORE_CREDIT,
        _K.POLITE_DECLINE,
    ),
    "cancel_order": (_K.CANCEL, _K.CANCEL_TO_RETURN, _K.POLITE_DECLINE),
    "change_address": (_K.UPDATE_ADDRESS, _K.RESHIP, _K.POLITE_DECLINE),
    "wrong_item": (_K.RESHIP, _K.RETURN_LABEL, _K.KEEP_ITEM_REFUND, _K.REFUND, _K.STORE_CREDIT),
    "damaged_item": (
        _K.RESHIP,
        _K.RETURN_LABEL,
        _K.KEEP_ITEM_REFUND,
        _K.REFUND,
        _K.STORE_CREDIT,
        _K.OPEN_CARRIER_CLAIM,
    ),
    "discount_request": (_K.STORE_CREDIT, _K.POLITE_DECLINE),
    "subscription_issue": (_K.CANCEL_SUBSCRIPTION, _K.REFUND, _K.STORE_CREDIT, _K.POLITE_DECLINE),
    "confirm_order": (_K.CONFIRM_ORDER, _K.CANCEL),
    "general_question": (),
}
# The intents, in the order of support.triage.labels.INTENTS (a test keeps them equal;
# this module does not import the triage package, which the policy must not load).
INTENTS: tuple[str, ...] = tuple(_ALLOWED)

ALLOWED: MappingProxyType[str, frozenset[ResolutionKind]] = MappingProxyType(
    {intent: frozenset((*kinds, *_ANY)) for intent, kinds in _ALLOWED.items()}
)

# Kinds that pay the customer: they need an amount, or an agent decides.
PAYING = frozenset({_K.REFUND, _K.KEEP_ITEM_REFUND, _K.STORE_CREDIT})


__all__ = ["ALLOWED", "INTENTS", "PAYING", "ResolutionKind"]
