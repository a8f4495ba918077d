"""The Gorgias REST API calls the write-back needs (httpx, Basic auth email:API key):
add tags, find a message by our external id, post an internal note.

Error tree: HelpdeskError (`retryable`: 429, 5xx, a lost connection; `retry_after` when
the helpdesk said how long to wait; `unsure`: the request may have arrived)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

_MAX_PAGES = 20


@dataclass
class HelpdeskError(Exception):
    detail: str
    retryable: bool
    retry_after: float | None = None
    unsure: bool = False

    def __str__(self) -> str:
        return self.detail


@dataclass(frozen=True)
class GorgiasAccount:
    base_url: str  # https://{domain}.gorgias.com/api
    username: str  # the API user's e-mail
    api_key: str = field(repr=False)


def gorgias_base_url(domain: str) -> str:
    return f"https://{domain}.gorgias.com/api"


class GorgiasClient:
    def __init__(self, account: GorgiasAccount, http: httpx.Client) -> None:
        self._account, self._http = account, http
        self._base = account.base_url.rstrip("/")

    def add_tags(self, ticket_id: str, names: list[str]) -> None:
        """Add tags to a ticket (tags it already has stay; adding twice changes nothing)."""
        self._request("POST", f"/tickets/{ticket_id}/tags", json={"names": names})

    def find_message(self, ticket_id: str, external_id: str) -> int | None:
        """The id of the ticket's message carrying our `external_id`, if it was posted."""
        params: dict[str, Any] = {"limit": 100}
        for _ in range(_MAX_PAGES):
            page = self._request("GET", f"/tickets/{ticket_id}/messages", params=params).json()
            for message in page.get("data", []):
                if message.get("external_id") == external_id:
                    return int(message["id"])
            cursor = (page.get("meta") or {}).get("next_cursor")
            if not cursor:
                return None
            params["cursor"] = cursor
        raise HelpdeskError(f"ticket {ticket_id} has too many messages to look through", False)

    def post_internal_note(self, ticket_id: str, external_id: str, text: str, html: str) -> int:
        """An internal note (seen by agents only) from the API user; its message id."""
        body = {
            "channel": "internal-note", "via": "api", "from_agent": True, "public": False,
            "sender": {"email": self._account.username}, "external_id": external_id,
            "body_text": text, "body_html": html,
        }  # fmt: skip
        return int(self._request("POST", f"/tickets/{ticket_id}/messages", json=body).json()["id"])

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        auth = (self._account.username, self._account.api_key)
        try:
            response = self._http.request(method, self._base + path, auth=auth, **kwargs)
        except httpx.TransportError as exc:
            sent = not isinstance(exc, httpx.ConnectError)
            raise HelpdeskError(f"{method} {path}: {exc!r}", True, unsure=sent) from exc
        if response.status_code < 400:
            return response
        detail = f"{method} {path}: HTTP {response.status_code} {response.text[:300]}"
        retryable = response.status_code == 429 or response.status_code >= 500
        wait = retry_after(response.headers.get("retry-after"))
        raise HelpdeskError(detail, retryable, wait, unsure=response.status_code >= 500)


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After in seconds: a number of seconds or an HTTP date; None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    moment = now or datetime.now(UTC)
    return max(0.0, (when - moment).total_seconds()) if when.tzinfo else None


__all__ = ["GorgiasAccount", "GorgiasClient", "HelpdeskError", "gorgias_base_url", "retry_after"]
