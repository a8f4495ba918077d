"""The words the agents' pages use for what triage and the playbook store as codes."""

from __future__ import annotations

INTENT_LABELS: dict[str, str] = {
    "where_is_order": "Where is my order",
    "not_received": "Not received",
    "return_refund": "Return or refund",
    "cancel_order": "Cancel order",
    "change_address": "Change address",
    "wrong_item": "Wrong item",
    "damaged_item": "Damaged item",
    "discount_request": "Discount request",
    "subscription_issue": "Subscription",
    "confirm_order": "Confirms order",
    "general_question": "General question",
}

FLAG_LABELS: dict[str, str] = {
    "threat_review": "Review threat",
    "threat_legal": "Legal threat",
    "threat_chargeback": "Chargeback threat",
    "abusive": "Abusive",
}

# Threats are answered calmly and routed; abuse meets zero tolerance: two different looks.
FLAG_KINDS: dict[str, str] = {
    "threat_review": "threat",
    "threat_legal": "threat",
    "threat_chargeback": "threat",
    "abusive": "abuse",
}

ANGER_LABELS: dict[int, str] = {0: "calm", 1: "annoyed", 2: "furious"}

ROUTE_LABELS: dict[str, str] = {"auto": "answered from the playbook", "human": "needs a person"}

ABUSE_STEPS: dict[str, str] = {
    "none": "none",
    "warned": "warned: a first abusive message, the customer was sent a warning",
    "blocked": "blocked: abusive again within the window, redirected to official channels",
    "already_blocked": "already blocked: the customer is on the support block list",
}

TEAM_LABELS: dict[str, str] = {
    "legal": "legal",
    "communications": "communications",
    "payments": "payments (chargebacks)",
}

FACT_LABELS: dict[str, str] = {
    "store": "the store",
    "carrier": "the carrier",
    "customer": "the customer",
    "none": "nobody",
    "unknown": "not known",
}

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "fi": "Finnish", "hu": "Hungarian", "cs": "Czech", "he": "Hebrew",
    "ar": "Arabic", "de": "German", "es": "Spanish", "fr": "French", "pt": "Portuguese",
    "pl": "Polish", "it": "Italian", "nl": "Dutch", "tr": "Turkish",
}  # fmt: skip


def label(labels: dict[str, str], code: str | None) -> str:
    """The word for a code; an unknown code is shown as itself, readable."""
    if not code:
        return "—"
    return labels.get(code) or code.replace("_", " ")


__all__ = [
    "ABUSE_STEPS", "ANGER_LABELS", "FACT_LABELS", "FLAG_KINDS", "FLAG_LABELS", "INTENT_LABELS",
    "LANGUAGE_NAMES", "ROUTE_LABELS", "TEAM_LABELS", "label",
]  # fmt: skip
