"""The policy document's shape (pure): thresholds, segments, rules, lists, actions,
guardrails and the costs the backtest counts with. One YAML document per shop;
`policy/default.yaml` is the default, explained line by line."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from goodbuyer.policy.abuse import AbusePolicy
from goodbuyer.policy.confirmation import ConfirmationPolicy
from goodbuyer.policy.replies import RepliesPolicy
from goodbuyer.policy.support import SupportPolicy
from goodbuyer.risk.statuses import Outcome

NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class RuleKind(StrEnum):
    EXPRESSION = "expression"  # `when` alone decides
    VELOCITY = "velocity"  # N orders per person/phone/e-mail/address within a window
    DUPLICATE_ORDER = "duplicate_order"  # the same basket from the person within an hour
    LIST_HIT = "list_hit"  # a contact point, customer or postcode on a block list
    GHOST_SIGNAL = "ghost_signal"  # the contact data looks fake
    HISTORY_RED_FLAG = "history_red_flag"  # earlier orders refused, unpaid, charged back
    MODEL_SCORE = "model_score"  # the learned model's probability above a threshold
    SEGMENT = "segment"  # the person is in one of the named segments


class PerkKind(StrEnum):
    DISCOUNT_CODE = "discount_code"  # a code worth `value` percent off the next order
    FREE_SHIPPING = "free_shipping"  # free shipping on the next order
    GIFT_NOTE = "gift_note"  # a handwritten note or small gift in the parcel
    PRIORITY_SUPPORT = "priority_support"  # tickets go to the front of the queue


class LimitKind(StrEnum):
    NO_COD = "no_cod"  # cash on delivery not offered; pay up front
    PHOTO_EVIDENCE = "photo_evidence"  # returns need photos of the items
    SHORT_RETURN_WINDOW = "short_return_window"  # returns accepted for `value` days only
    MANUAL_REVIEW = "manual_review"  # an agent looks at every order first
    ORDER_CAP = "order_cap"  # orders above `value` minor units need prepayment


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Perk(_Strict):
    kind: PerkKind
    value: int | None = Field(default=None, ge=0, description="percent or amount, by kind")
    note: str = ""


class Limit(_Strict):
    kind: LimitKind
    value: int | None = Field(default=None, ge=0, description="days or minor units, by kind")
    note: str = ""


class Segment(_Strict):
    """A named set of customers, kept current on every event."""

    when: str = Field(description="CEL condition over customer.* features")
    reason: str = Field(description="why a member is in it; {feature} fields are filled in")
    good: bool = Field(default=False, description="a segment of customers to keep happy")
    perks: list[Perk] = Field(default_factory=list)
    limits: list[Limit] = Field(default_factory=list)
    description: str = ""


class Rule(_Strict):
    name: str
    kind: RuleKind = RuleKind.EXPRESSION
    when: str | None = Field(default=None, description="CEL condition; required for expression")
    params: dict[str, Any] = Field(default_factory=dict)
    outcome: Outcome = Outcome.APPROVE
    score: float = Field(default=0.0, ge=-1000, le=1000)
    reason: str
    counterfactual: str = Field(
        default="", description="what would have to differ: 'the address had a house number'"
    )
    enabled: bool = True

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not NAME.match(v):
            raise ValueError("use lower-case letters, digits and _ (start with a letter)")
        return v

    @model_validator(mode="after")
    def _needs_when(self) -> Rule:
        if self.kind is RuleKind.EXPRESSION and not self.when:
            raise ValueError("an expression rule needs `when`")
        return self


class ScoreBand(_Strict):
    """A total score of at least `min_score` raises the outcome to at least `outcome`."""

    min_score: float
    outcome: Outcome


class Subjects(_Strict):
    phone: list[str] = Field(default_factory=list)
    email: list[str] = Field(default_factory=list)
    address: list[str] = Field(default_factory=list)
    customer: list[str] = Field(default_factory=list)
    postcode: list[str] = Field(default_factory=list, description="COUNTRY:POSTCODE")


class Lists(_Strict):
    block: Subjects = Field(default_factory=Subjects)
    allow: Subjects = Field(default_factory=Subjects)


class Guardrails(_Strict):
    friction_share: float = Field(default=0.15, ge=0, le=1)
    vip_hit_share: float = Field(default=0.02, ge=0, le=1)
    window_hours: int = Field(default=24, ge=1, le=24 * 31)
    min_orders: int = Field(default=50, ge=1)


class Costs(_Strict):
    """What the backtest counts with, in minor units of the shop's currency."""

    shipping: int = Field(default=700, ge=0, description="one way, per parcel")
    return_shipping: int = Field(default=700, ge=0, description="carrier back to the shop")
    confirmation: int = Field(default=8, ge=0, description="messages to confirm one order")
    review: int = Field(default=150, ge=0, description="an agent's look at one order")
    friction_loss: float = Field(
        default=0.03, ge=0, le=1, description="share of good orders lost to friction"
    )
    prepay_loss: float = Field(
        default=0.35, ge=0, le=1, description="share of orders lost when asked to prepay"
    )
    margin: float = Field(default=0.35, ge=0, le=1, description="margin on an order's total")


class Model(_Strict):
    enabled: bool = True
    min_training_orders: int = Field(default=500, ge=50)


class Policy(_Strict):
    format: Literal[1] = 1
    currency: str = Field(default="", description="money thresholds are in this currency")
    rates: dict[str, float] = Field(
        default_factory=dict, description="units of `currency` per unit of another currency"
    )
    thresholds: dict[str, Annotated[float | int, Field()]] = Field(default_factory=dict)
    known_good: str = Field(description="CEL: approved at once, no confirmation (R3.5)")
    segments: dict[str, Segment] = Field(default_factory=dict)
    rules: list[Rule] = Field(default_factory=list)
    score_bands: list[ScoreBand] = Field(default_factory=list)
    outcome_limits: dict[Outcome, list[Limit]] = Field(default_factory=dict)
    lists: Lists = Field(default_factory=Lists)
    guardrails: Guardrails = Field(default_factory=Guardrails)
    costs: Costs = Field(default_factory=Costs)
    model: Model = Field(default_factory=Model)
    confirmation: ConfirmationPolicy = Field(default_factory=ConfirmationPolicy)
    support: SupportPolicy = Field(default_factory=SupportPolicy)
    abuse: AbusePolicy = Field(default_factory=AbusePolicy)
    replies: RepliesPolicy = Field(default_factory=RepliesPolicy)

    @field_validator("segments")
    @classmethod
    def _segment_names(cls, v: dict[str, Segment]) -> dict[str, Segment]:
        for name in v:
            if not NAME.match(name):
                raise ValueError(f"segment {name!r}: use lower-case letters, digits and _")
        return v

    @field_validator("support")
    @classmethod
    def _support(cls, v: SupportPolicy, info: ValidationInfo) -> SupportPolicy:
        segments = info.data.get("segments", {})
        # The default playbook's segments may be missing: its entries for them never match.
        for entry in v.playbook if "playbook" in v.model_fields_set else ():
            if entry.segment is not None and entry.segment not in segments:
                raise ValueError(
                    f"playbook entry {entry.name!r}: unknown segment {entry.segment!r}"
                )
        return v.with_money(info.data.get("currency", ""), info.data.get("rates", {}))

    @field_validator("rules")
    @classmethod
    def _unique_rules(cls, v: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for rule in v:
            if rule.name in seen:
                raise ValueError(f"rule {rule.name!r} appears twice")
            seen.add(rule.name)
        return v


__all__ = [
    "NAME", "Costs", "Guardrails", "Limit", "LimitKind", "Lists", "Model", "Perk", "PerkKind",
    "Policy", "Rule", "RuleKind", "ScoreBand", "Segment", "Subjects",
]  # fmt: skip
