"""`GET /metrics`: Prometheus text exposition of the confirmation flow, counted from the
database at scrape time (a custom collector), so every API process answers the same.

Metrics (labels in brackets; `shop` is the shop's slug):
- goodbuyer_confirmations [shop, status]           gauge: confirmations per status now
- goodbuyer_outbox_messages [shop, channel, status] gauge: outbox messages per status now
- goodbuyer_messages_sent_total [shop, channel]    counter: messages a provider accepted
- goodbuyer_message_cost_total [shop, channel]     counter: their cost, minor units
- goodbuyer_call_attempts_total [shop, outcome]    counter: calls agents recorded
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.confirmations.models import CallAttempt, Confirmation, OutboxMessage
from goodbuyer.shops.models import Shop
from goodbuyer.web.deps import ServicesDep

router = APIRouter(include_in_schema=False)


class ConfirmationCollector(Collector):
    """Reads the counts in one read-only transaction per scrape."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def collect(self) -> Iterator[Metric]:
        with self._sessions() as session, session.begin():
            yield from _confirmations(session)
            yield from _messages(session)
            yield from _calls(session)


def _per_shop(
    session: Session, family: GaugeMetricFamily | CounterMetricFamily, column: Any, model: Any
) -> Iterator[Metric]:
    """`family` with one sample per shop and value of `column` (a count of `model` rows)."""
    rows = session.execute(
        select(Shop.slug, column, func.count())
        .join(Shop, Shop.id == model.shop_id)
        .group_by(Shop.slug, column)
        .order_by(Shop.slug, column)
    )
    for slug, value, count in rows:
        family.add_metric([slug, value.value], count)
    yield family


def _confirmations(session: Session) -> Iterator[Metric]:
    gauge = GaugeMetricFamily("goodbuyer_confirmations", "Confirmations per status now.",
                              labels=["shop", "status"])  # fmt: skip
    return _per_shop(session, gauge, Confirmation.status, Confirmation)


def _messages(session: Session) -> Iterator[Metric]:
    by_status = GaugeMetricFamily("goodbuyer_outbox_messages", "Outbox messages per status now.",
                                  labels=["shop", "channel", "status"])  # fmt: skip
    sent = CounterMetricFamily("goodbuyer_messages_sent", "Messages a provider accepted.",
                               labels=["shop", "channel"])  # fmt: skip
    cost = CounterMetricFamily("goodbuyer_message_cost",
                               "Cost of the messages, minor units of the policy's currency.",
                               labels=["shop", "channel"])  # fmt: skip
    rows = session.execute(
        select(Shop.slug, OutboxMessage.channel, OutboxMessage.status, func.count(),
               func.count(OutboxMessage.sent_at), func.coalesce(func.sum(OutboxMessage.cost), 0))
        .join(Shop, Shop.id == OutboxMessage.shop_id)
        .group_by(Shop.slug, OutboxMessage.channel, OutboxMessage.status)
        .order_by(Shop.slug, OutboxMessage.channel, OutboxMessage.status)
    )  # fmt: skip
    sent_by: dict[tuple[str, str], int] = {}
    cost_by: dict[tuple[str, str], int] = {}
    for slug, channel, status, count, with_sent_at, total in rows:
        by_status.add_metric([slug, channel.value, status.value], count)
        key = (slug, channel.value)
        sent_by[key] = sent_by.get(key, 0) + int(with_sent_at)
        cost_by[key] = cost_by.get(key, 0) + int(total)
    for key, value in sent_by.items():
        sent.add_metric(list(key), value)
        cost.add_metric(list(key), cost_by[key])
    yield from (by_status, sent, cost)


def _calls(session: Session) -> Iterator[Metric]:
    counter = CounterMetricFamily("goodbuyer_call_attempts", "Calls agents recorded.",
                                  labels=["shop", "outcome"])  # fmt: skip
    return _per_shop(session, counter, CallAttempt.outcome, CallAttempt)


@router.get("/metrics")
def metrics(services: ServicesDep) -> Response:
    """Scraped by Prometheus; serve it on an internal network only (no key is asked). The
    0.0.4 text format: every Prometheus version and compatible scraper reads it."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(ConfirmationCollector(services.readers))
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_PLAIN_0_0_4)


__all__ = ["ConfirmationCollector", "router"]
