"""Shopify write-back use cases: connect a shop, queue a decision's tags in the order's
transaction, push the queued tags (`push_pending`, the worker's one call)."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, Uuid, and_, bindparam, exists, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from goodbuyer.audit import record
from goodbuyer.db import transaction
from goodbuyer.errors import Conflict, ExternalServiceError, InvalidInput
from goodbuyer.policy.document import Limit, Perk
from goodbuyer.risk.models import TagPush
from goodbuyer.risk.statuses import Outcome
from goodbuyer.shopify.resources import ShopAccess, TagWriter, gid, shopify_customer_id
from goodbuyer.shopify.statuses import PushStatus, Target
from goodbuyer.shopify.tags import DEFAULT_PREFIX, decision_tags, tag_change
from goodbuyer.shops.models import Shop
from goodbuyer.shops.service import find_shop_by_shopify_domain, get_shop
from goodbuyer.store import service as store  # the module: its service imports this one
from goodbuyer.store.models import Customer
from goodbuyer.store.statuses import Source

MAX_ATTEMPTS = 5  # runs of the pusher one tag push gets before it is left failed
_DOMAIN = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
_ERROR_KEPT = 2000
log = logging.getLogger(__name__)
# Whether a shop is connected, read on every decision (not the whole shop row).
_CONNECTED = select(Shop.shopify_domain, Shop.shopify_access_token).where(
    Shop.id == bindparam("shop", type_=Uuid())
)


@dataclass(frozen=True)
class PushSummary:
    """One run of the pusher: pushes accepted, attempts failed, and of those the ones that
    used their last attempt."""

    pushed: int = 0
    failed: int = 0
    gave_up: int = 0


def connect_shop(
    session: Session, shop_id: uuid.UUID, *, domain: str, token: str, now: datetime, actor: str
) -> int:
    """Keep the shop's Shopify domain and Admin API token; pushes that failed for good are
    given their attempts back (a wrong token is the usual reason). Returns how many."""
    domain = domain.strip().lower()
    if not _DOMAIN.match(domain) or not token.strip():
        raise InvalidInput("a Shopify domain (name.myshopify.com) and a token are needed")
    owner = find_shop_by_shopify_domain(session, domain)
    if owner is not None and owner.id != shop_id:
        raise Conflict(f"another shop is connected to {domain}")
    shop = get_shop(session, shop_id)
    shop.shopify_domain, shop.shopify_access_token = domain, token.strip()
    rearmed = session.execute(
        update(TagPush)
        .where(TagPush.shop_id == shop_id, TagPush.status == PushStatus.FAILED.value)
        .values(attempts=0)
    )
    record(session, shop_id=shop_id, at=now, actor=actor, action="shop.shopify_connected",
           subject_type="shop", subject_id=shop_id, data={"domain": domain})  # fmt: skip
    return int(rearmed.rowcount or 0)  # type: ignore[attr-defined]


def queue_decision_tags(
    session: Session,
    shop_id: uuid.UUID,
    order_id: uuid.UUID,
    *,
    outcome: Outcome,
    segments: Sequence[str],
    perks: Sequence[Perk],
    limits: Sequence[Limit],
    now: datetime,
    prefix: str = DEFAULT_PREFIX,
) -> int:
    """Queue the tag changes a decision makes on its Shopify order and customer, in the
    caller's transaction; returns the rows queued. Nothing for a shop not connected to
    Shopify or an order from elsewhere; nothing when the tags are already as wanted."""
    connected = session.connection().execute(_CONNECTED, {"shop": shop_id}).first()
    if connected is None or not connected.shopify_domain or not connected.shopify_access_token:
        return 0
    order = store.get_order(session, shop_id, order_id)
    if order.source != Source.SHOPIFY.value:
        return 0
    wanted = decision_tags(outcome, segments, perks, limits, prefix=prefix)
    queued = _queue(session, shop_id, Target.ORDER, order.external_id, wanted.order, prefix, now)
    key = session.scalar(select(Customer.key).where(Customer.id == order.customer_id))
    customer = shopify_customer_id(key or "")
    if customer is not None:
        queued += _queue(session, shop_id, Target.CUSTOMER, customer, wanted.customer, prefix, now)
    return queued


def push_pending(
    sessions: sessionmaker[Session],
    client: TagWriter,
    *,
    now: datetime,
    limit: int = 100,
    max_attempts: int = MAX_ATTEMPTS,
) -> PushSummary:
    """Push up to `limit` queued tag changes, oldest first, one transaction each: the row
    is locked while Shopify is called (PostgreSQL: FOR UPDATE SKIP LOCKED, so pushers side
    by side never take the same row; SQLite: one writer at a time), then marked pushed or
    failed with the attempt counted. A row waits while an older one for the same order or
    customer is still in play, so changes land in the order they were decided."""
    tried: list[uuid.UUID] = []
    pushed = failed = gave_up = 0
    while len(tried) < limit:
        with transaction(sessions) as session:
            row = session.scalar(_next_row(tried, max_attempts))
            if row is None:
                break
            tried.append(row.id)
            error = _send(session, row, client)
            _mark(row, error, now)
        if error is None:
            pushed += 1
        else:
            failed += 1
            gave_up += row.attempts >= max_attempts
    return PushSummary(pushed=pushed, failed=failed, gave_up=gave_up)


def _queue(
    session: Session,
    shop_id: uuid.UUID,
    target: Target,
    external_id: str,
    wanted: Sequence[str],
    prefix: str,
    now: datetime,
) -> int:
    """One row with the change from what our earlier pushes put on the resource to the
    tags wanted now. Its key names the resource, the change and the push before it: the
    same decision retried finds its row, and A, then B, then A again makes three rows."""
    history = list(session.scalars(_history(shop_id, target, external_id)))
    change = tag_change(_replay(history), wanted, prefix)
    if change.empty:
        return 0
    before = history[-1].idempotency_key if history else ""
    content = [str(shop_id), target.value, external_id, change.add, change.remove, before]
    digest = hashlib.sha256(json.dumps(content).encode()).hexdigest()
    row = TagPush(shop_id=shop_id, idempotency_key=f"shopify:{target.value}:{digest}",
                  target=target.value, external_id=external_id, add=list(change.add),
                  remove=list(change.remove), status=PushStatus.PENDING.value, attempts=0,
                  created_at=now)  # fmt: skip
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:  # a concurrent copy of the same decision queued it first
        return 0
    return 1


def _history(shop_id: uuid.UUID, target: Target, external_id: str) -> Select[TagPush]:
    return (
        select(TagPush)
        .where(
            TagPush.shop_id == shop_id,
            TagPush.target == target.value,
            TagPush.external_id == external_id,
        )
        .order_by(TagPush.created_at, TagPush.id)
    )


def _replay(history: Sequence[TagPush]) -> set[str]:
    """Our tags on a resource once every push still in play has landed; a push left failed
    counts for its removals only (re-adding is harmless, a stale tag is not)."""
    tags: set[str] = set()
    for row in history:
        if row.status != PushStatus.FAILED.value or row.attempts < MAX_ATTEMPTS:
            tags |= set(row.add)
        tags -= set(row.remove)
    return tags


def _in_play(row: type[TagPush] | Any, max_attempts: int) -> ColumnElement[bool]:
    return or_(
        row.status == PushStatus.PENDING.value,
        and_(row.status == PushStatus.FAILED.value, row.attempts < max_attempts),
    )


def _next_row(tried: Sequence[uuid.UUID], max_attempts: int) -> Select[TagPush]:
    older = aliased(TagPush)
    waiting = exists().where(
        older.shop_id == TagPush.shop_id,
        older.target == TagPush.target,
        older.external_id == TagPush.external_id,
        _in_play(older, max_attempts),
        or_(older.created_at < TagPush.created_at,
            and_(older.created_at == TagPush.created_at, older.id < TagPush.id)),
    )  # fmt: skip
    query = select(TagPush).where(_in_play(TagPush, max_attempts), ~waiting)
    if tried:
        query = query.where(TagPush.id.not_in(tried))
    return (
        query.order_by(TagPush.created_at, TagPush.id)
        .limit(1)
        .with_for_update(skip_locked=True, of=TagPush)
    )


def _send(session: Session, row: TagPush, client: TagWriter) -> str | None:
    """Remove, then add (both idempotent on Shopify's side); the error said, or None."""
    shop = get_shop(session, row.shop_id)
    if not shop.shopify_domain or not shop.shopify_access_token:
        return "the shop is not connected to Shopify (goodbuyer shopify connect)"
    access = ShopAccess(domain=shop.shopify_domain, token=shop.shopify_access_token)
    resource = gid(Target(row.target), row.external_id)
    try:
        if row.remove:
            client.remove_tags(access, resource, row.remove)
        if row.add:
            client.add_tags(access, resource, row.add)
    except ExternalServiceError as exc:
        log.warning("tag push %s to %s failed: %s", row.id, resource, exc)
        return str(exc)
    return None


def _mark(row: TagPush, error: str | None, now: datetime) -> None:
    row.attempts += 1
    if error is None:
        row.status, row.pushed_at, row.last_error = PushStatus.PUSHED.value, now, None
    else:
        row.status, row.last_error = PushStatus.FAILED.value, error[:_ERROR_KEPT]


__all__ = ["MAX_ATTEMPTS", "PushSummary", "connect_shop", "push_pending", "queue_decision_tags"]
