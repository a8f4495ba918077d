"""The confirmation page's use cases, each in the caller's transaction: read a link,
confirm (with a preferred delivery slot), cancel, and within the shop's edit window change
the phone number or the delivery address (an address change re-checks and re-decides)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.audit import record_on_order
from goodbuyer.confirmations import service
from goodbuyer.confirmations.links import LinkClaims, LinkError, read_token
from goodbuyer.confirmations.models import Confirmation
from goodbuyer.confirmations.page_view import can_edit
from goodbuyer.confirmations.statuses import OPEN_STATUSES, ResolvedVia
from goodbuyer.deliveries.models import Shipment
from goodbuyer.errors import FieldError, Forbidden, InvalidInput
from goodbuyer.identity.normalize import phone_e164
from goodbuyer.identity.service import resolve_order
from goodbuyer.policy import service as policies
from goodbuyer.policy.confirmation import ConfirmationPolicy
from goodbuyer.risk import service as risk
from goodbuyer.risk.statuses import Outcome
from goodbuyer.shops.models import Shop
from goodbuyer.store.models import Order

ACTOR = "customer:page"
_LONG_AGO = datetime.min.replace(tzinfo=UTC)


class EditWindowClosed(Forbidden):
    """The shop's edit window for this order has passed."""


@dataclass(frozen=True)
class PageContext:
    confirmation: Confirmation
    order: Order
    shop: Shop
    policy: ConfirmationPolicy
    promised_at: datetime | None  # the carrier's promised date, if a shipment names one


@dataclass(frozen=True)
class NewAddress:
    line1: str
    line2: str
    postcode: str
    city: str


def read_link(secret: str, token: str, now: datetime) -> LinkClaims:
    """The link's claims; LinkError (404 altered, 410 expired) otherwise."""
    return read_token(secret, token, now)


def expired_link_code(secret: str, token: str) -> str | None:
    """The confirmation a genuine but expired link names (to answer in its language)."""
    try:
        return read_token(secret, token, _LONG_AGO).code
    except LinkError:
        return None


def load_page(session: Session, code: str, *, lock: bool = False) -> PageContext:
    """Everything the page shows for a link's confirmation; LinkError if there is none.
    `lock`: hold the confirmation's row until the transaction ends (two quick clicks on
    PostgreSQL wait for each other; SQLite has one writer anyway)."""
    confirmation = service.by_link_code(session, code)
    if confirmation is not None and lock:
        session.refresh(confirmation, with_for_update=True)
    order = session.get(Order, confirmation.order_id) if confirmation else None
    shop = session.get(Shop, confirmation.shop_id) if confirmation else None
    if confirmation is None or order is None or shop is None:
        raise LinkError("this link names no order")
    policy = policies.active_policy(session, shop.id).policy.confirmation
    promised = session.scalar(
        select(Shipment.promised_at)
        .where(Shipment.order_id == order.id, Shipment.promised_at.is_not(None))
        .order_by(Shipment.created_at.desc())
        .limit(1)
    )
    return PageContext(confirmation, order, shop, policy, promised)


def confirm_on_page(
    session: Session, ctx: PageContext, slot: str | None, now: datetime
) -> service.Resolution:
    """The customer pressed Confirm, perhaps with a preferred delivery slot (R3.7)."""
    if slot and slot not in ctx.policy.delivery_slots:
        raise InvalidInput("not one of the shop's delivery slots", [FieldError("slot", slot)])
    return service.confirm(session, ctx.confirmation, ResolvedVia.PAGE, now, ACTOR, slot or None)


def cancel_on_page(
    session: Session, ctx: PageContext, reason: str, now: datetime
) -> service.Resolution:
    return service.cancel(session, ctx.confirmation, ResolvedVia.PAGE, now, ACTOR,
                          reason.strip()[:500])  # fmt: skip


def change_phone(session: Session, ctx: PageContext, raw: str, now: datetime) -> str:
    """The order's and the confirmation's phone become the new number (E.164)."""
    _require_edit_window(ctx, now)
    phone = phone_e164(raw[:64], ctx.order.ship_country or ctx.shop.country)
    if phone is None:
        raise InvalidInput("not a phone number", [FieldError("phone", "not a phone number")])
    ctx.order.phone, ctx.order.updated_at = phone, now
    ctx.confirmation.phone, ctx.confirmation.updated_at = phone, now
    record_on_order(session, ctx.order, "order.phone_changed", ctx.order.id, at=now,
                    actor=ACTOR, data={"via": "confirmation_page"})  # fmt: skip
    return phone


def change_address(session: Session, ctx: PageContext, new: NewAddress, now: datetime) -> Outcome:
    """Store the new address, re-run the history check and the decision on the order.
    An outcome stronger than "confirm" (review, prepay, reject) hands the order to the
    shop: the confirmation is closed. Returns the new outcome."""
    _require_edit_window(ctx, now)
    fields = {"line1": new.line1.strip(), "postcode": new.postcode.strip(),
              "city": new.city.strip()}  # fmt: skip
    missing = [FieldError(k, "required") for k, v in fields.items() if not v]
    if missing:
        raise InvalidInput("the street, postcode and city are needed", missing)
    order = ctx.order
    order.ship_line1, order.ship_line2 = fields["line1"][:300], new.line2.strip()[:300] or None
    order.ship_postcode, order.ship_city = fields["postcode"][:32], fields["city"][:200]
    order.updated_at = now
    record_on_order(session, order, "order.address_changed", order.id, at=now, actor=ACTOR,
                    data={"via": "confirmation_page"})  # fmt: skip
    session.flush()
    resolve_order(session, order.id, now, ACTOR)
    outcome = risk.decide_order(session, order.id, now, ACTOR).outcome
    if outcome.priority > Outcome.CONFIRM.priority:
        service.hand_back_to_shop(session, order, now, ACTOR)
    return outcome


def _require_edit_window(ctx: PageContext, now: datetime) -> None:
    if not can_edit(ctx.order.placed_at, ctx.policy.edit_window_minutes, now):
        raise EditWindowClosed("the time to change the phone or address has passed")
    if ctx.confirmation.status not in OPEN_STATUSES:
        raise EditWindowClosed("this order is no longer waiting for confirmation")


__all__ = [
    "ACTOR", "EditWindowClosed", "NewAddress", "PageContext", "cancel_on_page",
    "change_address", "change_phone", "confirm_on_page", "expired_link_code", "load_page",
    "read_link",
]  # fmt: skip
