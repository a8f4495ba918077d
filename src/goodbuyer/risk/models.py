"""Decision and rule execution tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from goodbuyer.db import Base, IdMixin, JSONDoc, enum_type
from goodbuyer.risk.statuses import Outcome

_SHOP_FK = "shops.id"


class Decision(IdMixin, Base):
    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_order", "order_id", "decided_at"),)

    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_SHOP_FK, ondelete="CASCADE"))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    outcome: Mapped[Outcome] = mapped_column(enum_type(Outcome))
    score: Mapped[float] = mapped_column(Float)
    policy_version: Mapped[int | None]
    counterfactuals: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
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


__all__ = ["Decision", "RuleExecution"]
