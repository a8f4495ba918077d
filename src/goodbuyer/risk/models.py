"""Decisions with their rule executions, trained models, and guardrail alerts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.risk.statuses import Outcome

_SHOP_FK = "shops.id"


class Decision(IdMixin, Base):
    """One decision on an order; an order decided again (a new address) gets a new one,
    the newest is the order's decision."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_order", "order_id", "decided_at"),
                      Index("ix_decisions_shop_time", "shop_id", "decided_at"))  # fmt: skip

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    outcome: Mapped[Outcome] = mapped_column(enum_type(Outcome))
    score: Mapped[float] = mapped_column(Float)
    policy_version: Mapped[int | None]
    counterfactuals: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    fast_path: Mapped[str] = mapped_column(String(32), default="")
    segments: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    perks: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc, default=list)
    limits: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc, default=list)
    features: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    contributions: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    decided_at: Mapped[datetime]

    executions: Mapped[list[RuleExecution]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class RuleExecution(IdMixin, Base):
    """One rule's verdict inside a decision: matched or not, by how much, why, on what."""

    __tablename__ = "rule_executions"

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(128))
    matched: Mapped[bool] = mapped_column(Boolean)
    score_modifier: Mapped[float] = mapped_column(Float)
    outcome: Mapped[Outcome | None] = mapped_column(enum_type(Outcome))
    reason: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSONDoc)


class TrainedModel(IdMixin, Base):
    """A shop's learned model (LightGBM), its calibration and how well it did."""

    __tablename__ = "trained_models"
    __table_args__ = (Index("ix_trained_models_shop", "shop_id", "target", "trained_at"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    target: Mapped[str] = mapped_column(String(32))  # rto_risk or return_risk
    trained_at: Mapped[datetime]
    trained_by: Mapped[str] = mapped_column(String(200))
    training_orders: Mapped[int] = mapped_column(Integer)
    feature_names: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    booster: Mapped[bytes] = mapped_column(LargeBinary)
    calibration: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class GuardrailAlert(IdMixin, Base):
    """Too many orders with friction, or too many VIPs hit, over the policy's window."""

    __tablename__ = "guardrail_alerts"
    __table_args__ = (Index("ix_guardrail_alerts_shop", "shop_id", "raised_at"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))  # friction_share or vip_hit_share
    share: Mapped[float] = mapped_column(Float)
    threshold: Mapped[float] = mapped_column(Float)
    orders: Mapped[int] = mapped_column(Integer)
    window_start: Mapped[datetime]
    window_end: Mapped[datetime]
    policy_version: Mapped[int | None]
    message: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]


class TagPush(IdMixin, Base):
    """Tags to write back to the shop platform (Shopify), pushed once per idempotency key."""

    __tablename__ = "tag_pushes"
    __table_args__ = (
        Index("ix_tag_pushes_pending", "shop_id", "status"),
        Index("ix_tag_pushes_resource", "shop_id", "target", "external_id"),
    )

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    target: Mapped[str] = mapped_column(String(16))  # order or customer
    external_id: Mapped[str] = mapped_column(String(128))  # the platform's id
    add: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    remove: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    status: Mapped[str] = mapped_column(String(16))  # pending, pushed, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    pushed_at: Mapped[datetime | None]


__all__ = ["Decision", "GuardrailAlert", "RuleExecution", "TagPush", "TrainedModel"]
