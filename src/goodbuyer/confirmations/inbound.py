"""What Twilio tells us, in the caller's transaction: a message's delivery status (the
outbox row moves forward only) and a customer's reply (confirm, cancel, or ask again)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer import audit, money
from goodbuyer.confirmations import service, texts
from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.confirmations.replies import Reply, classify
from goodbuyer.confirmations.statuses import DeliveryStatus, ResolvedVia
from goodbuyer.errors import Conflict
from goodbuyer.policy.service import active_policy
from goodbuyer.shops.models import Shop
from goodbuyer.store.models import Order

ACTOR = "customer:reply"
_TWILIO_STATUS = {
    "accepted": DeliveryStatus.SENT, "scheduled": DeliveryStatus.SENT,
    "queued": DeliveryStatus.SENT, "sending": DeliveryStatus.SENT, "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED, "read": DeliveryStatus.DELIVERED,
    "undelivered": DeliveryStatus.UNDELIVERABLE, "failed": DeliveryStatus.FAILED,
    "canceled": DeliveryStatus.FAILED,
}  # fmt: skip
_RANK = {DeliveryStatus.PENDING: 0, DeliveryStatus.SENDING: 1, DeliveryStatus.SENT: 2}
_FINAL = 3  # delivered, undeliverable, failed, skipped: never moved again


class Answer(NamedTuple):
    reply: Reply
    template: str  # reply_confirmed, reply_cancelled, reply_unknown, reply_no_order
    text: str  # in the customer's language
    confirmation_id: uuid.UUID | None


def record_delivery_status(
    session: Session, shop: Shop, provider_id: str, twilio_status: str, error_code: str | None,
    now: datetime,
) -> OutboxMessage | None:  # fmt: skip
    """Move the outbox row of `provider_id` to Twilio's status, never backwards; None
    when no row of this shop has that id (a message sent by another system)."""
    query = select(OutboxMessage).where(
        OutboxMessage.shop_id == shop.id, OutboxMessage.provider_message_id == provider_id
    )
    message = session.scalar(query)
    status = _TWILIO_STATUS.get(twilio_status.lower())
    if message is None or status is None:
        return message
    if _RANK.get(status, _FINAL) <= _RANK.get(message.status, _FINAL):
        return message
    before, message.status, message.updated_at = message.status, status, now
    if error_code:
        message.last_error = f"Twilio error {error_code}"
    audit.record(session, shop_id=shop.id, at=now, actor="provider:twilio",
                 action=f"outbox.{status.value}", subject_type="outbox_message",
                 subject_id=message.id, customer_id=message.customer_id,
                 order_id=message.order_id,
                 data={"from": before.value, "provider_status": twilio_status,
                       "error_code": error_code})  # fmt: skip
    return message


def answer_reply(session: Session, shop: Shop, phone: str, body: str, now: datetime) -> Answer:
    """Read a customer's reply and act on their newest open confirmation; the text to
    answer with. A reply with nothing open is recorded and answered politely."""
    confirmation = service.open_by_phone(session, shop.id, phone)
    if confirmation is None:
        _record_unmatched(session, shop, phone, body, now)
        return _answer(session, shop, None, Reply.UNKNOWN, "reply_no_order", None, now)
    reply = classify(body, confirmation.language)
    try:
        if reply is Reply.YES:
            service.confirm(session, confirmation, ResolvedVia.REPLY, now, ACTOR)
            template = "reply_confirmed"
        elif reply is Reply.NO:
            service.cancel(session, confirmation, ResolvedVia.REPLY, now, ACTOR, reason="reply")
            template = "reply_cancelled"
        else:
            template = "reply_unknown"
            _audit_unclear(session, confirmation, body, now)
    except Conflict:  # resolved another way a moment ago (the page, an agent)
        return _answer(session, shop, None, reply, "reply_no_order", None, now)
    return _answer(session, shop, confirmation, reply, template, confirmation.id, now)


def _answer(
    session: Session, shop: Shop, confirmation: Confirmation | None, reply: Reply,
    template: str, confirmation_id: uuid.UUID | None, now: datetime,
) -> Answer:  # fmt: skip
    order = session.get(Order, confirmation.order_id) if confirmation else None
    language = confirmation.language if confirmation else (shop.languages or ["en"])[0]
    values = {"shop": shop.name}
    if order is not None:
        values["order"] = order.number
        values["total"] = texts.format_money(order.total, order.currency,
                                             money.exponent(order.currency), language)  # fmt: skip
    overrides = active_policy(session, shop.id, now).policy.confirmation.texts
    text = texts.render(template, language, values, overrides).body
    return Answer(reply, template, text, confirmation_id)


def _audit_unclear(session: Session, confirmation: Confirmation, body: str, now: datetime) -> None:
    audit.record(session, shop_id=confirmation.shop_id, at=now, actor=ACTOR,
                 action="confirmation.reply_unclear", subject_type="confirmation",
                 subject_id=confirmation.id, customer_id=confirmation.customer_id,
                 order_id=confirmation.order_id, data={"body": body[:500]})  # fmt: skip


def _record_unmatched(session: Session, shop: Shop, phone: str, body: str, now: datetime) -> None:
    # The number is kept masked: no confirmation ties this event to a customer we may erase.
    masked = phone[:4] + "*" * max(len(phone) - 7, 0) + phone[-3:]
    audit.record(session, shop_id=shop.id, at=now, actor=ACTOR,
                 action="confirmation.reply_without_order", subject_type="confirmation",
                 subject_id=None, data={"from": masked, "body": body[:500]})  # fmt: skip


__all__ = ["ACTOR", "Answer", "answer_reply", "record_delivery_status"]
