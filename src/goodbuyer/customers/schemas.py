"""What the API shows of a person's lifetime value."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class CustomerValueOut(BaseModel):
    """Lifetime value of the person as last fitted for the shop (money in minor units)."""

    model_config = ConfigDict(from_attributes=True)

    currency: str
    orders: int = Field(description="orders counted as purchases (delivered or paid)")
    frequency: int = Field(description="repeat purchases: days with an order after the first")
    recency_days: int = Field(description="first purchase to the last")
    age_days: int = Field(description="first purchase to the fit")
    historical_value: int = Field(description="net margin so far: paid, less refunds and cost")
    expected_purchases: float = Field(description="repeat purchases over the horizon")
    expected_spend_per_purchase: float = Field(description="net margin of each")
    predicted_value: int = Field(description="the horizon's net margin, discounted")
    probability_alive: float | None = Field(description="BG/NBD; null under the fallback")
    method: str = Field(description="bgnbd+gamma-gamma | rfm-tier")
    reason: str = Field(description="why the fallback was used; empty otherwise")
    horizon_months: int
    fitted_at: datetime


__all__ = ["CustomerValueOut"]
