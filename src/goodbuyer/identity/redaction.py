"""What a person's data becomes when it is erased (pure): irreversible pseudonyms, texts
with the person's values cut out, reasons reduced to their labels, payloads reduced to their ids."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable
from typing import Any

from goodbuyer.identity.comparisons import COMPARISONS

ERASED = "[erased]"
PSEUDONYM_PREFIX = "erased:"
SEPARATED_REASON = "an agent said: not the same person"
MIN_VALUE_LENGTH = 4  # shorter values ("Li", a house number) would cut up unrelated text
_KEPT_IDS = ("id", "order_id")
_LABELS = frozenset(level.label for c in COMPARISONS for level in c.levels)
_POSTCODE_COUNTRY = re.compile(r"^[A-Z]{1,3}-(?=\d)")  # "H-1137", "FI-00100"
_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")

# A ghost signal's reason without the value it quoted, per code (ghosts.WEIGHTS).
GHOST_REASONS: dict[str, str] = {
    "phone_missing": "No phone number",
    "phone_unparseable": "The phone cannot be read as a phone number",
    "phone_invalid": "The phone is not a valid number",
    "phone_pattern": "The phone repeats the same digits or runs in sequence",
    "phone_service": "The phone is a service number, not a person's",
    "phone_not_mobile": "The phone is not a mobile",
    "phone_foreign": "The phone is from another country than the parcel's",
    "email_malformed": "The e-mail is malformed",
    "email_disposable": "The e-mail is a throwaway mailbox",
    "email_test": "The e-mail is a test address",
    "email_domain_typo": "The e-mail's provider looks misspelt",
    "email_other_name": "The e-mail names another person than the order",
    "name_missing": "No name",
    "name_no_letters": "The name has no letters",
    "name_contact": "The name contains contact data",
    "name_test": "The name contains a test word",
    "name_mash": "The name contains a made-up word",
    "name_digits": "The name contains digits",
    "name_initials": "The name is only initials",
    "name_single_token": "The name is one word",
    "address_missing": "No address",
    "address_test": "The address contains a test word",
    "address_mash": "The address contains a made-up word",
    "address_no_number": "The address has no house number",
    "address_short": "The address is too short",
    "address_copied": "The address only repeats the city or the name",
    "postcode_malformed": "The postcode is not in the country's form",
}


def pseudonym(key: str, salt: bytes) -> str:
    """An irreversible stand-in for a customer key: HMAC-SHA256 under a salt that is never
    stored. Distinct keys stay distinct; an erased key is kept as it is."""
    if is_pseudonym(key):
        return key
    return PSEUDONYM_PREFIX + hmac.new(salt, key.encode(), hashlib.sha256).hexdigest()


def is_pseudonym(value: str) -> bool:
    return value.startswith(PSEUDONYM_PREFIX)


def erased_text(text: str | None) -> str | None:
    """Free text written by or about the person: gone, but it shows there was some."""
    return None if text is None else ERASED


def postcode_area(postcode: str | None) -> str | None:
    """The first two characters of a postcode: an area of many thousands of people."""
    if not postcode:
        return None
    text = _POSTCODE_COUNTRY.sub("", postcode.strip().upper())
    return _NOT_ALNUM.sub("", text)[:2] or None


def ids_only(payload: dict[str, Any]) -> dict[str, Any]:
    """A raw platform document reduced to its ids (what it was about, not who)."""
    kept = {k: payload[k] for k in _KEPT_IDS if isinstance(payload.get(k), str | int)}
    return {"erased": True, **kept}


def labels_only(reasons: Iterable[str]) -> list[str]:
    """Match reasons ("same phone (+36301234567)") as their level labels ("same phone");
    any other text (an agent's note) is erased."""
    found = []
    for reason in reasons:
        label = reason.split(" (", 1)[0]
        found.append(label if label in _LABELS or label == SEPARATED_REASON else ERASED)
    return found


def ghost_reasons_without_values(signals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ghost signals with their code, field and weight, and a reason that names no value."""
    return [{**s, "reason": GHOST_REASONS.get(str(s.get("code")), ERASED)} for s in signals]


class Scrubber:
    """Cuts a person's values (names, phones, e-mails, streets) out of any text or JSON
    document, whatever their case; other text stays as it was."""

    def __init__(self, values: Iterable[str | None]) -> None:
        found = {v.strip() for v in values if v and len(v.strip()) >= MIN_VALUE_LENGTH}
        longest_first = sorted(found, key=lambda v: (-len(v), v))
        alternatives = "|".join(re.escape(v) for v in longest_first)
        self._pattern = re.compile(alternatives, re.IGNORECASE) if alternatives else None

    def text(self, text: str | None) -> str | None:
        if text is None or self._pattern is None:
            return text
        return self._pattern.sub(ERASED, text)

    def doc(self, doc: Any) -> Any:
        """The same JSON document with every string (keys too) scrubbed."""
        if isinstance(doc, str):
            return self.text(doc)
        if isinstance(doc, list):
            return [self.doc(item) for item in doc]
        if isinstance(doc, dict):
            return {self.text(str(k)): self.doc(v) for k, v in doc.items()}
        return doc


__all__ = [
    "ERASED",
    "GHOST_REASONS",
    "MIN_VALUE_LENGTH",
    "PSEUDONYM_PREFIX",
    "SEPARATED_REASON",
    "Scrubber",
    "erased_text",
    "ghost_reasons_without_values",
    "ids_only",
    "is_pseudonym",
    "labels_only",
    "postcode_area",
    "pseudonym",
]
