"""The confirmation's state changes, each in the caller's transaction with its audit
event: hold an order for confirmation, confirm, cancel, close (R3.1-R3.5).

The ladder's worker, the confirmation page, replies and the call queue all end a
confirmation through these; whichever comes first wins and the others find it resolved.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import NamedTuple, Protocol

import phonenumbers
from phonenumbers import timezone as phone_zones
from sqlalchemy import Uuid, bindparam, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from goodbuyer import audit
from goodbuyer.confirmations.ladder import zone
from goodbuyer.confirmations.links import new_link_code
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.statuses import OPEN_STATUSES, ConfirmationStatus, ResolvedVia
from goodbuyer.errors import Conflict, NotFound
from goodbuyer.identity.normalize import phone_e164
from goodbuyer.ids import new_id
from goodbuyer.policy.confirmation import ConfirmationPolicy
from goodbuyer.risk.statuses import Outcome
from goodbuyer.shops.models import Shop
from goodbuyer.store.models import Order
from goodbuyer.store.statuses import OrderStatus, PaymentMethod

_SUBJECT = "confirmation"
_WAITING_ORDER = frozenset({OrderStatus.PLACED, OrderStatus.AWAITING_CONFIRMATION})


class Resolution(NamedTuple):
    confirmation: Confirmation
    changed: bool  # False: it was already resolved this way (a repeated click or reply)


class Holdable(audit.OrderBound, Protocol):
    """An order as holding it needs it (an `Order` or a row with these columns)."""

    @property
    def status(self) -> OrderStatus: ...
    @property
    def payment_method(self) -> PaymentMethod: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def ship_country(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...


class ShopVoice(Protocol):
    """What a confirmation takes from its shop: where it is, its clock, its languages."""

    @property
    def country(self) -> str: ...
    @property
    def timezone(self) -> str: ...
    @property
    def languages(self) -> list[str]: ...


_HELD = select(Confirmation.id).where(Confirmation.order_id == bindparam("order", type_=Uuid()))
_SHOP_VOICE = select(Shop.country, Shop.timezone, Shop.languages).where(
    Shop.id == bindparam("shop", type_=Uuid())
)
_INSERT_CONFIRMATION = insert(Confirmation)
_AWAIT = (
    update(Order)
    .where(Order.id == bindparam("order", type_=Uuid()))
    .values(status=OrderStatus.AWAITING_CONFIRMATION)
)


def needs_confirmation(order: Holdable, outcome: Outcome, policy: ConfirmationPolicy) -> bool:
    """An order decided "confirm" is held, unless the shop holds only cash on delivery."""
    if outcome is not Outcome.CONFIRM or not policy.enabled:
        return False
    if order.status is not OrderStatus.PLACED:
        return False
    return (
        order.payment_method is PaymentMethod.CASH_ON_DELIVERY or not policy.cash_on_delivery_only
    )


def hold_for_confirmation(
    session: Session, order: Holdable, policy_version: int | None, now: datetime, actor: str
) -> uuid.UUID:
    """Hold the order and queue its ladder (the worker starts it within seconds); the
    confirmation's id. Holding an order twice returns its one confirmation. A handful of
    statements, no unit of work: every held cash-on-delivery order comes through here."""
    session.flush()  # the order's own changes first: its status is set below
    conn = session.connection()
    existing = conn.execute(_HELD, {"order": order.id}).scalar()
    if existing is not None:
        return existing
    shop = conn.execute(_SHOP_VOICE, {"shop": order.shop_id}).one()
    phone = phone_e164(order.phone or "", order.ship_country or shop.country)
    confirmation_id = new_id()
    conn.execute(_INSERT_CONFIRMATION, {
        "id": confirmation_id, "shop_id": order.shop_id, "order_id": order.id,
        "customer_id": order.customer_id, "status": ConfirmationStatus.QUEUED,
        "policy_version": policy_version, "language": language_of(order, shop),
        "time_zone": time_zone_of(phone, shop), "phone": phone, "link_code": new_link_code(),
        "rung": -1, "call_attempts": 0, "created_at": now, "updated_at": now,
    })  # fmt: skip
    conn.execute(_AWAIT, {"order": order.id})
    loaded = session.identity_map.get(identity_key(Order, order.id))
    if loaded is not None:  # an `Order` this session holds learns its new status
        session.expire(loaded, ["status"])
    audit.record(session, shop_id=order.shop_id, at=now, actor=actor,
                 action="confirmation.queued", subject_type=_SUBJECT,
                 subject_id=confirmation_id, customer_id=order.customer_id, order_id=order.id,
                 data={})  # fmt: skip
    return confirmation_id


def confirm(
    session: Session, confirmation: Confirmation, via: ResolvedVia, now: datetime, actor: str,
    delivery_slot: str | None = None,
) -> Resolution:  # fmt: skip
    """The customer (or an agent) confirmed: the order may ship."""
    data: dict[str, object] = {"delivery_slot": delivery_slot} if delivery_slot else {}
    return _resolve(session, confirmation, ConfirmationStatus.CONFIRMED, OrderStatus.CONFIRMED,
                    via, now, actor, data)  # fmt: skip


def cancel(
    session: Session, confirmation: Confirmation, via: ResolvedVia, now: datetime, actor: str,
    reason: str = "",
) -> Resolution:  # fmt: skip
    """The customer (or an agent on their word) cancelled the order."""
    return _resolve(session, confirmation, ConfirmationStatus.CANCELLED, OrderStatus.CANCELLED,
                    via, now, actor, {"reason": reason} if reason else {})  # fmt: skip


def send_to_ghost_box(
    session: Session, confirmation: Confirmation, now: datetime, actor: str
) -> Resolution:
    """Every call failed: the order is cancelled and the customer is in the ghost box (R3.4)."""
    data: dict[str, object] = {"call_attempts": confirmation.call_attempts}
    return _resolve(session, confirmation, ConfirmationStatus.GHOST, OrderStatus.CANCELLED,
                    ResolvedVia.CALL, now, actor, data)  # fmt: skip


def close_for_order(session: Session, order: Order, now: datetime, actor: str) -> None:
    """When the shop moved the order on itself (confirmed, shipped, cancelled), its ladder
    stops; an order still waiting keeps it."""
    if order.status not in _WAITING_ORDER:
        _close(session, order, now, actor)


def hand_back_to_shop(session: Session, order: Order, now: datetime, actor: str) -> None:
    """A new decision asks for more than a confirmation (review, prepay, reject): the
    order goes back to the shop, which decides by hand, and its ladder stops."""
    order.status = OrderStatus.PLACED
    _close(session, order, now, actor)


def _close(session: Session, order: Order, now: datetime, actor: str) -> None:
    confirmation = session.scalar(select(Confirmation).where(Confirmation.order_id == order.id))
    if confirmation is None or confirmation.status not in OPEN_STATUSES:
        return
    confirmation.status, confirmation.resolved_via = ConfirmationStatus.CLOSED, ResolvedVia.SHOP
    confirmation.resolved_at = confirmation.updated_at = now
    _audit(session, confirmation, now, actor, "confirmation.closed",
           {"order_status": order.status.value})  # fmt: skip


def _resolve(
    session: Session, confirmation: Confirmation, status: ConfirmationStatus,
    order_status: OrderStatus, via: ResolvedVia, now: datetime, actor: str,
    data: dict[str, object],
) -> Resolution:  # fmt: skip
    if confirmation.status is status:
        return Resolution(confirmation, changed=False)
    if confirmation.status not in OPEN_STATUSES:
        raise Conflict(f"this order was already {confirmation.status.value}")
    order = session.get(Order, confirmation.order_id)
    if order is None:
        raise NotFound(f"order {confirmation.order_id} not found")
    confirmation.status, confirmation.resolved_via = status, via
    confirmation.resolved_channel = confirmation.channel
    confirmation.resolved_at = confirmation.updated_at = now
    confirmation.claimed_by = confirmation.claimed_until = None
    if "delivery_slot" in data:
        confirmation.delivery_slot = str(data["delivery_slot"])
    order.status = order_status
    _audit(session, confirmation, now, actor, f"confirmation.{status.value}",
           {"via": via.value, "step": confirmation.channel, **data})  # fmt: skip
    return Resolution(confirmation, changed=True)


def open_by_phone(session: Session, shop_id: uuid.UUID, phone: str) -> Confirmation | None:
    """The newest open confirmation sent to this number (a reply names no order)."""
    query = (
        select(Confirmation)
        .where(
            Confirmation.shop_id == shop_id,
            Confirmation.phone == phone,
            Confirmation.status.in_(list(OPEN_STATUSES)),
        )
        .order_by(Confirmation.created_at.desc())
        .limit(1)
    )
    return session.scalar(query)


def by_link_code(session: Session, code: str) -> Confirmation | None:
    return session.scalar(select(Confirmation).where(Confirmation.link_code == code))


def language_of(order: Holdable, shop: ShopVoice) -> str:
    """The order's language if the shop speaks it, else the shop's first language."""
    wanted = (order.language or "").split("-")[0].lower()
    spoken = [lang.split("-")[0].lower() for lang in shop.languages or []]
    if wanted and (not spoken or wanted in spoken):
        return wanted
    return spoken[0] if spoken else (wanted or "en")


def time_zone_of(phone: str | None, shop: ShopVoice) -> str:
    """The customer's time zone from their number when it names one zone, else the shop's."""
    if phone:
        zones = [z for z in phone_zones.time_zones_for_number(phonenumbers.parse(phone))
                 if z != "Etc/Unknown"]  # fmt: skip
        if zones and len({_offsets(z) for z in zones}) == 1:  # one clock, several names
            return str(zones[0])
    return shop.timezone or "UTC"


def _offsets(name: str) -> tuple[timedelta | None, ...]:
    tz = zone(name)
    return tuple(datetime(2026, month, 1, 12, tzinfo=tz).utcoffset() for month in (1, 7))


def _audit(
    session: Session, confirmation: Confirmation, now: datetime, actor: str, action: str,
    data: dict[str, object],
) -> None:  # fmt: skip
    audit.record(session, shop_id=confirmation.shop_id, at=now, actor=actor, action=action,
                 subject_type=_SUBJECT, subject_id=confirmation.id,
                 customer_id=confirmation.customer_id, order_id=confirmation.order_id,
                 data=data)  # fmt: skip


__all__ = [
    "Holdable", "Resolution", "ShopVoice", "by_link_code", "cancel", "close_for_order",
    "confirm", "hand_back_to_shop", "hold_for_confirmation", "language_of",
    "needs_confirmation", "open_by_phone", "send_to_ghost_box", "time_zone_of",
]  # fmt: skip
