"""A ticket's facts, read from the database: its order, shipments and their scans,
returns, and the customer's net value, segments and open disputes, as of now, or as they
stood when a message was sent for a message read after the fact (a history import read
later). The rules that turn them into facts (fault, lateness, VIP, rewinding) are pure:
`support.ticket_facts`."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from goodbuyer.clock import ensure_utc
from goodbuyer.deliveries import service as deliveries
from goodbuyer.identity.persons import person_and_members
from goodbuyer.payments import service as payments
from goodbuyer.policy.document import Policy
from goodbuyer.returns import service as returns
from goodbuyer.risk.facts import Money
from goodbuyer.risk.live import facts_before
from goodbuyer.risk.memberships import open_memberships
from goodbuyer.store import service as store
from goodbuyer.store.service import Order, OrderFilter
from goodbuyer.support.models import Ticket
from goodbuyer.support.ticket_facts import (
    CustomerView,
    DisputeFacts,
    Fault,
    OrderView,
    ReturnView,
    ScanView,
    ShipmentView,
    TicketFacts,
    build_facts,
    shipment_as_of,
    status_as_of,
)  # fmt: skip

# A ticket without an order is about the customer's latest order placed this recently.
ORDER_LOOKBACK = timedelta(days=90)


def gather_facts(
    session: Session,
    ticket: Ticket,
    policy: Policy,
    now: datetime,
    *,
    blocked: bool = False,
    rewind: bool = False,
) -> TicketFacts:
    """The facts the playbook decides `ticket` on, as of `now`. `blocked`: the customer is
    on the support block list (zero tolerance keeps that list). `rewind`: `now` is in the
    past (a message read after the fact): what happened since is left out (later scans,
    returns, disputes and segments; an order status the shipments did not show yet)."""
    order = _order_of(session, ticket, now)
    customer_id = ticket.customer_id or (order.customer_id if order else None)
    customer = (
        _customer(session, ticket.shop_id, customer_id, policy, now, blocked, rewind)
        if customer_id
        else CustomerView(net_value=0, segments=(), dispute=None, blocked=blocked)
    )
    shipments = _shipments(session, order) if order else []
    found_returns = _returns(session, order) if order else []
    if rewind:
        shipments = [shipment_as_of(s, now) for s in shipments]
        found_returns = [r for r in found_returns if r.requested_at <= now]
    view = _order_view(order) if order else None
    if rewind and view is not None:
        view = replace(view, status=status_as_of(view.status, shipments))
    return build_facts(
        view,
        shipments,
        found_returns,
        customer,
        vip_threshold=policy.support.vip_threshold,
        late_days_for_claim=policy.support.late_days_for_claim,
        now=now,
    )


def _order_of(session: Session, ticket: Ticket, now: datetime) -> Order | None:
    """The ticket's order; else the customer's latest order of the last ORDER_LOOKBACK
    (across the person's customer records)."""
    if ticket.order_id is not None:
        return store.get_order(session, ticket.shop_id, ticket.order_id)
    if ticket.customer_id is None:
        return None
    _, members = person_and_members(session, ticket.customer_id)
    latest: list[Order] = []
    for member in members:
        found = store.list_orders(
            session,
            ticket.shop_id,
            OrderFilter(customer_id=member, placed_from=now - ORDER_LOOKBACK, placed_to=now),
            limit=1,
            cursor=None,
        )
        latest += found.items
    return max(latest, key=lambda o: (o.placed_at, o.id), default=None)


def _order_view(order: Order) -> OrderView:
    return OrderView(
        number=order.number,
        status=order.status.value,
        payment_method=order.payment_method.value,
        total=order.total,
        currency=order.currency,
        customer_name=order.customer_name or order.ship_name,
        raw=order.raw or {},
    )


def _shipments(session: Session, order: Order) -> list[ShipmentView]:
    views = []
    for shipment in deliveries.list_shipments(session, order.shop_id, order.id):
        scans = deliveries.list_events(session, order.shop_id, shipment.id)
        views.append(ShipmentView(
            status=shipment.status.value, carrier=shipment.carrier,
            tracking_number=shipment.tracking_number, tracking_url=shipment.tracking_url,
            promised_at=shipment.promised_at, shipped_at=shipment.shipped_at,
            delivered_at=shipment.delivered_at,
            scans=tuple(ScanView(s.status.value, s.occurred_at) for s in scans),
        ))  # fmt: skip
    return views


def _returns(session: Session, order: Order) -> list[ReturnView]:
    return [
        ReturnView(
            reason=found.reason.value,
            value=sum(line.quantity * line.unit_price for line in found.lines),
            requested_at=found.requested_at,
        )
        for found in returns.list_returns(session, order.shop_id, order.id)
    ]


def _customer(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, policy: Policy,
    now: datetime, blocked: bool, rewind: bool,
) -> CustomerView:  # fmt: skip
    """Net value (delivered orders less refunds, in the policy's currency, as the risk
    features count it), segments and the newest open dispute of the person at `now`."""
    person, members = person_and_members(session, customer_id)
    money = Money(policy.currency, tuple(sorted(policy.rates.items())))
    known = facts_before(session, shop_id, money, members, [], None, now, now).person
    segments = tuple(m.segment for m in open_memberships(session, person)
                     if not rewind or ensure_utc(m.since) <= now)  # fmt: skip
    disputes = payments.open_chargebacks(session, shop_id, members, now if rewind else None)
    dispute = None
    if disputes:
        chargeback, number = disputes[0]
        dispute = DisputeFacts(number, chargeback.amount, chargeback.currency,
                               chargeback.reason.value, chargeback.opened_at)  # fmt: skip
    return CustomerView(known.delivered_value - known.refunded, segments, dispute, blocked)


__all__ = ["ORDER_LOOKBACK", "DisputeFacts", "Fault", "TicketFacts", "gather_facts"]
