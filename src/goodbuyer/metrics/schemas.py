"""Shapes of the shop's numbers."""

from __future__ import annotations

from pydantic import BaseModel


class MonthFigures(BaseModel):
    month: str  # "2026-03"
    orders: int
    cod_orders: int
    cod_finished: int  # cash-on-delivery orders whose parcel's fate is known
    refused: int  # refused at the door or returned to origin
    delivered: int
    returned: int  # delivered orders with at least one return

    @property
    def cod_share(self) -> float:
        return self.cod_orders / self.orders if self.orders else 0.0

    @property
    def refusal_rate(self) -> float:
        return self.refused / self.cod_finished if self.cod_finished else 0.0

    @property
    def return_rate(self) -> float:
        return self.returned / self.delivered if self.delivered else 0.0


class Overview(BaseModel):
    shop_name: str
    currency: str
    orders: int
    customers: int
    revenue: dict[str, int]  # currency -> minor units of orders not cancelled, largest first
    months: list[MonthFigures]

    @property
    def cod_orders(self) -> int:
        return sum(m.cod_orders for m in self.months)

    @property
    def cod_share(self) -> float:
        return self.cod_orders / self.orders if self.orders else 0.0

    @property
    def refusal_rate(self) -> float:
        finished = sum(m.cod_finished for m in self.months)
        return sum(m.refused for m in self.months) / finished if finished else 0.0

    @property
    def return_rate(self) -> float:
        delivered = sum(m.delivered for m in self.months)
        return sum(m.returned for m in self.months) / delivered if delivered else 0.0


__all__ = ["MonthFigures", "Overview"]
