"""The confirmation funnel of a shop over a period (issue item 8): where confirmations
ended (confirmed at which step, cancelled, ghost box, still open), how long confirming
took, and what the messages cost per channel."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from goodbuyer.confirmations.calls import CALL_STEP
from goodbuyer.confirmations.calls_schemas import FunnelOut, SendsOut
from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.confirmations.statuses import (
    OPEN_STATUSES,
    ConfirmationStatus,
    DeliveryStatus,
    OutboundChannel,
    ResolvedVia,
)
from goodbuyer.policy.service import active_policy
from goodbuyer.shops.models import Shop

STEPS = ("sms", "whatsapp", "email", CALL_STEP)  # the ladder's steps, in order
_SENT = (DeliveryStatus.SENT, DeliveryStatus.DELIVERED)
_FAILED = (DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERABLE)


def quantile(values: list[float], q: float) -> float | None:
    """The q-quantile with linear interpolation between the nearest ranks (None: no data)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def default_period(now: datetime, days: int = 30) -> tuple[datetime, datetime]:
    """The `days` whole UTC days ending with today: [midnight `days` - 1 days ago, tomorrow)."""
    until = datetime.combine(now.astimezone(UTC).date() + timedelta(days=1), time(), UTC)
    return until - timedelta(days=days), until


def step_of(via: ResolvedVia | None, channel: str | None) -> str:
    """The step a confirmation was confirmed at: a call, or the last message's channel."""
    if via is ResolvedVia.CALL:
        return CALL_STEP
    return channel or "none"


def confirmation_funnel(
    session: Session, shop_id: uuid.UUID, since: datetime, until: datetime
) -> FunnelOut:
    rows = session.execute(
        select(Confirmation.status, Confirmation.resolved_via, Confirmation.resolved_channel,
               Confirmation.created_at, Confirmation.resolved_at)
        .where(Confirmation.shop_id == shop_id, Confirmation.created_at >= since,
               Confirmation.created_at < until)
    ).all()  # fmt: skip
    by_status = dict.fromkeys(ConfirmationStatus, 0)
    confirmed_at = dict.fromkeys(STEPS, 0)
    seconds: list[float] = []
    for status, via, channel, created, resolved in rows:
        by_status[status] += 1
        if status is ConfirmationStatus.CONFIRMED:
            step = step_of(via, channel)
            confirmed_at[step] = confirmed_at.get(step, 0) + 1
            if resolved is not None:
                seconds.append((resolved - created).total_seconds())
    sends = _sends(session, shop_id, since, until)
    return FunnelOut(
        since=since, until=until, currency=_currency(session, shop_id, bool(rows)),
        confirmations=len(rows), confirmed_at=confirmed_at,
        confirmed=by_status[ConfirmationStatus.CONFIRMED],
        cancelled=by_status[ConfirmationStatus.CANCELLED],
        ghost=by_status[ConfirmationStatus.GHOST], closed=by_status[ConfirmationStatus.CLOSED],
        open=sum(by_status[s] for s in OPEN_STATUSES),
        confirm_seconds_median=quantile(seconds, 0.5), confirm_seconds_p90=quantile(seconds, 0.9),
        sends=sends, cost=sum(s.cost for s in sends),
    )  # fmt: skip


def _sends(
    session: Session, shop_id: uuid.UUID, since: datetime, until: datetime
) -> list[SendsOut]:
    """Messages recorded in the period per channel, every channel listed (zeros included)."""
    sent = func.sum(case((OutboxMessage.status.in_(_SENT), 1), else_=0))
    failed = func.sum(case((OutboxMessage.status.in_(_FAILED), 1), else_=0))
    rows = session.execute(
        select(OutboxMessage.channel, func.count(), sent, failed, func.sum(OutboxMessage.cost))
        .where(OutboxMessage.shop_id == shop_id, OutboxMessage.created_at >= since,
               OutboxMessage.created_at < until)
        .group_by(OutboxMessage.channel)
    )  # fmt: skip
    found = {r[0]: r for r in rows}
    return [
        SendsOut(channel=channel, messages=int(r[1]), sent=int(r[2] or 0), failed=int(r[3] or 0),
                 cost=int(r[4] or 0)) if (r := found.get(channel)) else
        SendsOut(channel=channel, messages=0, sent=0, failed=0, cost=0)
        for channel in OutboundChannel
    ]  # fmt: skip


def _currency(session: Session, shop_id: uuid.UUID, decided: bool) -> str:
    """The policy's currency (prices are in it), else the shop's. Only a shop that decided
    orders has a policy stored; asking for it otherwise would write the default."""
    currency = active_policy(session, shop_id).policy.currency if decided else ""
    if currency:
        return currency
    shop = session.get(Shop, shop_id)
    return shop.currency if shop else ""


__all__ = ["STEPS", "confirmation_funnel", "default_period", "quantile", "step_of"]
