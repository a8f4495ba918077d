"""Which tags a decision puts on the Shopify order and customer (pure), and which of our
own earlier tags go when the decision or a segment changes.

Order: the outcome, every limit, and the perks that act on this parcel (a gift note).
Customer: every segment, perk and limit (they shape the next checkout: a Shopify Function
can hide cash on delivery for `goodbuyer:no-cod`). Only tags with our prefix are removed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from goodbuyer.policy.document import Limit, LimitKind, Perk, PerkKind
from goodbuyer.risk.statuses import Outcome

DEFAULT_PREFIX = "goodbuyer:"
MAX_TAG_LENGTH = 40  # Shopify's limit for one order or customer tag
# Shopify keeps at most 250 tags on a resource; ours take a fifth, the rest is the merchant's.
MAX_OWN_TAGS = 50
_MAX_PREFIX_LENGTH = 20
_UNSAFE = re.compile(r"[^a-z0-9-]+")
_ORDER_PERKS = frozenset({PerkKind.GIFT_NOTE})
_NAMES = {
    PerkKind.DISCOUNT_CODE: "discount",
    LimitKind.SHORT_RETURN_WINDOW: "return-window",
}


@dataclass(frozen=True)
class DecisionTags:
    """The tags one decision wants on the order and on the customer, sorted."""

    order: tuple[str, ...]
    customer: tuple[str, ...]


@dataclass(frozen=True)
class TagChange:
    """What to send for one resource: tags to add and our own stale tags to remove."""

    add: tuple[str, ...]
    remove: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.add and not self.remove


def check_prefix(prefix: str) -> str:
    """The prefix as given when it can start a tag; ValueError says why it cannot."""
    if not 1 <= len(prefix) <= _MAX_PREFIX_LENGTH or "," in prefix or prefix != prefix.strip():
        raise ValueError(f"a tag prefix is 1-{_MAX_PREFIX_LENGTH} characters, no comma: {prefix!r}")
    return prefix


def tag(prefix: str, name: str) -> str:
    """`prefix + name` in lower case with hyphens, at most 40 characters; a longer one keeps
    its start and ends in six characters of its hash, so two long names stay apart."""
    slug = _UNSAFE.sub("-", name.lower().replace("_", "-")).strip("-") or "x"
    full = prefix + slug
    if len(full) <= MAX_TAG_LENGTH:
        return full
    digest = hashlib.sha256(full.encode()).hexdigest()[:6]
    return f"{full[: MAX_TAG_LENGTH - 7]}-{digest}"


def decision_tags(
    outcome: Outcome,
    segments: Iterable[str],
    perks: Iterable[Perk],
    limits: Iterable[Limit],
    *,
    prefix: str = DEFAULT_PREFIX,
) -> DecisionTags:
    """The order's and the customer's tags for one decision."""
    check_prefix(prefix)
    perk_list, limit_list = list(perks), list(limits)
    limit_tags = [tag(prefix, _action_name(lim.kind, lim.value)) for lim in limit_list]
    perk_tags = [tag(prefix, _action_name(p.kind, p.value)) for p in perk_list]
    parcel_perks = [
        tag(prefix, _action_name(p.kind, p.value)) for p in perk_list if p.kind in _ORDER_PERKS
    ]
    order = [tag(prefix, outcome.value), *limit_tags, *parcel_perks]
    customer = [*(tag(prefix, s) for s in segments), *perk_tags, *limit_tags]
    return DecisionTags(order=_capped(order), customer=_capped(customer))


def tag_change(current: Iterable[str], wanted: Iterable[str], prefix: str) -> TagChange:
    """From the tags we put on a resource so far to the ones wanted now: add what is
    missing, remove what is ours and no longer wanted; a tag without our prefix stays."""
    have, want = set(current), set(wanted)
    foreign = sorted(t for t in want if not t.startswith(prefix))
    if foreign:
        raise ValueError(f"tags without the prefix {prefix!r}: {foreign}")
    stale = {t for t in have - want if t.startswith(prefix)}
    return TagChange(add=tuple(sorted(want - have)), remove=tuple(sorted(stale)))


def _action_name(kind: PerkKind | LimitKind, value: int | None) -> str:
    name = _NAMES.get(kind, kind.value)
    return name if value is None else f"{name}-{value}"


def _capped(tags: Iterable[str]) -> tuple[str, ...]:
    unique = list(dict.fromkeys(tags))  # first mention wins: the outcome comes first
    return tuple(sorted(unique[:MAX_OWN_TAGS]))


__all__ = [
    "DEFAULT_PREFIX",
    "MAX_OWN_TAGS",
    "MAX_TAG_LENGTH",
    "DecisionTags",
    "TagChange",
    "check_prefix",
    "decision_tags",
    "tag",
    "tag_change",
]
