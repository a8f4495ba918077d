"""Shopify resources as the Admin API names them, and the port the pusher writes through
(pure: `admin_client.ShopifyAdminClient` implements it over HTTP)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from goodbuyer.shopify.statuses import Target

_CUSTOMER_KEY_PREFIX = "shopify:"  # store.contacts.customer_key for a Shopify customer id
_GID_TYPES = {Target.ORDER: "Order", Target.CUSTOMER: "Customer"}


@dataclass(frozen=True)
class ShopAccess:
    """Where a shop's Admin API is and the token that opens it."""

    domain: str
    token: str


class TagWriter(Protocol):
    """Adds and removes tags on one Shopify resource; raises ExternalServiceError."""

    def add_tags(self, shop: ShopAccess, resource: str, tags: Sequence[str]) -> None: ...

    def remove_tags(self, shop: ShopAccess, resource: str, tags: Sequence[str]) -> None: ...


def gid(target: Target, external_id: str) -> str:
    """The global id of an order or customer: `gid://shopify/Order/5731284920394`."""
    return f"gid://shopify/{_GID_TYPES[target]}/{external_id}"


def shopify_customer_id(customer_key: str) -> str | None:
    """The Shopify customer id kept in a customer's key, or None (a guest, an e-mail key,
    or a customer from another source)."""
    if not customer_key.startswith(_CUSTOMER_KEY_PREFIX):
        return None
    rest = customer_key[len(_CUSTOMER_KEY_PREFIX) :]
    return rest if rest.isdigit() else None


__all__ = ["ShopAccess", "TagWriter", "gid", "shopify_customer_id"]
