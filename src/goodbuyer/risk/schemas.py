"""API shapes of decisions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from goodbuyer.risk.statuses import Outcome


class RuleExecutionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    rule: str
    matched: bool
    score_modifier: float
    outcome: Outcome | None
    reason: str
    evidence: dict[str, Any]


class DecisionOut(BaseModel):
    """A decision with the rules that made it, what would have changed it, and the perks
    and limits that come with it."""

    model_config = ConfigDict(from_attributes=True)

    order_id: uuid.UUID | None = Field(description="empty when decided without storing")
    outcome: Outcome
    score: float
    policy_version: int | None
    fast_path: str = Field(description="known_good or allow_list when approved at once")
    reasons: list[str]
    counterfactuals: list[str]
    segments: list[str]
    perks: list[dict[str, Any]]
    limits: list[dict[str, Any]]
    executions: list[RuleExecutionOut]
    features: dict[str, Any]
    contributions: dict[str, Any] = Field(
        default_factory=dict, description="the learned model's probabilities and top reasons"
    )
    decided_at: datetime | None


class MembershipOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    segment: str
    reason: str
    evidence: dict[str, Any]
    since: datetime
    until: datetime | None
    ended_because: str | None = None


class TreatmentOut(BaseModel):
    """How the shop treats a person now: their segments with why, and what follows."""

    person_id: uuid.UUID
    segments: list[MembershipOut]
    perks: list[dict[str, Any]]
    limits: list[dict[str, Any]]
    past_segments: list[MembershipOut]


__all__ = ["DecisionOut", "MembershipOut", "RuleExecutionOut", "TreatmentOut"]
