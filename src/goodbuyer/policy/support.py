"""The support desk's part of the policy (R4.4, R4.5, R5.3, R5.6): the VIP threshold, the
published fees and limits, and the playbook: intent x facts x segment -> resolution, first
matching entry wins, a catch-all for every intent."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    TypeAdapter,
    field_validator,
    model_validator,
)
from ruamel.yaml import YAML

from goodbuyer.policy.expressions import Condition, ExpressionError
from goodbuyer.support.resolutions import ALLOWED, INTENTS, ResolutionKind

# What a playbook condition may read: facts.* of the ticket (support.ticket_facts), and
# support.* numbers of this section. A number the ticket lacks reads 0 (`facts.has_promise`
# and `facts.delivered_scan` say whether it is known); a missing text reads "".
FACT_VOCABULARY: dict[str, tuple[type, str]] = {
    "facts.has_order": (bool, "an order is linked to the ticket"),
    "facts.order_status": (str, "placed, awaiting_confirmation, confirmed, shipped, delivered, "
                                "refused, returned_to_origin or cancelled"),
    "facts.payment_method": (str, "cod, card, wallet, bank_transfer or other"),
    "facts.shipped": (bool, "the parcel has left the shop"),
    "facts.delivered_scan": (bool, "the carrier scanned it delivered"),
    "facts.has_promise": (bool, "a delivery date was promised"),
    "facts.days_late": (int, "whole days past the promised date (0: on time or no promise)"),
    "facts.days_since_delivery": (int, "days since the delivery scan (0 without one)"),
    "facts.fault": (str, "store, carrier, customer, none or unknown"),
    "facts.order_total": (int, "the order's total, minor units of its own currency"),
    "facts.order_value": (int, "the order's total in the policy's currency"),
    "facts.claim_value": (int, "the lines a return names, else the order's total; policy "
                               "currency"),
    "facts.currency": (str, "the order's currency"),
    "facts.carrier": (str, "the carrier of the latest shipment"),
    "facts.net_value": (int, "the customer's net lifetime value, policy currency"),
    "facts.vip": (bool, "net_value >= support.vip_threshold"),
    "facts.segments": (tuple, "the customer's current segments"),
    "facts.open_dispute": (bool, "a chargeback is open on one of the customer's orders"),
    "facts.blocked": (bool, "blocked on support channels (zero tolerance)"),
    "support.vip_threshold": (int, "this section's number"),
    "support.cancel_after_shipping_fee": (int, "this section's number"),
    "support.keep_item_below": (int, "this section's number"),
    "support.goodwill_credit_percent": (int, "this section's number"),
    "support.late_days_for_claim": (int, "this section's number"),
    "support.return_window_days": (int, "this section's number"),
}  # fmt: skip
_SAMPLE: dict[type, Any] = {int: 1, str: "x", bool: True, tuple: ["x"]}
_NAME = r"^[a-z][a-z0-9_]{0,63}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@lru_cache(maxsize=4096)
def compile_condition(source: str) -> Condition:
    """A playbook condition, compiled once per process and run once on sample values (CEL
    reports a type mix-up such as `facts.days_late + 0.5` only when it runs)."""
    condition = Condition.compile(source, FACT_VOCABULARY)
    sample = {name: _SAMPLE[kind] for name, (kind, _) in FACT_VOCABULARY.items()}
    condition(sample)
    return condition


class PlaybookEntry(_Strict):
    """One line of the playbook: for `intent`, when every condition holds, `resolution`."""

    name: str = Field(pattern=_NAME)
    intent: str
    when: str | None = Field(default=None, description="CEL over facts.* and support.*")
    segment: str | None = Field(default=None, description="only customers in this segment")
    vip: bool | None = Field(default=None, description="true: VIPs only; false: others only")
    resolution: ResolutionKind
    reason: str = Field(min_length=1, description="why, in words an agent reads")

    @model_validator(mode="after")
    def _check(self) -> PlaybookEntry:
        if self.intent not in INTENTS:
            raise ValueError(f"entry {self.name!r}: unknown intent {self.intent!r}; known: "
                             f"{', '.join(INTENTS)}")  # fmt: skip
        if self.resolution not in ALLOWED[self.intent]:
            allowed = ", ".join(sorted(ALLOWED[self.intent]))
            raise ValueError(f"entry {self.name!r}: {self.resolution.value} is no resolution "
                             f"for {self.intent}; it takes {allowed}")  # fmt: skip
        if self.when is not None:
            try:
                compile_condition(self.when)
            except ExpressionError as e:
                raise ValueError(f"entry {self.name!r}: `when` {e}") from None
        return self

    def catches_all(self) -> bool:
        """True when the entry matches every ticket of its intent."""
        unconditional = self.when is None or self.when.strip() == "true"
        return unconditional and self.segment is None and self.vip is None


_ENTRIES: TypeAdapter[list[PlaybookEntry]] = TypeAdapter(list[PlaybookEntry])


@lru_cache(maxsize=1)
def _default_entries() -> tuple[PlaybookEntry, ...]:
    """The playbook of `policy/default.yaml`: what a section without one gets."""
    text = files("goodbuyer.policy").joinpath("default.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe", pure=True).load(text)
    return tuple(_ENTRIES.validate_python(data["support"]["playbook"]))


class SupportPolicy(_Strict):
    vip_threshold: int = Field(default=100_000, ge=0, description="net lifetime value, minor units")
    cancel_after_shipping_fee: int = Field(default=500, ge=0, description="published fee (R5.6)")
    keep_item_below: int = Field(
        default=1500, ge=0, description="items worth less are refunded and kept (R5.3)"
    )
    goodwill_credit_percent: int = Field(default=10, ge=0, le=100)
    late_days_for_claim: int = Field(default=5, ge=0, le=365)
    return_window_days: int = Field(default=30, ge=0, le=3650)
    playbook: list[PlaybookEntry] = Field(default_factory=lambda: list(_default_entries()))
    # The policy's currency and rates (set by the policy document): the section's money is
    # in that currency, orders may be in others.
    _currency: str = PrivateAttr(default="")
    _rates: tuple[tuple[str, float], ...] = PrivateAttr(default=())

    @field_validator("playbook")
    @classmethod
    def _complete(cls, playbook: list[PlaybookEntry]) -> list[PlaybookEntry]:
        seen: set[str] = set()
        caught: dict[str, str] = {}
        for entry in playbook:
            if entry.name in seen:
                raise ValueError(f"playbook entry {entry.name!r} appears twice")
            seen.add(entry.name)
            if entry.intent in caught:
                raise ValueError(f"playbook entry {entry.name!r} can never match: "
                                 f"{caught[entry.intent]!r} before it takes every "
                                 f"{entry.intent} ticket")  # fmt: skip
            if entry.catches_all():
                caught[entry.intent] = entry.name
        missing = [intent for intent in INTENTS if intent not in caught]
        if missing:
            raise ValueError(f"the playbook has no catch-all for {', '.join(missing)}: end each "
                             "intent with an entry without when, segment or vip")  # fmt: skip
        return playbook

    def entries_for(self, intent: str) -> list[PlaybookEntry]:
        return [e for e in self.playbook if e.intent == intent]

    def with_money(self, currency: str, rates: Mapping[str, float]) -> SupportPolicy:
        """This section in a policy whose money is in `currency` (`rates`: units of it per
        unit of another currency)."""
        bound = self.model_copy()
        bound._currency, bound._rates = currency, tuple(sorted(rates.items()))
        return bound

    def to_policy_currency(self, amount: int, currency: str) -> int | None:
        """`amount` (minor units of `currency`) in the policy's currency; None without a rate."""
        if not self._currency or currency == self._currency:
            return amount
        rate = dict(self._rates).get(currency)
        return round(amount * rate) if rate else None

    def from_policy_currency(self, amount: int, currency: str) -> int | None:
        """`amount` of the policy's currency in `currency`; None without a rate."""
        if not self._currency or currency == self._currency:
            return amount
        rate = dict(self._rates).get(currency)
        return round(amount / rate) if rate else None

    def numbers(self) -> dict[str, int]:
        """The support.* values conditions read."""
        return {f"support.{name}": getattr(self, name) for name in _NUMBERS}


_NUMBERS = ("vip_threshold", "cancel_after_shipping_fee", "keep_item_below",
            "goodwill_credit_percent", "late_days_for_claim", "return_window_days")  # fmt: skip


__all__ = ["FACT_VOCABULARY", "PlaybookEntry", "SupportPolicy", "compile_condition"]
