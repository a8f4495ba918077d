"""Lifetime value per person, as last fitted for their shop."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from goodbuyer.customers.statuses import ClvMethod
from goodbuyer.db import Base, enum_type


class CustomerValue(Base):
    """One person (customer records grouped by identity) of one shop: the value of their
    purchases so far and the forecast of the next `horizon_months`. Money in minor units of
    `currency` (the shop's). A fit replaces every row of its shop."""

    __tablename__ = "customer_values"
    __table_args__ = (Index("ix_customer_values_shop_predicted", "shop_id", "predicted_value"),)

    person_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    shop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shops.id", ondelete="CASCADE"))
    currency: Mapped[str] = mapped_column(String(3))
    orders: Mapped[int] = mapped_column(Integer)  # orders counted as purchases
    frequency: Mapped[int] = mapped_column(Integer)  # repeat purchases: days after the first
    recency_days: Mapped[int] = mapped_column(Integer)  # first purchase to the last
    age_days: Mapped[int] = mapped_column(Integer)  # first purchase to the fit
    historical_value: Mapped[int] = mapped_column(BigInteger)  # net margin so far
    expected_purchases: Mapped[float] = mapped_column(Float)  # repeat purchases, horizon
    expected_spend_per_purchase: Mapped[float] = mapped_column(Float)  # net margin of each
    predicted_value: Mapped[int] = mapped_column(BigInteger)  # horizon, discounted monthly
    # None under the RFM-tier fallback: without BG/NBD there is no model to say it.
    probability_alive: Mapped[float | None] = mapped_column(Float)
    method: Mapped[ClvMethod] = mapped_column(enum_type(ClvMethod))
    reason: Mapped[str] = mapped_column(Text, default="")  # why the fallback; "" otherwise
    horizon_months: Mapped[int] = mapped_column(Integer)
    fitted_at: Mapped[datetime]


__all__ = ["CustomerValue"]
