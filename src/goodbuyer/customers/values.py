"""Lifetime value of every person of a shop, fitted and stored: the shop's orders as arrays
(`purchases`), summarised and forecast in NumPy (`rfm.summarise`, `clv.predict_clv`), the
shop's `customer_values` rows replaced in bulk."""

from __future__ import annotations

import logging
import math
import uuid
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from itertools import repeat
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from goodbuyer import audit
from goodbuyer.customers.bgnbd import probability_alive
from goodbuyer.customers.clv import ClvForecast, predict_clv
from goodbuyer.customers.models import CustomerValue
from goodbuyer.customers.purchases import SECONDS_PER_DAY, ShopOrders, read_orders
from goodbuyer.customers.rfm import PurchaseSummary, summarise
from goodbuyer.customers.statuses import ClvMethod
from goodbuyer.shops.service import get_shop
from goodbuyer.store.bulk import driver_form, insert_rows

log = logging.getLogger(__name__)

DAYS_PER_MONTH = 365.25 / 12
NO_PURCHASE = (
    "no purchase in {currency} yet (orders in other currencies, refused, cancelled, unpaid or "
    "on their way do not count): no forecast"
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_TABLE: Table = CustomerValue.__table__  # type: ignore[assignment]
_COLUMNS = (
    "person_id", "shop_id", "currency", "orders", "frequency", "recency_days", "age_days",
    "historical_value", "expected_purchases", "expected_spend_per_purchase", "predicted_value",
    "probability_alive", "method", "reason", "horizon_months", "fitted_at",
)  # fmt: skip

Vector = NDArray[np.float64]
Flags = NDArray[np.bool_]


@dataclass(frozen=True)
class FitReport:
    """What a fit did; money in minor units of `currency`."""

    shop_id: uuid.UUID
    currency: str
    method: ClvMethod
    reason: str  # the fit's size, or why the fallback was used
    months: int
    orders: int  # orders of the shop read
    purchases: int  # of which counted as purchases
    persons: int  # rows written: one per person with an order
    customers: int  # of whom bought something: the persons the models were fitted to
    repeat: int  # of whom bought on more than one day
    parameters: dict[str, float]  # BG/NBD (time in days) and Gamma-Gamma; empty on fallback
    fitted_at: datetime


@dataclass(frozen=True)
class _Forecast:
    """The forecast for every person; persons who never bought get none (zeros)."""

    fitted: ClvForecast  # on the persons who bought
    expected_purchases: Vector
    spend_per_purchase: Vector
    clv: Vector
    alive: list[float | None]
    reasons: list[str]


def fit_shop_values(
    session: Session, shop_id: uuid.UUID, now: datetime, months: int = 12, *, actor: str = "cli"
) -> FitReport:
    """Fit BG/NBD + Gamma-Gamma (else RFM tiers, saying why) to the shop's persons and
    replace their `customer_values` rows, in the caller's transaction."""
    shop = get_shop(session, shop_id)
    shift = _local_offset_days(shop.timezone, now)
    orders = read_orders(session, shop_id, shop.currency, shift)
    today = (now - _EPOCH).total_seconds() / SECONDS_PER_DAY + shift
    summary = summarise(orders.idx, orders.days, orders.value, today, customers=len(orders.persons))
    counted = np.isfinite(orders.value) & (orders.days <= today)
    purchases = np.bincount(orders.idx[counted], minlength=len(orders.persons))
    forecast = _forecast(summary, purchases > 0, months, NO_PURCHASE.format(currency=shop.currency))
    session.execute(delete(CustomerValue).where(CustomerValue.shop_id == shop_id))
    rows = _rows(session, shop_id, shop.currency, now, orders, purchases, summary, forecast)
    insert_rows(session, _TABLE, _COLUMNS, rows)
    fitted = forecast.fitted
    report = FitReport(
        shop_id, shop.currency, fitted.method, fitted.reason, months,
        orders=int(orders.idx.size), purchases=int(counted.sum()), persons=len(rows),
        customers=len(fitted), repeat=int(np.count_nonzero(summary.frequency > 0)),
        parameters=_parameters(fitted), fitted_at=now,
    )  # fmt: skip
    audit.record(
        session, shop_id=shop_id, at=now, actor=actor, action="customer_values.fitted",
        subject_type="shop", subject_id=shop_id, data=_audit_data(report),
    )  # fmt: skip
    return report


def top_values(session: Session, shop_id: uuid.UUID, limit: int = 10) -> list[CustomerValue]:
    """The shop's persons with the highest predicted value, as last fitted."""
    query = (
        select(CustomerValue)
        .where(CustomerValue.shop_id == shop_id)
        .order_by(CustomerValue.predicted_value.desc(), CustomerValue.person_id)
        .limit(limit)
    )
    return list(session.scalars(query))


def _forecast(summary: PurchaseSummary, bought: Flags, months: int, unbought: str) -> _Forecast:
    """The models see the persons who bought: the rest are not customers yet (a refused
    parcel is no first purchase), and forecasting them as new customers would credit them."""
    buyers = PurchaseSummary(*(getattr(summary, f.name)[bought] for f in fields(summary)))
    fitted = predict_clv(buyers, periods_per_month=DAYS_PER_MONTH, months=months)
    alive = np.full(bought.size, np.nan)
    if fitted.bgnbd is not None:
        alive[bought] = probability_alive(fitted.bgnbd, buyers.frequency, buyers.recency, buyers.T)
    reason = fitted.reason if fitted.method is ClvMethod.RFM_TIER else ""
    return _Forecast(
        fitted,
        _spread(fitted.expected_purchases, bought),
        _spread(fitted.spend_per_purchase, bought),
        _spread(fitted.clv, bought),
        [None if math.isnan(p) else p for p in alive.tolist()],
        [reason if b else unbought for b in bought.tolist()],
    )


def _spread(values: Vector, bought: Flags) -> Vector:
    every = np.zeros(bought.size)
    every[bought] = values
    return every


def _local_offset_days(zone: str, now: datetime) -> float:
    """The shop's offset from UTC now, in days: purchase days are the shop's days."""
    try:
        offset = now.astimezone(ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r: purchase days taken in UTC", zone)
        return 0.0
    return offset.total_seconds() / SECONDS_PER_DAY if offset else 0.0


def _rows(
    session: Session,
    shop_id: uuid.UUID,
    currency: str,
    now: datetime,
    orders: ShopOrders,
    purchases: NDArray[np.int64],
    summary: PurchaseSummary,
    forecast: _Forecast,
) -> list[tuple[Any, ...]]:
    form, fitted = driver_form(session), forecast.fitted
    return list(
        zip(
            orders.persons, repeat(form.uid(shop_id)), repeat(currency), purchases.tolist(),
            _whole(summary.frequency), _whole(summary.recency), _whole(summary.T),
            _whole(summary.historical_value), forecast.expected_purchases.tolist(),
            forecast.spend_per_purchase.tolist(), _whole(forecast.clv), forecast.alive,
            repeat(fitted.method.value), forecast.reasons, repeat(fitted.months),
            repeat(form.when(now)),
            strict=False,  # `repeat` is endless; the others have one value per person
        )
    )  # fmt: skip


def _whole(values: Vector) -> list[int]:
    whole: list[int] = np.rint(values).astype(np.int64).tolist()
    return whole


def _parameters(forecast: ClvForecast) -> dict[str, float]:
    found: dict[str, float] = {}
    if forecast.bgnbd is not None:
        fitted = forecast.bgnbd
        found |= {"r": fitted.r, "alpha": fitted.alpha, "a": fitted.a, "b": fitted.b}
    if forecast.gamma_gamma is not None:
        spend = forecast.gamma_gamma
        found |= {"p": spend.p, "q": spend.q, "v": spend.v}
    return found


def _audit_data(report: FitReport) -> dict[str, Any]:
    return {
        "method": report.method.value, "reason": report.reason, "months": report.months,
        "currency": report.currency, "orders": report.orders, "purchases": report.purchases,
        "persons": report.persons, "customers": report.customers, "repeat": report.repeat,
        "parameters": report.parameters,
    }  # fmt: skip


__all__ = ["DAYS_PER_MONTH", "NO_PURCHASE", "FitReport", "fit_shop_values", "top_values"]
