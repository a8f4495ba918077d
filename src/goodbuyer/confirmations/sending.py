"""One step of the ladder, in two halves the workflow runs as separate DBOS steps:

- `prepare_step` decides in one transaction whether the step still has anyone to ask, and
  records its message in the outbox under the key `confirm:<id>:<step>` (or, after the
  last step, puts the order in the call queue);
- `deliver` hands a recorded message to its channel exactly once: the row is marked
  `sending` before the provider call, so a step re-run after a crash asks the provider
  whether it already holds the message before sending it again.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer import audit
from goodbuyer.confirmations import calls, service, texts
from goodbuyer.confirmations.channels.base import ChannelError, Message
from goodbuyer.confirmations.ladder import step_due
from goodbuyer.confirmations.links import link_url, make_token
from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.confirmations.runtime import Runtime
from goodbuyer.confirmations.statuses import (
    OPEN_STATUSES,
    ConfirmationStatus,
    DeliveryStatus,
    OutboundChannel,
)
from goodbuyer.db import transaction
from goodbuyer.money import exponent
from goodbuyer.policy import service as policies
from goodbuyer.policy.confirmation import ConfirmationPolicy, Step, StepChannel
from goodbuyer.shops.models import Shop
from goodbuyer.store.models import Order

log = logging.getLogger(__name__)
_DONE = frozenset({DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.FAILED,
                   DeliveryStatus.UNDELIVERABLE, DeliveryStatus.SKIPPED})  # fmt: skip
_PHONE_CHANNELS = frozenset({StepChannel.SMS, StepChannel.WHATSAPP})


class Action(StrEnum):
    SEND = "send"  # a message is recorded: deliver it, then wait
    CALL = "call"  # the ladder is over: the order is in the call queue
    STOP = "stop"  # the confirmation was resolved: nothing more to do


@dataclass(frozen=True)
class Prepared:
    action: Action
    key: str = ""
    next_in: float = 0.0  # wall-clock seconds until the next step is due


def step_key(confirmation_id: uuid.UUID, step: int) -> str:
    return f"confirm:{confirmation_id}:{step}"


def confirmation_policy(session: Session, c: Confirmation) -> ConfirmationPolicy:
    """The ladder as the policy the order was decided under defined it."""
    if c.policy_version is None:
        return policies.active_policy(session, c.shop_id).policy.confirmation
    return policies.policy_for_version(session, c.shop_id, c.policy_version).policy.confirmation


def prepare_step(rt: Runtime, confirmation_id: uuid.UUID, step: int) -> Prepared:
    now = rt.clock.now()
    with transaction(rt.sessions) as session:
        c = session.get(Confirmation, confirmation_id, with_for_update=True)
        if c is None or c.status not in OPEN_STATUSES or c.status is ConfirmationStatus.CALLING:
            return Prepared(Action.STOP)
        order = session.get(Order, c.order_id)
        if order is not None:
            service.close_for_order(session, order, now, actor="ladder")
        if c.status not in OPEN_STATUSES:  # the shop moved the order on itself
            return Prepared(Action.STOP)
        policy = confirmation_policy(session, c)
        if step >= len(policy.steps):
            calls.enter_call_queue(session, c, now, actor="ladder")
            return Prepared(Action.CALL)
        spec = policy.steps[step]
        key = step_key(c.id, step)
        if session.scalar(select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key)):
            return Prepared(Action.SEND, key, _wait(rt, c, spec, policy, now))
        session.add(_message(rt, session, c, spec, policy, key, step, now))
        c.status, c.rung, c.channel = ConfirmationStatus.WAITING, step, spec.channel.value
        c.started_at = c.started_at or now
        next_in = _wait(rt, c, spec, policy, now)
        c.next_due_at, c.updated_at = now + timedelta(seconds=next_in), now
        audit.record(session, shop_id=c.shop_id, at=now, actor="ladder",
                     action="confirmation.step_started", subject_type="confirmation",
                     subject_id=c.id, customer_id=c.customer_id, order_id=c.order_id,
                     data={"step": step, "channel": spec.channel.value})  # fmt: skip
        return Prepared(Action.SEND, key, next_in)


def _wait(
    rt: Runtime, c: Confirmation, spec: Step, policy: ConfirmationPolicy, now: datetime
) -> float:
    wait = timedelta(minutes=spec.wait_minutes)
    return step_due(now, wait, policy.quiet_hours, c.time_zone, rt.settings.time_scale)[1]


def _message(
    rt: Runtime, session: Session, c: Confirmation, spec: Step, policy: ConfirmationPolicy,
    key: str, step: int, now: datetime,
) -> OutboxMessage:  # fmt: skip
    order = session.get(Order, c.order_id)
    shop = session.get(Shop, c.shop_id)
    assert order is not None  # foreign keys
    assert shop is not None
    expires = now + timedelta(hours=policy.link_valid_hours)
    token = make_token(rt.settings.secret_key, c.link_code, step, expires)
    values = {
        "shop": shop.name, "order": order.number, "phone": c.phone or "",
        "total": texts.format_money(order.total, order.currency, exponent(order.currency),
                                    c.language),
        "link": link_url(rt.settings.public_url, token) if spec.link else "",
        "name": (order.customer_name or "").split(" ")[0],
    }  # fmt: skip
    rendered = texts.render(spec.template_name(), c.language, values, policy.texts)
    phone = spec.channel in _PHONE_CHANNELS
    recipient = c.phone if phone else order.email if spec.channel is StepChannel.EMAIL else ""
    missing = recipient is None or (not recipient and spec.channel is not StepChannel.WEBHOOK)
    return OutboxMessage(
        shop_id=c.shop_id, idempotency_key=key, channel=OutboundChannel(spec.channel.value),
        recipient=recipient or "", template=spec.template_name(), language=c.language,
        subject=rendered.subject, body=rendered.body, order_id=c.order_id,
        customer_id=c.customer_id, confirmation_id=c.id,
        status=DeliveryStatus.FAILED if missing else DeliveryStatus.PENDING, attempts=0,
        last_error=f"no {'phone number' if phone else 'e-mail address'}" if missing else None,
        cost=0 if missing else policy.prices.get(spec.channel, 0), due_at=c.next_due_at or now,
        created_at=now, updated_at=now,
    )  # fmt: skip


def deliver(rt: Runtime, key: str) -> DeliveryStatus:
    """Send the recorded message once; the status it ends in."""
    with transaction(rt.sessions) as session:
        m = session.scalar(
            select(OutboxMessage).where(OutboxMessage.idempotency_key == key).with_for_update()
        )
        if m is None:
            raise LookupError(f"no outbox message {key}")
        if m.status in _DONE:
            return m.status
        c = session.get(Confirmation, m.confirmation_id) if m.confirmation_id else None
        if c is not None and c.status not in OPEN_STATUSES:
            m.status, m.updated_at = DeliveryStatus.SKIPPED, rt.clock.now()
            return m.status
        interrupted = m.status is DeliveryStatus.SENDING
        m.status, m.attempts, m.updated_at = DeliveryStatus.SENDING, m.attempts + 1, rt.clock.now()
        message = Message(key=m.idempotency_key, channel=m.channel, recipient=m.recipient,
                          subject=m.subject, body=m.body, status_callback=_callback(rt, session, m),
                          metadata={"template": m.template})  # fmt: skip
        since = m.created_at
    channel = rt.channels[message.channel]
    try:
        found = channel.find_sent(message, since) if interrupted else None
        provider_id = found or channel.send(message)
    except ChannelError as e:
        log.warning("message %s failed on %s: %s", key, message.channel.value, e)
        return _finish(rt, key, DeliveryStatus.FAILED, None, str(e))
    return _finish(rt, key, DeliveryStatus.SENT, provider_id, None)


def _callback(rt: Runtime, session: Session, m: OutboxMessage) -> str | None:
    if m.channel not in (OutboundChannel.SMS, OutboundChannel.WHATSAPP):
        return None
    slug = session.scalar(select(Shop.slug).where(Shop.id == m.shop_id))
    return f"{rt.settings.public_url.rstrip('/')}/api/v1/twilio/{slug}/status"


def _finish(
    rt: Runtime, key: str, status: DeliveryStatus, provider_id: str | None, error: str | None
) -> DeliveryStatus:
    now = rt.clock.now()
    with transaction(rt.sessions) as session:
        m = session.scalar(select(OutboxMessage).where(OutboxMessage.idempotency_key == key))
        assert m is not None  # recorded before the call
        m.status, m.provider_message_id, m.last_error, m.updated_at = (
            status,
            provider_id,
            error,
            now,
        )
        if status is DeliveryStatus.SENT:
            m.sent_at = now
        else:
            m.cost = 0
    return status


__all__ = ["Action", "Prepared", "confirmation_policy", "deliver", "prepare_step", "step_key"]
