"""Shops and API keys: create them, authenticate a key, find a shop by its webhook identity."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.errors import Conflict, Forbidden, NotFound, Unauthorized
from goodbuyer.policy.versions import ensure_policy
from goodbuyer.shops.models import ApiKey, Shop
from goodbuyer.shops.schemas import ApiKeyCreated, Principal, ShopIn
from goodbuyer.shops.scopes import Scope, allows

_KEY_PREFIX = "gb_"


def create_shop(session: Session, data: ShopIn, now: datetime, actor: str = "cli") -> Shop:
    shop = Shop(**data.model_dump(), created_at=now)
    session.add(shop)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise Conflict(f"a shop with slug {data.slug!r} or that Shopify domain exists") from None
    record(
        session,
        shop_id=shop.id,
        at=now,
        actor=actor,
        action="shop.created",
        subject_type="shop",
        subject_id=shop.id,
        data={"slug": shop.slug},
    )
    # Every shop decides with the default policy until it activates its own.
    ensure_policy(session, shop.id, now)
    return shop


def get_shop(session: Session, shop_id: uuid.UUID) -> Shop:
    shop = session.get(Shop, shop_id)
    if shop is None:
        raise NotFound(f"no shop {shop_id}")
    return shop


def get_shop_by_slug(session: Session, slug: str) -> Shop:
    shop = session.scalar(select(Shop).where(Shop.slug == slug))
    if shop is None:
        raise NotFound(f"no shop with slug {slug!r}")
    return shop


def find_shop_by_shopify_domain(session: Session, domain: str) -> Shop | None:
    return session.scalar(select(Shop).where(Shop.shopify_domain == domain.strip().lower()))


def list_shops(session: Session) -> list[Shop]:
    return list(session.scalars(select(Shop).order_by(Shop.slug)))


def issue_api_key(
    session: Session,
    shop_id: uuid.UUID,
    name: str,
    scopes: list[Scope],
    now: datetime,
    actor: str = "cli",
) -> ApiKeyCreated:
    """A new key; its secret is returned once and only its SHA-256 is stored."""
    get_shop(session, shop_id)
    prefix = secrets.token_hex(6)
    secret = f"{_KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    key = ApiKey(
        shop_id=shop_id,
        name=name,
        prefix=prefix,
        secret_hash=_hash(secret),
        scopes=[s.value for s in scopes],
        created_at=now,
    )
    session.add(key)
    session.flush()
    record(
        session,
        shop_id=shop_id,
        at=now,
        actor=actor,
        action="api_key.issued",
        subject_type="api_key",
        subject_id=key.id,
        data={"name": name, "scopes": key.scopes},
    )
    return ApiKeyCreated(
        id=key.id,
        name=name,
        prefix=prefix,
        scopes=scopes,
        created_at=now,
        revoked_at=None,
        secret=secret,
    )


def list_api_keys(session: Session, shop_id: uuid.UUID) -> list[ApiKey]:
    query = select(ApiKey).where(ApiKey.shop_id == shop_id).order_by(ApiKey.created_at)
    return list(session.scalars(query))


def revoke_api_key(
    session: Session, shop_id: uuid.UUID, key_id: uuid.UUID, now: datetime, actor: str
) -> None:
    key = session.get(ApiKey, key_id)
    if key is None or key.shop_id != shop_id:
        raise NotFound(f"no API key {key_id} in this shop")
    key.revoked_at = now
    record(
        session,
        shop_id=shop_id,
        at=now,
        actor=actor,
        action="api_key.revoked",
        subject_type="api_key",
        subject_id=key.id,
    )


def authenticate(session: Session, secret: str | None, needed: Scope) -> Principal:
    """The principal behind a bearer secret, if it is valid and allows `needed`."""
    principal = identify(session, secret)
    check_scope(principal, needed)
    return principal


def identify(session: Session, secret: str | None) -> Principal:
    """The principal behind a bearer secret; Unauthorized when there is none."""
    if not secret or not secret.startswith(_KEY_PREFIX) or secret.count("_") < 2:
        raise Unauthorized("missing or malformed API key (send 'Authorization: Bearer gb_...')")
    prefix = secret[len(_KEY_PREFIX) :].split("_", 1)[0]
    key = session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))
    if key is None or not hmac.compare_digest(key.secret_hash, _hash(secret)):
        raise Unauthorized("unknown API key")
    if key.revoked_at is not None:
        raise Unauthorized("this API key was revoked")
    return Principal(shop_id=key.shop_id, key_id=key.id, key_name=key.name, scopes=key.scopes)


def check_scope(principal: Principal, needed: Scope) -> None:
    if not allows(principal.scopes, needed):
        raise Forbidden(f"this API key lacks the {needed.value!r} scope")


def principal_for_key(session: Session, key_id: uuid.UUID) -> Principal | None:
    """The principal of a signed-in page session's key; None once it is revoked or gone."""
    key = session.get(ApiKey, key_id)
    if key is None or key.revoked_at is not None:
        return None
    return Principal(shop_id=key.shop_id, key_id=key.id, key_name=key.name, scopes=key.scopes)


def _hash(secret: str) -> str:
    # Keys are 256-bit random tokens: a fast hash is safe (no dictionary to attack).
    return hashlib.sha256(secret.encode()).hexdigest()


__all__ = [
    "authenticate",
    "check_scope",
    "create_shop",
    "find_shop_by_shopify_domain",
    "get_shop",
    "get_shop_by_slug",
    "identify",
    "issue_api_key",
    "list_api_keys",
    "list_shops",
    "principal_for_key",
    "revoke_api_key",
]
