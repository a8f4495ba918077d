"""SMS and WhatsApp through Twilio's REST API (its real request format, over httpx).

Twilio offers no idempotency key for sending, so a re-run after a crash asks the list
endpoint whether a message with this exact body already went to this number (`find_sent`);
our bodies are unique (they carry the link or the order number).
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import Any

import httpx

from goodbuyer.confirmations.channels.base import ChannelError, Message
from goodbuyer.confirmations.channels.retry import Backoff, with_retries
from goodbuyer.confirmations.statuses import OutboundChannel

_TRANSIENT = {408, 409, 429}
_MAX_PAGES = 20  # find_sent reads at most this many pages of one day's messages


class TwilioChannel:
    """One Twilio sender: `kind` SMS or WHATSAPP (then To/From carry `whatsapp:`)."""

    def __init__(
        self, kind: OutboundChannel, account_sid: str, auth_token: str, sender: str,
        base_url: str, http: httpx.Client, backoff: Backoff | None = None,
    ) -> None:  # fmt: skip
        if kind not in (OutboundChannel.SMS, OutboundChannel.WHATSAPP):
            raise ValueError(f"Twilio sends sms or whatsapp, not {kind}")
        self.kind: OutboundChannel = kind
        self._auth = (account_sid, auth_token)
        self._sender = self._address(sender)
        self._base = base_url.rstrip("/")
        self._url = f"{self._base}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._http = http
        self._backoff = backoff or Backoff()

    def send(self, message: Message) -> str:
        form = {"To": self._address(message.recipient), "From": self._sender,
                "Body": message.body}  # fmt: skip
        if message.status_callback:
            form["StatusCallback"] = message.status_callback
        started, unsure = datetime.now(UTC), [False]

        def attempt() -> str:
            # A request that may have reached Twilio (no answer read) is looked up first.
            if unsure[0] and (found := self.find_sent(message, started)) is not None:
                return found
            try:
                return str(self._post(form)["sid"])
            except _Unsure as exc:
                unsure[0] = True
                raise ChannelError(exc.detail) from exc

        return with_retries(attempt, self._backoff, f"twilio {message.key}")

    def find_sent(self, message: Message, since: datetime) -> str | None:
        to = self._address(message.recipient)
        params: dict[str, str] | None = {"To": to, "DateSent>": since.strftime("%Y-%m-%d")}
        url = self._url
        for _ in range(_MAX_PAGES):
            page = with_retries(partial(self._get, url, params), self._backoff, "twilio list")
            for item in page.get("messages", []):
                if item.get("body") == message.body and item.get("from") == self._sender:
                    return str(item["sid"])
            next_uri = page.get("next_page_uri")
            if not next_uri:
                return None
            url, params = f"{self._base}{next_uri}", None
        raise ChannelError(f"more than {_MAX_PAGES} pages of messages to {to}: cannot tell")

    def _address(self, number: str) -> str:
        if self.kind is OutboundChannel.WHATSAPP and not number.startswith("whatsapp:"):
            return f"whatsapp:{number}"
        return number

    def _post(self, form: dict[str, str]) -> dict[str, Any]:
        return self._call(lambda: self._http.post(self._url, data=form, auth=self._auth))

    def _get(self, url: str, params: dict[str, str] | None) -> dict[str, Any]:
        # Twilio's filter "DateSent>=YYYY-MM-DD" is the parameter "DateSent>" (sent as %3E).
        return self._call(lambda: self._http.get(url, params=params, auth=self._auth))

    @staticmethod
    def _call(request: Any) -> dict[str, Any]:
        try:
            response: httpx.Response = request()
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise ChannelError(f"Twilio unreachable: {exc!r}") from exc
        except httpx.TransportError as exc:
            raise _Unsure(f"Twilio did not answer: {exc!r}") from exc
        if response.is_success:
            body: dict[str, Any] = response.json()
            return body
        raise _error(response)


class _Unsure(ChannelError):
    """The request may have reached Twilio: the next attempt looks it up before sending."""


def _error(response: httpx.Response) -> ChannelError:
    try:
        body = response.json()
    except ValueError:
        body = {}
    code, text = body.get("code"), body.get("message") or response.reason_phrase
    retryable = response.status_code in _TRANSIENT or response.status_code >= 500
    return ChannelError(f"Twilio {response.status_code} ({code}): {text}", retryable=retryable)


__all__ = ["TwilioChannel"]
