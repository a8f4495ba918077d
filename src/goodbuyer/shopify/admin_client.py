"""The Shopify Admin GraphQL API over httpx: `tagsAdd` and `tagsRemove`, with Shopify's
rate limits honoured (HTTP 429 + Retry-After, GraphQL `THROTTLED` + the cost bucket) and
server errors retried; anything else raises ExternalServiceError saying what Shopify said."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from goodbuyer.errors import ExternalServiceError
from goodbuyer.shopify.resources import ShopAccess
from goodbuyer.shopify.settings import DEFAULT_API_VERSION, ShopifySettings

_PAYLOAD = "node { id } userErrors { field message }"
TAGS_ADD = (
    "mutation tagsAdd($id: ID!, $tags: [String!]!) "
    f"{{ tagsAdd(id: $id, tags: $tags) {{ {_PAYLOAD} }} }}"
)
TAGS_REMOVE = (
    "mutation tagsRemove($id: ID!, $tags: [String!]!) "
    f"{{ tagsRemove(id: $id, tags: $tags) {{ {_PAYLOAD} }} }}"
)
_HINTS = {
    401: "the access token is wrong or revoked: connect the shop again",
    402: "the shop is frozen (unpaid)",
    403: "the token lacks the write_orders or write_customers scope",
    404: "no such shop or API version",
    423: "the shop is locked",
}
_SHOWN = 300  # characters of an error body worth showing


@dataclass(frozen=True)
class _Retry:
    wait: float
    reason: str


class ShopifyAdminClient:
    """One client for every shop: the shop's domain and token come with each call."""

    def __init__(
        self,
        http: httpx.Client,
        *,
        api_version: str = DEFAULT_API_VERSION,
        base_url: str = "https://{domain}",
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._http, self._version, self._base = http, api_version, base_url.rstrip("/")
        self._retries, self._backoff, self._max_wait, self._sleep = (
            retries, backoff, max_wait, sleep
        )  # fmt: skip

    def url(self, domain: str) -> str:
        return f"{self._base.format(domain=domain)}/admin/api/{self._version}/graphql.json"

    def add_tags(self, shop: ShopAccess, resource: str, tags: Sequence[str]) -> None:
        """Add tags to an order or customer (adding a tag it has already is a no-op)."""
        self._mutate(shop, "tagsAdd", TAGS_ADD, resource, tags)

    def remove_tags(self, shop: ShopAccess, resource: str, tags: Sequence[str]) -> None:
        """Remove tags from an order or customer (removing a missing tag is a no-op)."""
        self._mutate(shop, "tagsRemove", TAGS_REMOVE, resource, tags)

    def _mutate(
        self, shop: ShopAccess, name: str, query: str, resource: str, tags: Sequence[str]
    ) -> None:
        body = self._call(shop, {"query": query, "variables": {"id": resource, "tags": list(tags)}})
        payload = (body.get("data") or {}).get(name)
        if not isinstance(payload, dict):
            raise ExternalServiceError(f"Shopify {name} on {resource}: the answer has no {name}")
        errors = payload.get("userErrors") or []
        if errors:
            said = "; ".join(_user_error(e) for e in errors)
            raise ExternalServiceError(f"Shopify refused {name} on {resource}: {said}")

    def _call(self, shop: ShopAccess, body: dict[str, Any]) -> dict[str, Any]:
        reason = ""
        for attempt in range(self._retries + 1):
            try:
                response = self._http.post(
                    self.url(shop.domain), json=body, headers={"X-Shopify-Access-Token": shop.token}
                )
            except httpx.TransportError as exc:
                outcome: dict[str, Any] | _Retry = _Retry(self._pause(attempt), _transport(exc))
            else:
                outcome = self._read(shop, response, attempt)
            if isinstance(outcome, dict):
                return outcome
            reason = outcome.reason
            if attempt < self._retries:
                self._sleep(min(outcome.wait, self._max_wait))
        raise ExternalServiceError(
            f"Shopify Admin API of {shop.domain} still failing after "
            f"{self._retries + 1} attempts: {reason}"
        )

    def _read(
        self, shop: ShopAccess, response: httpx.Response, attempt: int
    ) -> dict[str, Any] | _Retry:
        status = response.status_code
        if status == 429:
            wait = _seconds(response.headers.get("Retry-After"))
            return _Retry(
                self._pause(attempt) if wait is None else wait, "HTTP 429 Too Many Requests"
            )
        if status >= 500:
            return _Retry(self._pause(attempt), f"HTTP {status}")
        if status != 200:
            hint = _HINTS.get(status, "")
            raise ExternalServiceError(
                f"Shopify Admin API of {shop.domain} answered HTTP {status}"
                f"{f' ({hint})' if hint else ''}: {response.text[:_SHOWN]}"
            )
        try:
            body = response.json()
        except ValueError:
            raise ExternalServiceError(
                f"Shopify Admin API of {shop.domain} answered something that is not JSON"
            ) from None
        if not isinstance(body, dict):
            raise ExternalServiceError(f"Shopify Admin API of {shop.domain}: not a JSON object")
        errors = body.get("errors")
        if errors and _throttled(errors):
            wait = _throttle_wait(body)
            return _Retry(self._pause(attempt) if wait is None else wait, "THROTTLED")
        if errors:
            raise ExternalServiceError(
                f"Shopify Admin API of {shop.domain} refused the query: {_messages(errors)}"
            )
        return body

    def _pause(self, attempt: int) -> float:
        return float(self._backoff * 2**attempt)


def build_client(settings: ShopifySettings, http: httpx.Client | None = None) -> ShopifyAdminClient:
    """The client the settings describe; the caller closes `http` (made here when None)."""
    return ShopifyAdminClient(
        http or httpx.Client(timeout=settings.timeout_seconds),
        api_version=settings.api_version,
        base_url=settings.admin_base_url,
        retries=settings.retries,
        max_wait=settings.max_wait_seconds,
    )


def _throttled(errors: Any) -> bool:
    return isinstance(errors, list) and any(
        isinstance(e, dict) and (e.get("extensions") or {}).get("code") == "THROTTLED"
        for e in errors
    )


def _throttle_wait(body: dict[str, Any]) -> float | None:
    """Seconds until the cost bucket holds the query again: (requested - available) / rate."""
    cost = (body.get("extensions") or {}).get("cost") or {}
    bucket = cost.get("throttleStatus") or {}
    try:
        missing = float(cost["requestedQueryCost"]) - float(bucket["currentlyAvailable"])
        rate = float(bucket["restoreRate"])
    except (KeyError, TypeError, ValueError):
        return None
    return max(missing, 0.0) / rate if rate > 0 else None


def _seconds(value: str | None) -> float | None:
    try:
        return max(float(value), 0.0) if value is not None else None
    except ValueError:
        return None


def _messages(errors: Any) -> str:
    if isinstance(errors, list):
        return "; ".join(
            str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in errors
        )
    return str(errors)[:_SHOWN]


def _user_error(error: Any) -> str:
    if not isinstance(error, dict):
        return str(error)
    field = ".".join(str(f) for f in error.get("field") or [])
    return f"{field}: {error.get('message')}" if field else str(error.get("message"))


def _transport(exc: httpx.TransportError) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


__all__ = ["TAGS_ADD", "TAGS_REMOVE", "ShopifyAdminClient", "build_client"]
